import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// Appends an item to a top-level list of a YAML file's text (`signatures`,
/// `reviews`), leaving every other byte as it was:
///
/// - no such key: a block list is appended at the end of the file;
/// - the key with an empty value (nothing, `~` or `[]`): the value becomes a
///   block list with the item; what follows the value on its line (a comment) stays;
/// - a flow list `[ ... ]`: the item, in flow style, goes before the closing bracket;
/// - a block list: the item goes after the list's last line, at the items' indentation.
package enum YAMLList {
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameters:
    ///   - block: the item's lines in block style, without the leading `- `
    ///     (continuation lines are indented to line up under the first).
    ///   - flow: the item on one line, in flow style.
    static func append(to text: inout YAMLText, key: String, root: YNode, block: [String], flow: String) throws {
        func blockLines(indent: Int) -> [String] {
            let pad = String(repeating: " ", count: indent)
            return block.enumerated().map { $0.offset == 0 ? pad + "- " + $0.element : pad + "  " + $0.element }
        }
        guard let (keyNode, value) = root.pairs.first(where: { $0.key.text == key }) else {
            text.lines += ["\(key):"] + blockLines(indent: 2)
            return
        }
        let keyMark = keyNode.position
        let keyLine = keyMark.line - 1
        let keyIndent = keyMark.column - 1
        let isFlow = text.character(at: value.position) == "["
        let sequence = value.items

        if value.isSequence && isFlow && !sequence.isEmpty {
            let mark = value.position
            guard let close = text.closingBracket(line: mark.line - 1, column: mark.column - 1) else {
                throw Unsupported(description: "cannot find the end of the \(key) list")
            }
            text.insert(", " + flow + " ", line: close.line, column: close.column)
        } else if value.isSequence && !sequence.isEmpty {
            // The first item's dash sets the indentation; the list ends where a line is indented less.
            let itemIndent = text.indent((sequence.first?.position.line ?? keyMark.line + 1) - 1)
            var last = keyLine
            var index = keyLine + 1
            while index < text.lines.count {
                if text.isBlankOrComment(index) { index += 1; continue }
                let indent = text.indent(index)
                let body = text.scalars(index).dropFirst(indent)
                guard indent > keyIndent || (indent == keyIndent && body.first == "-") else { break }
                last = index
                index += 1
            }
            text.insertLines(blockLines(indent: itemIndent), after: last)
        } else if value.isSequence || value.isScalar {
            if let scalar = value.text, !value.isNull {
                throw Unsupported(description: "\(key) holds '\(scalar)', not a list; fix the file first")
            }
            // Empty: only the empty value (with the space before it) goes.
            let line = text.scalars(keyLine)
            let afterKey = min(line.count, keyIndent + key.unicodeScalars.count + 1)
            var end = afterKey
            while end < line.count, line[end] == " " || line[end] == "\t" { end += 1 }
            if end < line.count, line[end] != "#" {
                if line[end] == "[" {
                    guard let close = line[end...].firstIndex(of: "]") else {
                        throw Unsupported(description: "cannot find the end of \(key): [")
                    }
                    end = close + 1
                } else {
                    while end < line.count, line[end] != " " && line[end] != "\t" { end += 1 }
                }
                text.replace(line: keyLine, from: afterKey, to: end, with: "")
            }
            text.insertLines(blockLines(indent: keyIndent + 2), after: keyLine)
        } else {
            throw Unsupported(description: "\(key) is not a list; fix the file first")
        }
    }
}
