import Foundation
import PartnerbookSupport

/// A long Markdown document parsed and rendered a piece at a time, with the
/// same bytes out as one parse of the whole.
///
/// cmark-gfm keeps a node of some hundred bytes for every cell, link and run
/// of text: the program scorecard's table and its lists hold a line per
/// partner, and one tree of them took 7 KB a partner (700 MB at 100,000
/// partners) for the moment it was rendered. Here a long table is parsed
/// some rows at a time, each piece with the table's header above its rows,
/// and a long list some items at a time; the pieces' output is joined with
/// the seams cut away (a piece's header and `<tbody>`, its `</ul>`).
///
/// Only where cutting cannot change the output: a run of table rows or list
/// items is cut only at the document's top level (its first line at the
/// start of a line, after a blank line), the list tight and of one-line `- `
/// items. A document with anything one part of it could reach into another
/// from (a link reference definition, a fence, an HTML block) is parsed
/// whole, as is one whose pieces do not have the seams expected.
package enum MarkdownPieces {
    /// What a piece's first or last line is in the middle of.
    enum Seam: Equatable {
        /// A table: the byte range of its header and delimiter rows.
        case table(header: Range<Int>)
        case list
    }

    /// A run of the document's lines to parse on its own.
    struct Piece: Equatable {
        var bytes: Range<Int>
        /// Set when the piece begins inside a run the piece before it began.
        var opens: Seam?
        /// Set when the piece ends inside a run the piece after it goes on with.
        var closes: Seam?
    }

    /// Parses `text` piece by piece (or whole), hands each parsed piece to
    /// `render` for its CommonMark and its HTML, and joins them: each output
    /// as texts of about 256 KB (`TextPieces`), written from them. At
    /// 100,000 partners the program scorecard's outputs are 27 and 40 MB;
    /// joined into two buffers grown by doubling, then copied into strings,
    /// they were held some three times over.
    package static func render(_ text: String, linesPerPiece: Int = 1000,
                               _ render: (CMark.Document) -> (commonmark: String, html: String)) -> (commonmark: [String], html: [String]) {
        var text = text
        let joined: (commonmark: [String], html: [String])? = text.withUTF8 { bytes in
            guard let pieces = pieces(bytes, linesPerPiece: linesPerPiece), pieces.count > 1 else { return nil }
            var commonmark = TextPieces(), html = TextPieces()
            for piece in pieces {
                var source = [UInt8]()
                if case .table(let header)? = piece.opens { source += bytes[header] }
                source += bytes[piece.bytes]
                let rendered = render(CMark.Document(String(decoding: source, as: UTF8.self)))
                guard append(rendered.commonmark, cutting: piece, .commonmark, to: &commonmark.bytes),
                      append(rendered.html, cutting: piece, .html, to: &html.bytes) else { return nil }
                // A piece's output is whole lines of text: a place to cut.
                commonmark.cut()
                html.cut()
            }
            return (commonmark.finished(), html.finished())
        }
        if let joined { return joined }
        let whole = render(CMark.Document(text))
        return ([whole.commonmark], [whole.html])
    }

    /// What a piece's output is in: its seams are cut differently.
    enum Format {
        case commonmark, html

        /// How many bytes at the start of a piece that opens inside a
        /// table come before its first row: in CommonMark the header and
        /// delimiter rows (two lines), in HTML everything through `<tbody>`.
        func tableOpening(_ output: UnsafeBufferPointer<UInt8>) -> Int? {
            switch self {
            case .commonmark:
                guard let first = output.firstIndex(of: UInt8(ascii: "\n")),
                      let second = output[(first + 1)...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                return second + 1
            case .html:
                guard output.starts(with: "<table>\n".utf8),
                      let body = ByteText.firstIndex(of: "<tbody>\n", in: output, from: 0) else { return nil }
                return body + "<tbody>\n".utf8.count
            }
        }

        /// What follows a table's or a list's last line (cmark-gfm's
        /// CommonMark ends both with their last line).
        func closing(_ seam: Seam) -> String {
            switch (self, seam) {
            case (.commonmark, _): ""
            case (.html, .table): "</tbody>\n</table>\n"
            case (.html, .list): "</ul>\n"
            }
        }

        /// What comes before a list's first item.
        var listOpening: String { self == .html ? "<ul>\n" : "" }
    }

    /// Appends `output` to `joined` with the piece's seams cut away; false
    /// when a seam is not where it should be (the document is then parsed whole).
    static func append(_ output: String, cutting piece: Piece, _ format: Format, to joined: inout [UInt8]) -> Bool {
        var output = output
        return output.withUTF8 { bytes in
            guard let kept = cut(bytes, piece, format) else { return false }
            joined += bytes[kept]
            return true
        }
    }

    /// The part of a piece's output left once its seams are cut away.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Piece, _ format: Format) -> Range<Int>? {
        var kept = 0..<bytes.count
        switch piece.opens {
        case .table?:
            guard let count = format.tableOpening(bytes) else { return nil }
            kept = count..<kept.upperBound
        case .list?:
            guard bytes.starts(with: format.listOpening.utf8) else { return nil }
            kept = format.listOpening.utf8.count..<kept.upperBound
        case nil:
            break
        }
        if let seam = piece.closes {
            let closing = format.closing(seam).utf8
            guard kept.count >= closing.count, bytes[(kept.upperBound - closing.count)..<kept.upperBound].elementsEqual(closing) else {
                return nil
            }
            kept = kept.lowerBound..<(kept.upperBound - closing.count)
            // A piece ending inside a run ends with that run's last line.
            guard let last = kept.last, bytes[last] == UInt8(ascii: "\n") else { return nil }
        }
        return kept
    }

    /// The pieces of `bytes`, each with at most `linesPerPiece` rows or
    /// items of a long run; nil when the document must be parsed whole.
    static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, linesPerPiece: Int) -> [Piece]? {
        let lines = Lines(bytes)
        guard linesPerPiece > 0, !lines.reachesAcross else { return nil }
        var pieces: [Piece] = []
        // Where the piece being made begins, and the run it begins inside.
        var start = 0
        var opens: Seam?
        var index = 0
        while index < lines.count {
            guard let run = lines.run(at: index) else {
                index += 1
                continue
            }
            // A cut before every `linesPerPiece`th row, none after the last.
            var cut = run.first + linesPerPiece
            while cut < run.end {
                pieces.append(Piece(bytes: lines.start(start)..<lines.start(cut), opens: opens, closes: run.seam))
                start = cut
                opens = run.seam
                cut += linesPerPiece
            }
            index = run.end
        }
        pieces.append(Piece(bytes: lines.start(start)..<bytes.count, opens: opens, closes: nil))
        return pieces
    }

    /// A document's lines, and what they are for cutting.
    struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Where each line begins; a line ends where the next begins.
        private var starts: [Int] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var index = 0
            while index < bytes.count {
                starts.append(index)
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                index += 1
            }
        }

        var count: Int { starts.count }
        func start(_ line: Int) -> Int { line < starts.count ? starts[line] : bytes.count }
        /// The line's bytes without its line ending.
        func text(_ line: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
            var end = start(line + 1)
            if end > starts[line], bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            if end > starts[line], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return bytes[starts[line]..<end]
        }

        func isBlank(_ line: Int) -> Bool { text(line).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
        func isTableRow(_ line: Int) -> Bool { text(line).first == UInt8(ascii: "|") }
        func isHeading(_ line: Int) -> Bool { text(line).first == UInt8(ascii: "#") }

        /// A table's delimiter row: pipes, dashes, colons and spaces, at least one dash.
        func isDelimiterRow(_ line: Int) -> Bool {
            let row = text(line)
            return row.first == UInt8(ascii: "|") && row.contains(UInt8(ascii: "-"))
                && row.allSatisfy { "|-: \t".utf8.contains($0) }
        }

        /// A one-line `- ` item at the start of the line; not a thematic break (`- - -`).
        func isListItem(_ line: Int) -> Bool {
            let item = text(line)
            return item.starts(with: "- ".utf8) && !item.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }

        /// Whether a line may start a list: a list marker or a digit, or white space (a list item's next block).
        private func mayContinueList(_ line: Int) -> Bool {
            guard let first = text(line).first else { return false }
            return "-*+ \t0123456789".utf8.contains(first)
        }

        /// The run of rows or items that begins at `line`, if one does: a
        /// table (header and delimiter rows, then rows) or a tight list
        /// under a heading whose list ends where the run does.
        func run(at line: Int) -> (seam: Seam, first: Int, end: Int)? {
            guard line == 0 || isBlank(line - 1) else { return nil }
            if isTableRow(line), line + 1 < count, isDelimiterRow(line + 1) {
                var end = line + 2
                while end < count, isTableRow(end) { end += 1 }
                return (.table(header: start(line)..<start(line + 2)), line + 2, end)
            }
            guard isListItem(line) else { return nil }
            var end = line + 1
            while end < count, isListItem(end) { end += 1 }
            // A list that goes on before or after the run (across a blank line) may be loose: not cut.
            var before = line - 1
            while before >= 0, isBlank(before) { before -= 1 }
            var after = end
            while after < count, isBlank(after) { after += 1 }
            guard before < 0 || isHeading(before), end == count || isBlank(end), after == count || !mayContinueList(after) else {
                return (.list, end, end)
            }
            return (.list, line, end)
        }

        /// Whether one part of the document may change how another is read:
        /// a link reference definition (`]:` after an unescaped `]`), a fence,
        /// an HTML block (a line beginning `<`), a NUL byte.
        var reachesAcross: Bool {
            var backslashes = 0
            var lineStart = true, indent = 0
            for (index, byte) in bytes.enumerated() {
                if byte == 0 { return true }
                if lineStart {
                    if byte == UInt8(ascii: " ") && indent < 3 { indent += 1; continue }
                    if byte == UInt8(ascii: "<") { return true }
                    lineStart = false
                }
                switch byte {
                case UInt8(ascii: "\n"):
                    lineStart = true
                    indent = 0
                case UInt8(ascii: ":") where index > 0 && bytes[index - 1] == UInt8(ascii: "]") && backslashes % 2 == 0:
                    return true
                case UInt8(ascii: "`"), UInt8(ascii: "~"):
                    if index >= 2, bytes[index - 1] == byte, bytes[index - 2] == byte { return true }
                default:
                    break
                }
                // Backslashes just before a `]`: an odd count escapes it.
                if byte == UInt8(ascii: "\\") { backslashes += 1 } else if byte != UInt8(ascii: "]") { backslashes = 0 }
            }
            return false
        }
    }
}
