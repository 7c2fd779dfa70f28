import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// A CSV file read by RFC 4180, every field with its 1-based line and column.
///
/// Fields are separated by commas (or semicolons or tabs, as the file's
/// first lines show: a German reseller's statement uses semicolons, a
/// spreadsheet's text export tabs) and records by CRLF or LF; a field in
/// double quotes may hold the separator, line breaks and doubled quotes
/// (`""`). Blank lines are skipped. UTF-8 with or without a byte-order mark
/// is read, and UTF-16 with one (little or big endian, as Excel's "Unicode
/// text" writes it); any other bytes are refused with their position.
/// Hand-written because no CSV library on this machine reports where a field
/// is, and every problem with a row must point at its line and column (a
/// quoted field can span lines, so the record number is not the line).
package struct CSVTable {
    package struct Field: Equatable {
        package var text: String
        var position: SourcePosition
    }

    struct SyntaxError: Error, Equatable {
        var position: SourcePosition
        package var message: String
    }

    /// Largest CSV file read: about 300,000 rows of a long-form export.
    static let maxBytes = 32 << 20

    /// Records, each a list of fields, in file order; blank lines left out.
    package var records: [[Field]]
    /// The field separator found: `,`, `;` or a tab.
    package var separator: Character = ","

    package init(_ data: Data) throws {
        guard data.count <= CSVTable.maxBytes else {
            throw SyntaxError(position: .start, message: "file is \(data.count) bytes; the limit for a CSV file is \(CSVTable.maxBytes) bytes (32 MiB)")
        }
        let text: String
        if let utf16 = CSVTable.utf16(data) {
            text = utf16
        } else {
            if let problem = TextBytes.firstProblem(data) {
                throw SyntaxError(position: problem.position,
                                  message: problem.isNUL ? "file contains a NUL byte; a CSV file must be text (UTF-16 needs its byte-order mark)"
                                      : "file is not valid UTF-8 at this byte: it was probably saved as Latin-1 or Windows-1252; save it as UTF-8 (or UTF-16) and record it again")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        separator = CSVTable.separator(of: text)
        records = try CSVTable.parse(text, separator: separator)
    }

    package init(text: String) throws {
        separator = CSVTable.separator(of: text)
        records = try CSVTable.parse(text, separator: separator)
    }

    /// The text of a UTF-16 file with a byte-order mark, or nil when `data` has none.
    static func utf16(_ data: Data) -> String? {
        guard data.count >= 2 else { return nil }
        let first = data[data.startIndex], second = data[data.startIndex + 1]
        if first == 0xFF && second == 0xFE { return String(data: data.dropFirst(2), encoding: .utf16LittleEndian) }
        if first == 0xFE && second == 0xFF { return String(data: data.dropFirst(2), encoding: .utf16BigEndian) }
        return nil
    }

    /// The separator the first lines use most: of comma, semicolon and tab,
    /// the one a line holds most of (outside quotes) over the first twenty
    /// lines; a comma when none is found. Title lines above a header hold few.
    static func separator(of text: String) -> Character {
        let candidates: [Character] = [",", ";", "\t"]
        var most: [Character: Int] = [:], line: [Character: Int] = [:]
        var quoted = false, lines = 0
        func endLine() {
            for (candidate, count) in line { most[candidate] = max(most[candidate] ?? 0, count) }
            line = [:]
            lines += 1
        }
        for character in text where lines < 20 {
            if character == "\"" { quoted.toggle() } else if quoted { continue }
            else if character == "\n" || character == "\r\n" || character == "\r" { endLine() }
            else if candidates.contains(character) { line[character, default: 0] += 1 }
        }
        endLine()
        // The most on any one line wins; on a tie, the earlier candidate (a comma first).
        let best = most.values.max() ?? 0
        return best == 0 ? "," : candidates.first { most[$0] == best }!
    }

    private static func parse(_ text: String, separator: Character) throws -> [[Field]] {
        let delimiter = separator.unicodeScalars.first!
        let named = separator == "," ? "comma" : separator == ";" ? "semicolon" : "tab"
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [[Field]] = []
        var record: [Field] = []
        var line = 1, column = 1
        var i = 0
        let n = scalars.count

        /// Moves past one scalar, keeping line and column (CRLF, LF and a lone CR each end a line).
        func advance() {
            switch scalars[i] {
            case "\n":
                line += 1; column = 1
            case "\r":
                if !(i + 1 < n && scalars[i + 1] == "\n") { line += 1; column = 1 }
            default:
                column += 1
            }
            i += 1
        }
        func endOfLine(_ at: Int) -> Bool { scalars[at] == "\n" || scalars[at] == "\r" }
        func skipLineBreak() {
            if i < n, scalars[i] == "\r" { advance() }
            if i < n, scalars[i] == "\n" { advance() }
        }

        while i < n {
            // Start of a field.
            let start = SourcePosition(line: line, column: column)
            var value = String.UnicodeScalarView()
            if scalars[i] == "\"" {
                advance()
                while true {
                    guard i < n else {
                        throw SyntaxError(position: start, message: "a quoted field is not closed: add the closing \"")
                    }
                    if scalars[i] == "\"" {
                        if i + 1 < n, scalars[i + 1] == "\"" {
                            value.append("\"")
                            advance(); advance()
                            continue
                        }
                        advance()
                        break
                    }
                    value.append(scalars[i])
                    advance()
                }
                if i < n, scalars[i] != delimiter, !endOfLine(i) {
                    throw SyntaxError(position: SourcePosition(line: line, column: column),
                                      message: "text after a closing quote: a quoted field must end at a \(named) or the end of the line")
                }
            } else {
                while i < n, scalars[i] != delimiter, !endOfLine(i) {
                    if scalars[i] == "\"" {
                        throw SyntaxError(position: SourcePosition(line: line, column: column),
                                          message: "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
                    }
                    value.append(scalars[i])
                    advance()
                }
            }
            record.append(Field(text: String(value), position: start))
            if i < n, scalars[i] == delimiter {
                advance()
                if i == n || endOfLine(i) { record.append(Field(text: "", position: SourcePosition(line: line, column: column))) }
                else { continue }
            }
            // End of a record (line break or end of file).
            if !(record.count == 1 && record[0].text.isEmpty) { records.append(record) }
            record = []
            skipLineBreak()
        }
        return records
    }
}
