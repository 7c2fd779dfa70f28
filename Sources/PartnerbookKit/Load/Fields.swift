import Foundation
import Yams

/// A YAML mapping read against the keys a section of the schema knows.
///
/// Creating one reports unknown keys (with the closest known key) and
/// non-string keys. Each accessor reads one key, reports a `schema.type`
/// diagnostic at the key when the value has the wrong shape, and returns nil
/// for a missing or null value. Text stays text, whatever it looks like.
struct Fields {
    let context: LoadContext
    /// Dotted path of this mapping (`charter.governance`), empty at the root.
    let path: String
    /// Where the mapping's own key is (the file start for the root).
    let at: SourcePosition
    private var entries: [String: (key: SourcePosition, value: Node)] = [:]

    /// Reads `node` as a mapping. A null node is an empty mapping; any other
    /// non-mapping node is a `schema.type` error and gives nil.
    init?(_ node: Node, at: SourcePosition, path: String, known: [String], context: LoadContext) {
        self.context = context
        self.path = path
        self.at = at
        if Fields.isNull(node) { return }
        guard case let .mapping(mapping) = node else {
            context.report(.schemaType, at: at,
                           "\(path.isEmpty ? "the file" : path) must be a mapping of keys to values, found \(Fields.describe(node))")
            return nil
        }
        var previous: (key: String, value: Node)?
        // A flow mapping starts at its `{`, before its first key; a block mapping starts at its first key.
        // (Yams records the style of the mapping's end event, so its `style` cannot tell.)
        let isFlow = node.mark.map { start in
            mapping.first?.key.mark.map { ($0.line, $0.column) != (start.line, start.column) } ?? true
        } ?? false
        for (keyNode, value) in mapping {
            defer { if case let .scalar(scalar) = keyNode { previous = (scalar.string, value) } }
            let keyAt = Fields.position(of: keyNode) ?? at
            guard case let .scalar(scalar) = keyNode else {
                context.report(.schemaType, at: keyAt, "keys must be plain words, found \(Fields.describe(keyNode))")
                continue
            }
            let key = scalar.string
            if entries[key] == nil { entries[key] = (keyAt, value) }
            if !known.contains(key) {
                var message = "unknown key '\(key)'" + (path.isEmpty ? "" : " in \(path)")
                if let suggestion = Suggestion.closest(to: key, among: known) {
                    message += "; did you mean '\(suggestion)'?"
                } else if isFlow, Fields.isNull(value), let previous, case let .scalar(text) = previous.value,
                          text.style == .plain || text.style == .any {
                    // `{ title: Director, ISV Partnerships }`: the comma ended the value and began a key.
                    message += "; a comma inside { } ends a value, so if '\(key)' belongs to \(previous.key), quote the value: "
                        + "\(previous.key): \(quoted(text.string + ", " + key))"
                }
                context.report(.schemaUnknownKey, at: keyAt, message)
            }
        }
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    func position(_ key: String) -> SourcePosition? { entries[key]?.key }

    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Reports `schema.required` (at this mapping's key) when `key` is absent or null.
    func require(_ key: String) {
        if let entry = entries[key], !Fields.isNull(entry.value) { return }
        context.report(.schemaRequired, at: at,
                       "\(qualified(key)) is required" + (entries[key] == nil ? " but missing" : " but empty"))
    }

    // MARK: Scalars

    /// The raw text of a scalar value, after the placeholder check.
    /// `typed` values that are placeholders give nil; text keeps them.
    private func scalarText(_ key: String, expected: String, keepPlaceholder: Bool) -> Located<String>? {
        guard let (keyAt, node) = entries[key] else { return nil }
        return scalarText(node, at: keyAt, name: qualified(key), expected: expected, keepPlaceholder: keepPlaceholder)
    }

    private func scalarText(_ node: Node, at keyAt: SourcePosition, name: String, expected: String,
                            keepPlaceholder: Bool) -> Located<String>? {
        guard !Fields.isNull(node) else { return nil }
        guard case let .scalar(scalar) = node else {
            context.report(.schemaType, at: keyAt, "\(name) must be \(expected), found \(Fields.describe(node))")
            return nil
        }
        if let problem = TextLimits.violation(scalar.string) {
            context.report(.contentTooLong, at: keyAt, "\(name) \(problem)")
            return nil
        }
        if Placeholder.matches(scalar.string) {
            context.report(.contentPlaceholder, at: keyAt, "\(name) still holds the placeholder '\(Placeholder.excerpt(scalar.string))'")
            return keepPlaceholder ? Located(scalar.string, at: keyAt) : nil
        }
        return Located(scalar.string, at: keyAt)
    }

    private func convert<T>(_ raw: Located<String>?, name: String, expected: String, _ parse: (String) -> T?) -> Located<T>? {
        guard let raw else { return nil }
        guard let value = parse(raw.value.trimmingCharacters(in: .whitespaces)) else {
            context.report(.schemaType, at: raw.at, "\(name) must be \(expected), found '\(raw.value)'")
            return nil
        }
        return Located(value, at: raw.at)
    }

    func text(_ key: String) -> Located<String>? {
        scalarText(key, expected: "text", keepPlaceholder: true)
    }

    /// A scalar converted by `parse`; a value it rejects is a `schema.type` error.
    func value<T>(_ key: String, expected: String, _ parse: (String) -> T?) -> Located<T>? {
        convert(scalarText(key, expected: expected, keepPlaceholder: false), name: qualified(key),
                expected: expected, parse)
    }

    func number(_ key: String) -> Located<Double>? {
        value(key, expected: "a number", Scalars.number)
    }

    /// A number of zero or more (money, months).
    func nonNegative(_ key: String) -> Located<Double>? {
        value(key, expected: "a number of zero or more") { Scalars.number($0).flatMap { $0 >= 0 ? $0 : nil } }
    }

    func count(_ key: String) -> Located<Int>? {
        value(key, expected: "a whole number of zero or more", Scalars.count)
    }

    func bool(_ key: String) -> Located<Bool>? {
        value(key, expected: "true or false", Scalars.bool)
    }

    func day(_ key: String) -> Located<Day>? {
        value(key, expected: "a date written YYYY-MM-DD", Day.init)
    }

    func quarter(_ key: String) -> Located<Quarter>? {
        value(key, expected: "a quarter written YYYY-Qn (n from 1 to 4)", Quarter.init)
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String) -> Located<T>? where T.RawValue == String {
        let words = T.allCases.map(\.rawValue)
        return value(key, expected: "one of " + words.joined(separator: ", ")) { T(rawValue: $0.lowercased()) }
    }

    // MARK: Collections

    /// A nested mapping, with its own known keys.
    func fields(_ key: String, known: [String]) -> Fields? {
        guard let (keyAt, node) = entries[key] else { return nil }
        return Fields(node, at: keyAt, path: qualified(key), known: known, context: context)
    }

    /// The items of a list, each with its position. A null value is an empty list.
    func items(_ key: String) -> Located<[(at: SourcePosition, node: Node)]>? {
        guard let (keyAt, node) = entries[key] else { return nil }
        if Fields.isNull(node) { return Located([], at: keyAt) }
        guard case let .sequence(sequence) = node else {
            context.report(.schemaType, at: keyAt, "\(qualified(key)) must be a list, found \(Fields.describe(node))")
            return nil
        }
        return Located(sequence.map { (Fields.position(of: $0) ?? keyAt, $0) }, at: keyAt)
    }

    /// A list of text items. A single text value is taken as a one-item list.
    func textList(_ key: String) -> Located<[Located<String>]>? {
        guard let (keyAt, node) = entries[key] else { return nil }
        if case let .scalar(scalar) = node, !Fields.isNull(node) {
            return Located([checkedText(scalar.string, at: keyAt, key: key)].compactMap { $0 }, at: keyAt)
        }
        guard let list = items(key) else { return nil }
        var texts: [Located<String>] = []
        for (index, item) in list.value.enumerated() {
            guard case let .scalar(scalar) = item.node, !Fields.isNull(item.node) else {
                context.report(.schemaType, at: item.at,
                               "item \(index + 1) of \(qualified(key)) must be text, found \(Fields.describe(item.node))")
                continue
            }
            if let text = checkedText(scalar.string, at: item.at, key: key) { texts.append(text) }
        }
        return Located(texts, at: keyAt)
    }

    private func checkedText(_ text: String, at: SourcePosition, key: String) -> Located<String>? {
        if let problem = TextLimits.violation(text) {
            context.report(.contentTooLong, at: at, "\(qualified(key)) \(problem)")
            return nil
        }
        if Placeholder.matches(text) {
            context.report(.contentPlaceholder, at: at, "\(qualified(key)) still holds the placeholder '\(Placeholder.excerpt(text))'")
        }
        return Located(text, at: at)
    }

    /// A mapping whose keys are free (such as metric ids) and whose values are numbers, in file order.
    func numberMap(_ key: String) -> [(key: Located<String>, value: Located<Double>)] {
        guard let (keyAt, node) = entries[key], !Fields.isNull(node) else { return [] }
        guard case let .mapping(mapping) = node else {
            context.report(.schemaType, at: keyAt, "\(qualified(key)) must be a mapping, found \(Fields.describe(node))")
            return []
        }
        return mapping.compactMap { keyNode, value in
            guard case let .scalar(scalar) = keyNode else { return nil }
            let at = Fields.position(of: keyNode) ?? keyAt
            let name = "\(qualified(key)).\(scalar.string)"
            let raw = scalarText(value, at: at, name: name, expected: "a number", keepPlaceholder: false)
            return convert(raw, name: name, expected: "a number", Scalars.number).map { (Located(scalar.string, at: at), $0) }
        }
    }

    // MARK: Node helpers

    static func position(of node: Node) -> SourcePosition? {
        node.mark.map { SourcePosition(line: max(1, $0.line), column: max(1, $0.column)) }
    }

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return scalar.string.isEmpty || scalar.string == "~"
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            let text = scalar.string
            return text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
        }
    }
}
