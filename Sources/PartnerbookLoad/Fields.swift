import Foundation
import PartnerbookModel
import PartnerbookSupport

/// A YAML mapping read against the keys a section of the schema knows.
///
/// Creating one reports unknown keys (with the closest known key) and
/// non-string keys. Each accessor reads one key, reports a `schema.type`
/// diagnostic at the key when the value has the wrong shape, and returns nil
/// for a missing or null value. Text stays text, whatever it looks like.
public struct Fields {
    let context: LoadContext
    /// Dotted path of this mapping (`charter.governance`), empty at the root.
    public let path: String
    /// Where the mapping's own key is (the file start for the root).
    let at: SourcePosition
    /// The mapping's keys (the composer refuses a repeated key), with where
    /// each is and its value, in file order, as nodes of `tree` (kept once,
    /// not per entry: a lookup then copies no reference). The schema's
    /// mappings hold a handful of keys, found by a scan; a larger one (a
    /// hostile file may hold a thousand) is also indexed by hash.
    private struct Entry {
        /// The key's text, an index into the tree's texts.
        var key: Int32
        var value: Int32
        var at: SourcePosition
    }
    private let tree: YAMLTree?
    private var entries: [Entry] = []
    private var index: [String: Int]?

    /// Above this many keys, lookups go through `index`.
    private static let scanLimit = 24

    /// Most keys one mapping may hold; the schema's largest has sixteen.
    static let maxKeys = 1_000

    private func slot(_ key: String) -> Int? {
        if let index { return index[key] }
        guard let tree else { return nil }
        return tree.texts.withUnsafeBufferPointer { texts in
            entries.withUnsafeBufferPointer { entries in entries.firstIndex { texts[Int($0.key)] == key } }
        }
    }

    private func entry(_ key: String) -> (at: SourcePosition, value: YNode)? {
        guard let tree, let slot = slot(key) else { return nil }
        let found = entries[slot]
        return (found.at, YNode(tree: tree, index: found.value))
    }

    /// Reads `node` as a mapping. A null node is an empty mapping; any other
    /// non-mapping node is a `schema.type` error and gives nil.
    init?(_ node: YNode, at: SourcePosition, path: String, known: [String], context: LoadContext) {
        self.context = context
        self.path = path
        self.at = at
        if node.isNull {
            tree = nil
            return
        }
        tree = node.tree
        guard node.isMapping else {
            context.report(.schemaType, at: at,
                           "\(path.isEmpty ? "the file" : path) must be a mapping of keys to values, found \(Fields.describe(node))")
            return nil
        }
        let pairs = node.pairCount
        guard pairs <= Fields.maxKeys else {
            context.report(.yamlLimits, at: at,
                           "\(path.isEmpty ? "the file" : path) holds \(pairs) keys; the limit is \(Fields.maxKeys) keys in one mapping")
            return nil
        }
        entries.reserveCapacity(pairs)
        // Known lists hold at most sixteen keys: a scan beats building a set.
        let knownKeys: Set<String>? = known.count > Fields.scanLimit ? Set(known) : nil
        if pairs > Fields.scanLimit { index = [:] }
        let tree = node.tree
        node.forEachPair { keyIndex, valueIndex in
            let keyNode = YNode(tree: tree, index: keyIndex)
            let keyAt = Fields.position(of: keyNode)
            guard let text = keyNode.textIndex else {
                context.report(.schemaType, at: keyAt, "keys must be plain words, found \(Fields.describe(keyNode))")
                return
            }
            // `{ revenue: 6,200,000 }`: `200` is a piece of a value, reported as yaml.flow-comma.
            if keyNode.isColonless { return }
            let key = tree.texts[Int(text)]
            // A scan finds a key's first entry; the index keeps the first too.
            if index?[key] == nil {
                index?[key] = entries.count
            }
            entries.append(Entry(key: text, value: valueIndex, at: keyAt))
            if !(knownKeys?.contains(key) ?? known.contains(key)) {
                var message = "unknown key '\(key)'" + (path.isEmpty ? "" : " in \(path)")
                if let suggestion = Suggestion.closest(to: key, among: known) {
                    message += "; did you mean '\(suggestion)'?"
                }
                context.report(.schemaUnknownKey, at: keyAt, message)
            }
        }
    }

