import Yams

/// Adds one signature entry to a partner file's text, leaving every other
/// byte as it was (comments, quoting, order, line endings).
///
/// - no `signatures` key: a block list is appended at the end of the file;
/// - `signatures:` empty, `~` or `[]`: the value becomes a block list with the entry;
/// - a flow list `[ {...} ]`: the entry is added before the closing bracket;
/// - a block list: the entry is added after its last item, at the items' indentation.
enum SignatureWriter {
    struct Entry {
        var party: Party
        var name: String
        var title: String
        var date: Day
        var fingerprint: String

        /// One flow mapping; text values double-quoted so any name stays valid YAML.
        var yaml: String {
            "{ party: \(party.rawValue), name: \(quoted(name)), title: \(quoted(title)), date: \(date), fingerprint: \(quoted(fingerprint)) }"
        }
    }

    enum Failure: Error, CustomStringConvertible {
        case unsupported(String)
        var description: String {
            switch self { case .unsupported(let why): return why }
        }
    }

    static func adding(_ entry: Entry, to text: String, root: Node) throws -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        var lines = text.components(separatedBy: newline)
        let endsWithNewline = text.hasSuffix(newline)
        if endsWithNewline { lines.removeLast() }
        func joined() -> String { lines.joined(separator: newline) + newline }

        guard case let .mapping(mapping) = root,
              let (keyNode, value) = mapping.first(where: { $0.key.string == "signatures" }),
              let keyMark = keyNode.mark else {
            // No signatures yet: append a block list.
            lines += ["signatures:", "  - " + entry.yaml]
            return joined()
        }
        let keyLine = keyMark.line - 1
        let keyIndent = keyMark.column - 1

        // Flow or block is read from the text: the list's first character.
        let isFlow = value.mark.map { mark -> Bool in
            let line = mark.line - 1 < lines.count ? Array(lines[mark.line - 1]) : []
            return mark.column - 1 < line.count && line[mark.column - 1] == "["
        } ?? false

        switch value {
        case let .sequence(sequence) where isFlow && !sequence.isEmpty:
            guard let mark = value.mark,
                  let close = closingBracket(in: lines, fromLine: mark.line - 1, column: mark.column - 1) else {
                throw Failure.unsupported("cannot find the end of the signatures list")
            }
            var line = Array(lines[close.line])
            line.insert(contentsOf: Array(", " + entry.yaml + " "), at: close.column)
            lines[close.line] = String(line)
            return joined()
        case let .sequence(sequence) where !sequence.isEmpty:
            // Block list: find its last line and the items' indentation.
            var last = keyLine
            var itemIndent: Int?
            var index = keyLine + 1
            while index < lines.count {
                let line = lines[index]
                let body = line.drop { $0 == " " }
                let indent = line.count - body.count
                if body.isEmpty || body.hasPrefix("#") { index += 1; continue }
                let belongs = indent > keyIndent || (indent == keyIndent && body.hasPrefix("-"))
                guard belongs else { break }
                if itemIndent == nil, body.hasPrefix("-") { itemIndent = indent }
                last = index
                index += 1
            }
            let indent = String(repeating: " ", count: itemIndent ?? keyIndent + 2)
            lines.insert(indent + "- " + entry.yaml, at: last + 1)
            return joined()
        case .sequence, .scalar:
            if case let .scalar(scalar) = value, !Fields.isNull(value) {
                throw Failure.unsupported("signatures holds '\(scalar.string)', not a list; fix the file first")
            }
            // Empty: `signatures:`, `signatures: ~`, `signatures: []`. Only the empty
            // value (with the space before it) goes; what follows it, such as a comment, stays.
            let line = lines[keyLine]
            let afterKey = line.index(line.startIndex, offsetBy: min(line.count, keyIndent + "signatures:".count))
            var rest = line[afterKey...]
            let token = rest.drop { $0 == " " || $0 == "\t" }
            if let first = token.first, first != "#" {
                let end: Substring.Index
                if first == "[" {
                    guard let close = token.firstIndex(of: "]") else { throw Failure.unsupported("cannot find the end of signatures: [") }
                    end = token.index(after: close)
                } else {
                    end = token.firstIndex { $0 == " " || $0 == "\t" } ?? token.endIndex
                }
                rest = rest[end...]
            }
            lines[keyLine] = String(line[..<afterKey]) + rest
            lines.insert(String(repeating: " ", count: keyIndent + 2) + "- " + entry.yaml, at: keyLine + 1)
            return joined()
        default:
            throw Failure.unsupported("signatures is not a list; fix the file first")
        }
    }

    /// The `]` that closes the flow list opening at (line, column), skipping quoted text and nested brackets.
    private static func closingBracket(in lines: [String], fromLine: Int, column: Int) -> (line: Int, column: Int)? {
        var depth = 0
        var quote: Character?
        var escaped = false
        for lineIndex in fromLine..<lines.count {
            let chars = Array(lines[lineIndex])
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
}

/// A YAML double-quoted scalar holding exactly `text`.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
