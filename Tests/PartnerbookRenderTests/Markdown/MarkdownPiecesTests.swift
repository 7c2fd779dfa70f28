import Foundation
import Testing
@testable import PartnerbookSupport
@testable import PartnerbookRender
import PartnerbookTestSupport

@Suite struct MarkdownPiecesTests {
    /// What the program scorecard does with each parsed piece.
    static func render(_ document: CMark.Document) -> (commonmark: String, html: String) {
        document.sanitize(depth: 1)
        let markdown = document.commonmark()
        document.relink { $0.hasSuffix(".md") ? String($0.dropLast(3)) + ".html" : nil }
        return (markdown, document.html())
    }

    static func whole(_ text: String) -> (commonmark: String, html: String) { render(CMark.Document(text)) }

    /// The document rendered a piece at a time, each output joined from its texts.
    static func joined(_ text: String, _ lines: Int) -> (commonmark: String, html: String) {
        let rendered = MarkdownPieces.render(text, linesPerPiece: lines, render)
        return (rendered.commonmark.joined(), rendered.html.joined())
    }

    static func pieceCount(_ text: String, _ lines: Int) -> Int? {
        var text = text
        return text.withUTF8 { MarkdownPieces.pieces($0, linesPerPiece: lines)?.count }
    }

    /// A document shaped like the program scorecard: a table of every
    /// partner (cells with escapes, links, emphasis, raw HTML, autolinks,
    /// too many and too few cells), lists of one line per partner under
    /// headings, a long paragraph, more tables after.
    static let scorecard: String = {
        var text = "# Program scorecard: A & B <Co>\n\nAcme · As of 1 May · 7 partners\n\n## Partners\n\n"
        text += "| Partner | Tier | Health | Next step |\n|---|---|--:|:-:|\n"
        for n in 0..<23 {
            let cells: [String] = [
                "[Partner \(n) *new*](../partners/p\(n)/scorecard.md)\(n % 4 == 0 ? " (handshake)" : "")",
                n % 3 == 0 ? "Tier 1" : "",
                n % 5 == 0 ? "\\- 3 \\| 4" : "\(n * 7) **Green**",
                n % 6 == 0 ? "see <b>www.example.com</b> and ~~old~~ `code|x`" : "sign \\[charter\\]: now",
            ]
            text += "| " + cells.joined(separator: " | ") + (n == 7 ? " | extra |" : n == 8 ? "" : " |") + "\n"
        }
        text += "\nHealth bands: green 70 or more.\n\n## What needs attention\n\n### Decisions due\n\n"
        for n in 0..<17 {
            text += "- **[P\(n)](../partners/p\(n)/scorecard.md)**: warning: \(n % 2 == 0 ? "late \\[gate.overdue\\]" : "a *b* <i>c</i>") (+\(n) more)\n"
        }
        text += "\n### Everything else\n\n- [x] one\n- [ ] two\n- three\n\n"
        text += "Handshakes: " + (0..<40).map { "[H\($0)](../partners/h\($0)/scorecard.md)" }.joined(separator: ", ") + ".\n\n"
        text += "## Partners by tier\n\n| Tier | Partners |\n|---|--:|\n| Tier 1 | 3 |\n| Tier 2 | 4 |\n"
        return text
    }()

    @Test func piecesJoinToTheWholeDocumentsBytes() {
        let whole = Self.whole(Self.scorecard)
        for lines in [1, 2, 3, 5, 8, 22, 23, 24, 1000] {
            let joined = Self.joined(Self.scorecard, lines)
            #expect(joined.commonmark == whole.commonmark, "CommonMark, \(lines) lines a piece")
            #expect(joined.html == whole.html, "HTML, \(lines) lines a piece")
        }
        // Cut indeed: the table (23 rows) after every 5th, the first list (17 items) too; three items are not cut.
        #expect(Self.pieceCount(Self.scorecard, 5) == 1 + 4 + 3)
        #expect(Self.pieceCount(Self.scorecard, 1000) == 1)
        #expect(Self.whole(Self.scorecard).html.contains("<th scope=\"row\">"), "row headers in the pieces as in the whole")
    }

