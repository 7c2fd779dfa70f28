import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad

/// Edits inside a mapping of a YAML file's text (a review, `phases`,
/// `phases.crawl`), leaving every other byte as it was, in the mapping's own
/// style: a key added to a block mapping goes on a new line at its keys'
/// indentation after its last line; to a flow mapping `{ … }`, before the
/// closing brace. A scalar is replaced where it stands.
enum YAMLMapping {
    /// Sets `path` (keys from `mapping` down) to `value`, a YAML scalar as
    /// text, adding the keys that are missing.
    /// - Parameter isDocument: `mapping` is the file's top level (a missing key goes at the end of the file).
    static func set(_ path: [String], to value: String, in mapping: YNode, text: inout YAMLText, isDocument: Bool = false) throws {
        guard let key = path.first else { return }
        guard mapping.isMapping else { throw YAMLList.Unsupported(description: "\(key)'s parent is not a mapping; fix the file first") }
        guard let (keyNode, node) = mapping.pairs.first(where: { $0.key.text == key }) else {
            try add(key, value: nested(path.dropFirst(), value), to: mapping, text: &text, isDocument: isDocument)
            return
        }
        if path.count > 1 && node.isMapping {
            try set(Array(path.dropFirst()), to: value, in: node, text: &text)
            return
        }
        let replacement = path.count > 1 ? nested(path.dropFirst(), value) : value
        if node.isNull {
            text.replaceEmptyValue(of: key, at: keyNode.position, with: replacement)
            return
        }
        guard node.isScalar, path.count == 1 else {
            throw YAMLList.Unsupported(description: "\(path.joined(separator: ".")) is not a single value; fix the file first")
        }
        let mark = node.position
        let inFlow = text.character(at: mapping.position) == "{"
        guard let end = text.scalarEnd(line: mark.line - 1, column: mark.column - 1, inFlow: inFlow) else {
            throw YAMLList.Unsupported(description: "\(key) spans lines; fix the file first")
        }
        text.replace(line: mark.line - 1, from: mark.column - 1, to: end, with: value)
    }

    /// Appends an item to the list under `key` of `mapping`, adding the key when it is missing.
    /// - Parameters:
    ///   - block: the item's lines in block style, without the leading `- `.
    ///   - flow: the item on one line, in flow style.
    static func append(to key: String, in mapping: YNode, block: [String], flow: String, text: inout YAMLText) throws {
        if mapping.pairs.contains(where: { $0.key.text == key }) {
            try YAMLList.append(to: &text, key: key, root: mapping, block: block, flow: flow)
        } else if text.character(at: mapping.position) == "{" {
            try add(key, value: "[ \(flow) ]", to: mapping, text: &text, isDocument: false)
        } else {
            // A block list under a new key, at the mapping's indentation.
            let indent = mapping.position.column - 1
            let pad = String(repeating: " ", count: indent)
            let end = text.blockEnd(first: mapping.position.line - 1, indent: indent)
            text.insertLines([pad + "\(key):"] + block.enumerated().map { pad + ($0.offset == 0 ? "  - " : "    ") + $0.element }, after: end)
        }
    }

    /// `key: value` added to a mapping that lacks it.
    private static func add(_ key: String, value: String, to mapping: YNode, text: inout YAMLText, isDocument: Bool) throws {
        let mark = mapping.position
        if text.character(at: mark) == "{" {
            try text.insertEntry("\(key): \(value)", intoFlowMappingAt: mark)
            return
        }
        if isDocument {
            var last = text.lines.count - 1
            while last >= 0, text.isBlankOrComment(last) { last -= 1 }
            text.insertLines(["\(key): \(value)"], after: max(last, -1))
            return
        }
        let indent = mark.column - 1
        let end = text.blockEnd(first: mark.line - 1, indent: indent)
        text.insertLines([String(repeating: " ", count: indent) + "\(key): \(value)"], after: end)
    }

    /// `{ b: { c: value } }` for the keys `b, c`; the value itself for none.
    private static func nested(_ path: ArraySlice<String>, _ value: String) -> String {
        path.reversed().reduce(value) { "{ \($1): \($0) }" }
    }

    /// Text as a YAML scalar: plain when it reads back as the same text in a
    /// flow collection (words, digits and sentence punctuation, starting with
    /// a letter, not a word YAML reads as a boolean or null), double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-()/'’%$€£+;")
        let reserved: Set<String> = ["yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"]
        guard let first = text.first, first.isLetter, first.isASCII, text.allSatisfy({ allowed.contains($0) || ($0.isLetter && !$0.isASCII) }),
              !text.hasSuffix(" "), !text.contains("  "), !reserved.contains(text.lowercased()) else { return quoted(text) }
        return text
    }
}