    func has(_ key: String) -> Bool { entry(key) != nil }

    /// Whether `key` is there with a value other than null.
    func present(_ key: String) -> Bool { entry(key).map { !$0.value.isNull } ?? false }

    public func position(_ key: String) -> SourcePosition? { entry(key)?.at }

    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Reports `schema.required` (at this mapping's key) when `key` is absent or null.
    func require(_ key: String) {
        let found = entry(key)
        if let found, !found.value.isNull { return }
        context.report(.schemaRequired, at: at,
                       "\(qualified(key)) is required" + (found == nil ? " but missing" : " but empty"))
    }

    // MARK: Scalars

    /// The raw text of a scalar value, after the placeholder check.
    /// `typed` values that are placeholders give nil; text keeps them.
    private func scalarText(_ key: String, expected: @autoclosure () -> String, keepPlaceholder: Bool) -> Located<String>? {
        guard let found = entry(key) else { return nil }
        return scalarText(found.value, at: found.at, name: qualified(key), expected: expected(), keepPlaceholder: keepPlaceholder)
    }

    private func scalarText(_ node: YNode, at keyAt: SourcePosition, name: @autoclosure () -> String, expected: @autoclosure () -> String,
                            keepPlaceholder: Bool) -> Located<String>? {
        guard !node.isNull else { return nil }
        guard let string = node.text else {
            context.report(.schemaType, at: keyAt, "\(name()) must be \(expected()), found \(Fields.describe(node))")
            return nil
        }
        if let problem = TextLimits.violation(string) {
            context.report(.contentTooLong, at: keyAt, "\(name()) \(problem)")
            return nil
        }
        if Placeholder.matches(string) {
            context.report(.contentPlaceholder, at: keyAt, "\(name()) still holds the placeholder '\(Placeholder.excerpt(string))'")
            return keepPlaceholder ? Located(string, at: keyAt) : nil
        }
        return Located(string, at: keyAt)
    }

    private func convert<T>(_ raw: Located<String>?, name: @autoclosure () -> String, expected: @autoclosure () -> String,
                            _ parse: (String) -> T?) -> Located<T>? {
        guard let raw else { return nil }
        guard let value = parse(Trim.spaces(raw.value)) else {
            if Scalars.isBeyondExact(Trim.spaces(raw.value)) {
                context.report(.schemaType, at: raw.at, "\(name()) is beyond 2^53 (9,007,199,254,740,992), found '\(raw.value)': a number that large cannot be kept exactly, and is refused rather than rounded")
                return nil
            }
            context.report(.schemaType, at: raw.at, "\(name()) must be \(expected()), found '\(raw.value)'")
            return nil
        }
        return Located(value, at: raw.at)
    }

    public func text(_ key: String) -> Located<String>? {
        scalarText(key, expected: "text", keepPlaceholder: true)
    }

    /// A scalar converted by `parse`; a value it rejects is a `schema.type` error.
    /// `expected` (the words of a `schema.type` message) is made only for a message.
    func value<T>(_ key: String, expected: @autoclosure () -> String, _ parse: (String) -> T?) -> Located<T>? {
        convert(scalarText(key, expected: expected(), keepPlaceholder: false), name: qualified(key),
                expected: expected(), parse)
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

    /// A quarter of the program's year: `YYYY-Qn`, or `FYyyyy-Qn` with a fiscal year.
    func quarter(_ key: String) -> Located<Quarter>? {
        let calendar = context.calendar
        return value(key, expected: calendar.startMonth == 1 ? "a quarter written YYYY-Qn (n from 1 to 4)"
                         : "a fiscal quarter written FYyyyy-Qn (n from 1 to 4; the year starts in month \(calendar.startMonth), fiscal_year_start)") {
            calendar.quarter($0)
        }
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String) -> Located<T>? where T.RawValue == String {
        value(key, expected: "one of " + T.allCases.map(\.rawValue).joined(separator: ", ")) { T(rawValue: $0.lowercased()) }
    }

    // MARK: Collections

    /// A nested mapping, with its own known keys.
    func fields(_ key: String, known: [String]) -> Fields? {
        guard let found = entry(key) else { return nil }
        return Fields(found.value, at: found.at, path: qualified(key), known: known, context: context)
    }

    /// A mapping whose keys are free (currencies, export headers): the node, at its key. Null or missing: nil.
    func mapping(_ key: String) -> Located<YNode>? {
        guard let found = entry(key), !found.value.isNull else { return nil }
        guard found.value.isMapping else {
            context.report(.schemaType, at: found.at, "\(qualified(key)) must be a mapping, found \(Fields.describe(found.value))")
            return nil
        }
        guard found.value.pairCount <= Fields.maxKeys else {
            context.report(.yamlLimits, at: found.at, "\(qualified(key)) holds more than \(Fields.maxKeys) keys")
            return nil
        }
        return Located(found.value, at: found.at)
    }

    /// The items of a list, each with its position. A null value is an empty list.
    public func items(_ key: String) -> Located<[(at: SourcePosition, node: YNode)]>? {
        guard let found = entry(key) else { return nil }
        let node = found.value, keyAt = found.at
        if node.isNull { return Located([], at: keyAt) }
        guard node.isSequence else {
            context.report(.schemaType, at: keyAt, "\(qualified(key)) must be a list, found \(Fields.describe(node))")
            return nil
        }
        return Located(node.items.map { (Fields.position(of: $0), $0) }, at: keyAt)
    }

    /// A list of text items. A single text value is taken as a one-item list.
    func textList(_ key: String) -> Located<[Located<String>]>? {
        guard let found = entry(key) else { return nil }
        let node = found.value, keyAt = found.at
        if let string = node.text, !node.isNull {
            return Located([checkedText(string, at: keyAt, key: key)].compactMap { $0 }, at: keyAt)
        }
        guard let list = items(key) else { return nil }
        var texts: [Located<String>] = []
        for (index, item) in list.value.enumerated() {
            guard let string = item.node.text, !item.node.isNull else {
                context.report(.schemaType, at: item.at,
                               "item \(index + 1) of \(qualified(key)) must be text, found \(Fields.describe(item.node))")
                continue
            }
            if let text = checkedText(string, at: item.at, key: key) { texts.append(text) }
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
        guard let found = entry(key), !found.value.isNull else { return [] }
        let node = found.value, keyAt = found.at
        guard node.isMapping else {
            context.report(.schemaType, at: keyAt, "\(qualified(key)) must be a mapping, found \(Fields.describe(node))")
            return []
        }
        let pairs = node.pairs
        guard pairs.count <= Fields.maxKeys else {
            context.report(.yamlLimits, at: keyAt, "\(qualified(key)) holds \(pairs.count) keys; the limit is \(Fields.maxKeys) keys in one mapping")
            return []
        }
        return pairs.compactMap { keyNode, value in
            guard let string = keyNode.text, !keyNode.isColonless else { return nil }
            let at = Fields.position(of: keyNode)
            let name = { "\(qualified(key)).\(string)" }
            let raw = scalarText(value, at: at, name: name(), expected: "a number", keepPlaceholder: false)
            return convert(raw, name: name(), expected: "a number", Scalars.number).map { (Located(string, at: at), $0) }
        }
    }

    // MARK: Node helpers

    public static func position(of node: YNode) -> SourcePosition {
        let p = node.position
        return SourcePosition(line: max(1, p.line), column: max(1, p.column))
    }

    static func describe(_ node: YNode) -> String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            let text = node.text ?? ""
            return text.count > 40 ? "'\(text.prefix(40))…'" : "'\(text)'"
        }
    }
}
