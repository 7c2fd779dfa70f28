import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// A YAML file's text as lines, for edits that leave every other byte as it
/// was (`sign`, `record`). Positions are the loader's: 1-based line and
/// column, where a column counts Unicode scalars, as libyaml does.
package struct YAMLText {
    var lines: [String]
    let newline: String
    private let endsWithNewline: Bool

    init(_ text: String) {
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        endsWithNewline = text.hasSuffix(newline)
        if endsWithNewline { lines.removeLast() }
        self.lines = lines
    }

    /// The edited text, ending with a line break when the file did.
    var text: String { lines.joined(separator: newline) + (endsWithNewline ? newline : "") }

    /// The scalars of line `index` (0-based).
    func scalars(_ index: Int) -> [Unicode.Scalar] {
        index < lines.count ? Array(lines[index].unicodeScalars) : []
    }

    /// The character a node's position points at.
    func character(at mark: SourcePosition) -> Unicode.Scalar? {
        let line = scalars(mark.line - 1)
        return mark.column - 1 < line.count ? line[mark.column - 1] : nil
    }

    /// Spaces before the first other character of line `index`.
    func indent(_ index: Int) -> Int {
        scalars(index).prefix { $0 == " " }.count
    }

    /// Whether line `index` holds nothing but white space or a comment.
    func isBlankOrComment(_ index: Int) -> Bool {
        let body = scalars(index).drop { $0 == " " || $0 == "\t" }
        return body.isEmpty || body.first == "#"
    }

    /// Replaces scalars `from..<to` of line `index` with `text`.
    mutating func replace(line index: Int, from: Int, to: Int, with text: String) {
        var line = scalars(index)
        line.replaceSubrange(from..<to, with: Array(text.unicodeScalars))
        lines[index] = String(String.UnicodeScalarView(line))
    }

    mutating func insert(_ text: String, line index: Int, column: Int) {
        replace(line: index, from: column, to: column, with: text)
    }

    mutating func insertLines(_ new: [String], after index: Int) {
        lines.insert(contentsOf: new, at: index + 1)
    }

    /// Adds `entry` (`key: value`) to the flow mapping opening at `mark`,
    /// after its last entry and before its `}`: `{ a: 1 }` becomes
    /// `{ a: 1, b: 2 }`, `{}` becomes `{ b: 2 }`.
    mutating func insertEntry(_ entry: String, intoFlowMappingAt mark: SourcePosition) throws {
        guard let close = closingBracket(line: mark.line - 1, column: mark.column - 1) else {
            throw YAMLList.Unsupported(description: "cannot find the closing brace of a flow mapping")
        }
        let line = scalars(close.line)
        var at = close.column
        while at > 0, line[at - 1] == " " || line[at - 1] == "\t" { at -= 1 }
        let empty = at > 0 && line[at - 1] == "{"
        insert((empty ? " " : ", ") + entry + (empty && at == close.column ? " " : ""), line: close.line, column: at)
    }

    /// Replaces the empty value of `key` (nothing, or `~`) written at `keyMark`
    /// with `value`; a comment after it stays.
    mutating func replaceEmptyValue(of key: String, at keyMark: SourcePosition, with value: String) {
        let line = scalars(keyMark.line - 1)
        let afterKey = min(line.count, keyMark.column - 1 + key.unicodeScalars.count + 1)
        var tilde = afterKey
        while tilde < line.count, line[tilde] == " " || line[tilde] == "\t" { tilde += 1 }
        let end = tilde < line.count && line[tilde] == "~" ? tilde + 1 : afterKey
        replace(line: keyMark.line - 1, from: afterKey, to: end, with: " " + value)
    }

    /// The `]` or `}` that closes the flow collection opening at (line, column)
    /// (0-based), skipping quoted text, comments and nested brackets.
    func closingBracket(line fromLine: Int, column: Int) -> (line: Int, column: Int)? {
        var depth = 0
        var quote: Unicode.Scalar?
        var escaped = false
        for lineIndex in fromLine..<lines.count {
            let chars = scalars(lineIndex)
            var col = lineIndex == fromLine ? column : 0
            while col < chars.count {
                let c = chars[col]
                if let q = quote {
                    if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "#" && (col == 0 || chars[col - 1] == " ") {
                    break
                } else if c == "[" || c == "{" {
                    depth += 1
                } else if c == "]" || c == "}" {
                    depth -= 1
                    if depth == 0 { return (lineIndex, col) }
                }
                col += 1
            }
        }
        return nil
    }

    /// Where the scalar token starting at (line, column) (0-based) ends, on
    /// that line: after its closing quote, or, unquoted, before a comment, the
    /// line's end or (in a flow collection) the next `,`, `}` or `]`, with
    /// trailing spaces left out. Nil for a token that runs onto the next line.
    func scalarEnd(line index: Int, column: Int, inFlow: Bool) -> Int? {
        let chars = scalars(index)
        guard column < chars.count else { return column }
        if chars[column] == "\"" || chars[column] == "'" {
            let q = chars[column]
            var col = column + 1
            while col < chars.count {
                if q == "\"" && chars[col] == "\\" { col += 2; continue }
                if chars[col] == q {
                    if q == "'" && col + 1 < chars.count && chars[col + 1] == "'" { col += 2; continue }
                    return col + 1
                }
                col += 1
            }
            return nil
        }
        var end = column
        while end < chars.count {
            let c = chars[end]
            if c == "#" && end > column && (chars[end - 1] == " " || chars[end - 1] == "\t") { break }
            if inFlow && (c == "," || c == "}" || c == "]") { break }
            end += 1
        }
        while end > column && (chars[end - 1] == " " || chars[end - 1] == "\t") { end -= 1 }
        return end
    }

    /// The last line (0-based) of the block that starts on line `first` and
    /// whose continuation lines are indented at least `indent`; blank and
    /// comment lines after it are not part of it.
    func blockEnd(first: Int, indent: Int) -> Int {
        var last = first
        var index = first + 1
        while index < lines.count {
            if isBlankOrComment(index) { index += 1; continue }
            guard self.indent(index) >= indent else { break }
            last = index
            index += 1
        }
        return last
    }
}