    /// A long table's outputs come as texts of about 256 KB each (cut
    /// between pieces), which join to the whole document's bytes.
    @Test func aLongDocumentsOutputsComeAsSeveralTextsThatJoinToTheWhole() {
        var text = "# Partners\n\n| Partner | Health | Note |\n|---|--:|---|\n"
        for n in 0..<8_000 { text += "| [Partner \(n)](../partners/p\(n)/scorecard.md) | \(n % 100) | *é* & <b>\(n)</b> |\n" }
        let rendered = MarkdownPieces.render(text, linesPerPiece: 1000, Self.render)
        let whole = Self.whole(text)
        #expect(rendered.commonmark.count > 1 && rendered.html.count > 1)
        #expect(rendered.html.dropLast().allSatisfy { $0.utf8.count >= TextPieces.pieceSize })
        #expect(rendered.commonmark.joined() == whole.commonmark)
        #expect(rendered.html.joined() == whole.html)
    }

    @Test func theExampleProgramsScorecardComesBackTheSame() throws {
        // The committed scorecard is cmark-gfm's own CommonMark: real rows, real list items.
        let text = try String(contentsOf: Binary.repository.appendingPathComponent("Output/program/scorecard.md"), encoding: .utf8)
        #expect((Self.pieceCount(text, 2) ?? 0) > 3)
        let whole = Self.whole(text)
        for lines in [1, 2, 3] {
            let joined = Self.joined(text, lines)
            #expect(joined.commonmark == whole.commonmark && joined.html == whole.html, "\(lines) lines a piece")
        }
    }

    @Test func aDocumentOnePartCouldReachIntoAnotherIsParsedWhole() {
        let table = "| a | b |\n|---|---|\n| [x] | 1 |\n| [y][r] | 2 |\n| 3 | 4 |\n"
        #expect(Self.pieceCount("\n" + table, 1) == 3, "a table alone is cut")
        for reaching in ["\n[r]: https://example.com\n", "\n```\n", "\n~~~\n", "\n<div>\n", "\n   <!-- x\n", "\n> [r]: /x\n", "a\u{0}b\n"] {
            #expect(Self.pieceCount("\n" + table + reaching, 1) == nil, "\(reaching.debugDescription)")
            let text = "\n" + table + reaching
            let joined = Self.joined(text, 1)
            #expect(joined.html == Self.whole(text).html)
        }
        // An escaped bracket before a colon defines nothing.
        #expect(Self.pieceCount("\n" + table + "\nsee \\[r\\]: here\n", 1) == 3)
        #expect(Self.pieceCount("\n" + table + "\nsee \\\\[r]: here\n", 1) == nil, "an escaped backslash leaves the bracket")
    }

    @Test func aListThatMayBeLooseIsNotCut() {
        let items = "- a\n- b\n- c\n"
        #expect(Self.pieceCount("# T\n\n" + items, 1) == 3)
        // Another item after a blank line makes one loose list; so does an indented block, or a list before.
        for text in ["# T\n\n" + items + "\n- d\n", "# T\n\n" + items + "\n  more\n", "- z\n\n" + items, "text\n\n" + items,
                     "# T\n\n" + items + "\n1. one\n"] {
            #expect(Self.pieceCount(text, 1) == 1, "\(text.debugDescription)")
            let joined = Self.joined(text, 1)
            #expect(joined.html == Self.whole(text).html && joined.commonmark == Self.whole(text).commonmark)
        }
        // A thematic break is not an item; a table needs its delimiter row.
        var rule = "- - -\n- a\n"
        #expect(rule.withUTF8 { bytes in
            let lines = MarkdownPieces.Lines(bytes)
            return !lines.isListItem(0) && lines.isListItem(1)
        })
        #expect(Self.pieceCount("\n| a |\n| b |\n| c |\n", 1) == 1)
    }
}
