import Foundation
import Synchronization
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct CMarkTests {
    /// cmark-gfm's extensions' inline characters are one table for the
    /// process: a parse ending on one thread took `~`, `:` and `w` from a
    /// parse running on another (strikethrough and autolinks lost now and
    /// then). `CCmarkThreads` keeps them; the documents come out the same
    /// on four threads as on one.
    @Test func documentsParsedSideBySideComeOutAsParsedAlone() {
        #expect(CMark.Document.parsesSideBySide, "cmark-gfm calls the definition that keeps its characters")
        let documents = (0..<8).map { n in
            String(repeating: "Plain words \(n), then ~~struck \(n)~~ and www.example\(n).com and https://example.org/\(n) here.\n\n", count: 40)
        }
        let expected = documents.map { CMark.html($0) }
        #expect(expected.allSatisfy { $0.contains("<del>struck") && $0.contains("<a href=\"http://www.example") })
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            if CMark.html(documents[index % documents.count]) != expected[index % documents.count] {
                mismatches.withLock { $0 += 1 }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }

    @Test func rendersGitHubFlavouredMarkdown() {
        let html = CMark.html("""
        **bold** ~~gone~~ https://example.com

        | a | b |
        |---|---|
        | 1 | 2 |

        - [x] done
        - [ ] open
        """)
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>2</td>"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = CMark.html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func onlyRelativePathsInsideTheOutputAreOutputFilesAndOnlyWebSchemesSafe() {
        #expect(CMark.isOutputFile("charts/kpi.svg", depth: 0))
        #expect(CMark.isOutputFile("../charts/kpi.svg?v=1", depth: 1))
        #expect(!CMark.isOutputFile("../../secret.png", depth: 1))
        #expect(!CMark.isOutputFile("%2e%2e/%2E%2e/secret.png", depth: 1), "percent-encoded dots climb too")
        #expect(!CMark.isOutputFile("/etc/passwd", depth: 3))
        #expect(!CMark.isOutputFile(" \t/etc/passwd", depth: 3), "white space before the slash does not hide it")
        #expect(!CMark.isOutputFile("file:secret.png", depth: 3))
        #expect(CMark.isSafeURL("https://example.com/a") && CMark.isSafeURL("#top") && CMark.isSafeURL("a/b:c"))
        #expect(!CMark.isSafeURL("java\tscript:alert(1)"), "a control character inside the scheme does not hide it")
        #expect(!CMark.isSafeURL("JAVASCRIPT:alert(1)"))
        #expect(CMark.isWebURL(" HTTPS://example.com") && !CMark.isWebURL("mailto:a@b.c"))
    }

    @Test func commonMarkOutputKeepsTables() {
        let markdown = CMark.commonmark("| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(markdown.contains("| a | b |"))
        #expect(markdown.contains("| 1 | 2 |"))
    }

    @Test func plainTextStripsMarkup() {
        #expect(CMark.plainText("**Acme** _Cloud_").trimmingCharacters(in: .whitespacesAndNewlines) == "Acme Cloud")
    }

    @Test func emptyInputIsEmptyOutput() {
        #expect(CMark.html("") == "")
    }

    @Test func relinkingPointsTheChosenLinksElsewhereAndLeavesTheRest() {
        let document = CMark.Document("""
        | Partner |
        |---|
        | [Acme](../partners/acme/scorecard.md) |

        See [the rules](rules.md), [Acme again](../partners/acme/scorecard.md) and ![chart](../partners/acme/scorecard.md).
        """)
        let markdown = document.commonmark()
        document.relink(ProgramScorecardView.htmlLink)
        let html = document.html()
        #expect(markdown.contains("(../partners/acme/scorecard.md)") && !markdown.contains("scorecard.html"))
        #expect(html.components(separatedBy: "href=\"../partners/acme/scorecard.html\"").count == 3)
        #expect(html.contains("href=\"rules.md\""))
        // An image is not a link to follow: left as it is.
        #expect(html.contains("src=\"../partners/acme/scorecard.md\""))
    }

    @Test func onlyAPartnersMarkdownScorecardHasAnHTMLLink() {
        #expect(ProgramScorecardView.htmlLink("../partners/acme/scorecard.md") == "../partners/acme/scorecard.html")
        for url in ["../partners/acme/charter.md", "partners/acme/scorecard.md", "../partners/acme/scorecard.md#kpis",
                    "../program/report.html", "https://example.com/partners/x/scorecard.md"] {
            #expect(ProgramScorecardView.htmlLink(url) == nil, "\(url)")
        }
    }
}
