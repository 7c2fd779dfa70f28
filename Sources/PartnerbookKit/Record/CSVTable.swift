import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// A CSV file read by RFC 4180, every field with its 1-based line and column.
///
/// Fields are separated by commas and records by CRLF or LF; a field in
/// double quotes may hold commas, line breaks and doubled quotes (`""`).
/// Blank lines are skipped; a byte-order mark at the start is ignored.
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

    package init(_ data: Data) throws {
        guard data.count <= CSVTable.maxBytes else {
            throw SyntaxError(position: .start, message: "file is \(data.count) bytes; the limit for a CSV file is \(CSVTable.maxBytes) bytes (32 MiB)")
        }
        if let problem = TextBytes.firstProblem(data) {
            throw SyntaxError(position: problem.position,
                              message: problem.isNUL ? "file contains a NUL byte; a CSV file must be text" : "file is not valid UTF-8")
        }
        let text = String(decoding: data, as: UTF8.self)
        records = try CSVTable.parse(text)
    }

    package init(text: String) throws {
        records = try CSVTable.parse(text)
    }

    private static func parse(_ text: String) throws -> [[Field]] {
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
                if i < n, scalars[i] != ",", !endOfLine(i) {
                    throw SyntaxError(position: SourcePosition(line: line, column: column),
                                      message: "text after a closing quote: a quoted field must end at a comma or the end of the line")
                }
            } else {
                while i < n, scalars[i] != ",", !endOfLine(i) {
                    if scalars[i] == "\"" {
                        throw SyntaxError(position: SourcePosition(line: line, column: column),
                                          message: "a quote inside an unquoted field: quote the whole field and double the quote (\"\")")
                    }
                    value.append(scalars[i])
                    advance()
                }
            }
            record.append(Field(text: String(value), position: start))
            if i < n, scalars[i] == "," {
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
