import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// Hostile text in every kind of field must land as text: escaped in HTML,
/// literal in Markdown, never breaking a table row or a heading.
@Suite struct EscapingTests {
    static let nasty = #"<b>Bold</b> & "quoted" 'single' | pipe *star* _under_ [link](x) # hash `tick`"#

    static func hostilePartner() -> String {
        func q(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        var yaml = Fixtures.partnerBody
        for (old, new) in [
            ("name: Acme Cloud", "name: \(q(nasty))"),
            ("summary: A *good* partner.", "summary: \(q("<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"))"),
            ("us: { name: Dana Ruiz, title: Director, email: dana@northwind.example }",
             "us: { name: \(q(nasty)), title: \(q("VP | \"Ops\"")), email: \(q("x\\\" onmouseover=\\\"alert(1)@evil.example")) }"),
            ("name: Revenue, unit: USD", "name: \(q("Rev <i>|</i> & co")), unit: USD"),
            ("we_give: [ Connector ]", "we_give: [ \(q("Connector | with | pipes <u>x</u>")) ]"),
            ("exit_criteria: [ Revenue under half of target ]", "exit_criteria: [ \(q("# Not a heading\n\n---\n| a | b |")) ]"),
            ("metrics: { revenue: 410000, days: 7 }", "metrics: { revenue: 410000, days: 7 }\n    attendees: [ \(q(nasty)) ]\n    risks: [ { risk: \(q("Risk | <em>breaks</em> table")), owner: \(q(nasty)), action: \(q("act & \"now\"")) } ]"),
        ] {
            yaml = Fixtures.partner(replacing: old, with: new, in: yaml)
        }
        return Fixtures.signed(yaml)
    }

    @Test func hostileContentLoadsCleanly() {
        let diagnostics = Fixtures.check(Self.hostilePartner())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    }

    @Test func noUserMarkupReachesAnyHTMLOrSVG() throws {
        let files = try TestBuild.files(TemporaryFolder.content(["acme": Self.hostilePartner()]))
        for (path, text) in files where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            #expect(LiveMarkup.problems(in: text, path: path) == [])
        }
        let charter = try #require(files["partners/acme/charter.html"])
        #expect(charter.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;"))
        let scorecard = try #require(files["partners/acme/scorecard.html"])
        #expect(scorecard.contains("Rev &lt;i&gt;|&lt;/i&gt; &amp; co"))
    }

    @Test func markdownTablesKeepTheirColumns() throws {
        let files = try TestBuild.files(TemporaryFolder.content(["acme": Self.hostilePartner()]))
        for (path, text) in files where path.hasSuffix(".md") {
            var columns: Int?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                guard line.hasPrefix("|") else { columns = nil; continue }
                let count = Self.unescapedPipes(line)
                if let expected = columns {
                    #expect(count == expected, "\(path): row breaks its table: \(line)")
                } else {
                    columns = count
                }
            }
        }
    }

    @Test func hostileProseCannotAddHeadings() throws {
        let files = try TestBuild.files(TemporaryFolder.content(["acme": Self.hostilePartner()]))
        let charter = try #require(files["partners/acme/charter.md"])
        #expect(!charter.contains("\n# Not a heading"))
        let html = try #require(files["partners/acme/charter.html"])
        #expect(!html.contains("<h1>Not a heading"))
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1 per page")
        #expect(MarkdownText.block("Intro\n# Big\n===") == "Intro\n\\# Big\n\\===")
        #expect(MarkdownText.inline("1. first") == "1\\. first")
    }

    @Test func emailsBecomeMailtoLinksOnlyWhenHarmless() throws {
        let files = try TestBuild.files(TemporaryFolder.content(["acme": Self.hostilePartner()]))
        let html = try #require(files["partners/acme/charter.html"])
        #expect(html.contains("href=\"mailto:sam@acme.example\""))
        #expect(!html.contains("onmouseover=\""))
        let page = try #require(files["partners/acme/index.html"])
        #expect(page.contains("href=\"mailto:sam@acme.example\""))
        #expect(!page.contains("mailto:x"), "a malformed address is shown as text, not linked")
        #expect(EmailAddress.isPlausible("dana.ruiz+p@northwind.example"))
        #expect(!EmailAddress.isPlausible("x\" onmouseover=\"a@b.c"))
    }

    @Test func chartsEscapeTheirTitles() {
        let chart = TrendChart(title: "<script>x</script> & \"q\"", unit: "USD", target: 10,
                               points: [KPIReading.Point(period: Period("2026-Q1")!, value: 5)], asOf: Day("2026-11-20")!).svg()
        #expect(!chart.contains("<script>"))
        #expect(chart.contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"))
    }

    /// A quote followed by a combining mark is one `Character`: Mustache's
    /// own escaping, which looks characters up whole, let it through raw and
    /// it closed the card's `data-search` attribute. Bytes are escaped now.
    @Test func aCombiningMarkCannotCarryAQuoteIntoAnAttribute() throws {
        let name = "Evil\"\u{301} onmouseover=\"\u{301}alert(1) <\u{338}b>"
        let yaml = Fixtures.partner(replacing: "name: Acme Cloud", with: "name: \"Evil\\\"\u{301} onmouseover=\\\"\u{301}alert(1) <\u{338}b>\"", in: Fixtures.partnerBody)
        let errors = Fixtures.check(Fixtures.signed(yaml)).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let files = try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.signed(yaml)]))
        let home = try #require(files["index.html"])
        let raw = "\"\u{301} onmouseover", escaped = "Evil&quot;\u{301} onmouseover=&quot;\u{301}alert(1) &lt;\u{338}b&gt;"
        let reachedRaw = home.contains(raw), reachedEscaped = home.contains(escaped)
        #expect(!reachedRaw)
        #expect(reachedEscaped)
        #expect(LiveMarkup.problems(in: home, path: "index.html") == [])
        let byBytes = HTMLEscaping.escape(name)
        #expect(byBytes == escaped)
        #expect(HTMLEscaping.escape("plain café") == "plain café")
        #expect(HTMLEscaping.escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
    }

    @Test func markdownEscapingIsLiteral() {
        let escaped = MarkdownText.escape("a|b *c* <d> & e\nf")
        #expect(CMark.plainText(escaped).trimmingCharacters(in: .whitespacesAndNewlines) == "a|b *c* <d> & e f")
        #expect(MarkdownText.cell("x | y \\| z") == "x \\| y \\| z")
    }

    /// The escapes byte by byte: each of CommonMark's 32 escapable
    /// characters gets a backslash and nothing else does; a run of line
    /// breaks (LF, CR, CR LF) is one space; a value appended while a
    /// template is filled is the same bytes.
    @Test func markdownEscapesAreExactAndAppendedAsEscaped() {
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
        #expect(MarkdownText.escape(punctuation) == punctuation.map { "\\\($0)" }.joined())
        #expect(MarkdownText.escape("Café 09 AZ az") == "Café 09 AZ az")
        #expect(MarkdownText.escape("\na\r\nb\n\n\nc\rd\n") == " a b c d ")
        #expect(MarkdownText.escape("x\r\n*y*") == "x \\*y\\*")
        for text in ["", "plain", "\n", "a|b *c* <d> & e\nf", "Ünïcödé — \"quoted\" <b>", punctuation] {
            var markdown: [UInt8] = Array("head ".utf8), html: [UInt8] = Array("head ".utf8)
            MarkdownText.append(text, escapedTo: &markdown)
            HTMLEscaping.append(text, escapedTo: &html)
            #expect(String(decoding: markdown, as: UTF8.self) == "head " + MarkdownText.escape(text))
            #expect(String(decoding: html, as: UTF8.self) == "head " + HTMLEscaping.escape(text))
        }
        #expect(cssString("Az09 é-") == "Az09 \\e9 \\2d ")
    }

    @Test func cssStringsCannotBreakOut() {
        let css = cssString("a\"b</style><script>")
        #expect(!css.contains("\""))
        #expect(!css.contains("<"))
        #expect(css.hasPrefix("a\\22 b"))
    }

    /// Every tag of an HTML or SVG text, as written.
    static func tags(in text: String) -> [String] {
        var tags: [String] = [], current: String?
        for c in text {
            if c == "<" { current = "<" } else if current != nil {
                current!.append(c)
                if c == ">" { tags.append(current!); current = nil }
            }
        }
        return tags
    }

    static func unescapedPipes(_ line: String) -> Int { MarkdownTable.unescapedPipes(line) }
}
