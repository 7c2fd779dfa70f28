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

/// Content is untrusted. Each vector goes into a partner file, the real binary
/// builds the site, and no HTML or SVG file it writes may carry live markup
/// from the content: no script, no event handler, no script URL, no tag the
/// author typed.
@Suite struct UntrustedContentTests {
    static func q(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    /// Builds the fixture with `old` replaced by `new` (re-signed) and returns every output file's text.
    static func build(_ old: String, _ new: String) throws -> [String: String] {
        let yaml = Fixtures.signed(Fixtures.partner(replacing: old, with: new, in: Fixtures.partnerBody))
        let folder = TemporaryFolder.project(["acme": yaml])
        let result = try Binary.run(["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "out"],
                                    in: folder.url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        var files: [String: String] = [:]
        let out = folder.url.appendingPathComponent("out")
        for path in OutputWriter.filesBelow(out) where !path.hasSuffix(".pdf") {
            files[path] = String(decoding: try Data(contentsOf: out.appendingPathComponent(path)), as: UTF8.self)
        }
        return files
    }

    /// Every tag in every HTML and SVG file is one the pipeline writes, with no
    /// event handler and no unsafe URL.
    static func expectNoLiveMarkup(_ files: [String: String], sourceLocation: SourceLocation = #_sourceLocation) {
        for (path, text) in files where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            for problem in LiveMarkup.problems(in: text, path: path) {
                Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
            }
        }
    }

    static let vectors: [(name: String, old: String, new: String)] = [
        ("raw HTML block", "summary: A *good* partner.", "summary: \(q("<script>alert('evil')</script>\n\nafter"))"),
        ("inline HTML with handlers", "summary: A *good* partner.",
         "summary: \(q("x <img src=evil onerror=alert(1)> <a href=\"#\" onclick=\"evil()\">y</a> <svg onload=evil()>"))"),
        ("javascript link", "summary: A *good* partner.", "summary: \(q("[click](javascript:alert('evil'))"))"),
        ("mixed-case scheme", "summary: A *good* partner.", "summary: \(q("[click](JaVaScRiPt:alert('evil'))"))"),
        ("entity-encoded scheme", "summary: A *good* partner.",
         "summary: \(q("[one](java&#115;cript:alert('evil')) [two](javascript&colon;alert('evil')) [three](&#x6A;avascript:evil)"))"),
        ("percent-encoded scheme", "summary: A *good* partner.", "summary: \(q("[click](%6Aavascript:alert('evil'))"))"),
        ("scheme split by a tab", "summary: A *good* partner.", "summary: \(q("[click](<java\tscript:alert('evil')>)"))"),
        ("vbscript link", "summary: A *good* partner.", "summary: \(q("[click](vbscript:msgbox('evil'))"))"),
        ("data link and image", "summary: A *good* partner.",
         "summary: \(q("[x](data:text/html;base64,PHNjcmlwdD5ldmlsPC9zY3JpcHQ+) ![evil](data:image/svg+xml;base64,PHN2Zz4=)"))"),
        ("autolink with a script scheme", "summary: A *good* partner.", "summary: \(q("<javascript:alert('evil')>"))"),
        ("quotes in an email", "email: sam@acme.example", "email: \(q("x\" onmouseover=\"evil()\"@acme.example"))"),
        ("HTML in a name", "name: Acme Cloud", "name: \(q("<b onclick=evil()>Acme</b> \"Cloud\" & Co"))"),
        ("HTML in a metric name", "name: Revenue, unit: USD", "name: \(q("<i onmouseover=evil()>Revenue</i>")), unit: USD"),
        ("HTML in a list item", "exit_criteria: [ Revenue under half of target ]",
         "exit_criteria: [ \(q("<iframe src=evil></iframe>")) ]"),
        ("HTML in a risk owner", "next_review: 2027-01-14",
         "next_review: 2027-01-14\n    risks: [ { risk: \(q("<u>evil</u>")), owner: \(q("<em>evil</em>")), action: \(q("<object data=evil>")) } ]"),
    ]

    @Test(arguments: vectors.map(\.name))
    func noVectorBecomesLiveMarkup(_ name: String) throws {
        let vector = Self.vectors.first { $0.name == name }!
        let files = try Self.build(vector.old, vector.new)
        #expect(files["partners/acme/charter.html"] != nil)
        Self.expectNoLiveMarkup(files)
    }

    @Test func theCheckerCatchesLiveMarkupAndIgnoresEscapedText() {
        #expect(LiveMarkup.problems(in: "<img src=x onerror=alert(1)>", path: "t").count == 1)
        #expect(LiveMarkup.problems(in: "<a href=\"JavaScript:evil()\">x</a>", path: "t").count == 1)
        #expect(LiveMarkup.problems(in: "<iframe src=\"https://x\"></iframe>", path: "t").count == 2)
        #expect(LiveMarkup.problems(in: "<script>evil()</script>", path: "t").isEmpty == false)
        #expect(LiveMarkup.problems(in: "<img src=\"charts/a.svg\" alt=\"&lt;i onclick=x&gt;\" />", path: "t").isEmpty)
        #expect(LiveMarkup.problems(in: "<li data-search=\"javascript:x onload=y\">", path: "t").isEmpty)
    }

    @Test func markdownCannotBreakATableRow() throws {
        let files = try Self.build("next_review: 2027-01-14",
                                   "next_review: 2027-01-14\n    risks: [ { risk: \(Self.q("a | b | c\n| --- |")), owner: \(Self.q("x|y")), action: \(Self.q("|")) } ]")
        for path in ["partners/acme/scorecard.md", "partners/acme/qbr/2026-Q3.md"] {
            let markdown = try #require(files[path])
            let row = try #require(markdown.split(separator: "\n").first { $0.contains("a \\| b \\| c") }, "\(path)")
            #expect(MarkdownTable.unescapedPipes(String(row)) == 4, "\(path): \(row)")
        }
        let html = try #require(files["partners/acme/scorecard.html"])
        #expect(html.contains("<th scope=\"row\">a | b | c | --- |</th>"), "one cell, the row's header")
    }

    @Test func markdownCannotAddHeadings() throws {
        let files = try Self.build("exit_criteria: [ Revenue under half of target ]",
                                   "exit_criteria: [ \(Self.q("# Evil heading")), \(Self.q("Setext\n===")) ]")
        let html = try #require(files["partners/acme/charter.html"])
        #expect(!html.contains("<h1>Evil heading"))
        #expect(html.contains("# Evil heading"))
        #expect(html.components(separatedBy: "<h1").count == 2)
        let summary = try Self.build("summary: A *good* partner.", "summary: \(Self.q("Intro\n# Evil heading\nText\n===\n"))")
        #expect(summary["partners/acme/index.html"]?.contains("<h1>Evil heading") == false)
        #expect(summary["partners/acme/index.html"]?.components(separatedBy: "<h1").count == 2)
    }
}
