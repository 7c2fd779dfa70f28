import CYaml
import PartnerbookModel
import PartnerbookSupport

/// Reads a content file in one pass over libyaml's events (the `CYaml` that
/// Yams builds and bundles) and builds its `YAMLTree`, with the limits of the
/// guard enforced on the way: aliases may not expand past
/// `maxExpandedValues`, lists and mappings may not nest past `maxDepth`, and
/// keys must be scalars. Duplicate keys, an undefined alias and a second
/// document are errors, as they are for Yams.
///
/// This replaced "guard pass, then Yams composes a node tree": one parse
/// instead of two, no per-node objects, no recursive hashing of keys. The
/// diagnostics are the same, byte for byte (a test runs both over the
/// example and the hostile corpus): a limit found before any parse error
/// wins, then whichever of a parse error and a composer error comes first.
public enum YAMLComposer {
    /// Deepest nesting of lists and mappings. The schema needs five levels.
    static let maxDepth = 64
    /// Most values the document may hold once every alias is expanded.
    static let maxExpandedValues = 200_000

    enum Failure: Error, Equatable {
        /// A limit of the guard (`yaml.limits`).
        case limits(SourcePosition, String)
        /// Not valid YAML, a duplicate key, an undefined alias, two documents (`yaml.syntax`).
        case syntax(SourcePosition, String)
        /// No document at all.
        case empty
    }

    struct Frame {
        var node: Int32
        public var isMapping: Bool
        var expectingKey: Bool
        /// Where this collection's children start on the scratch stack.
        var childrenStart: Int
        /// Values inside it once aliases are expanded (for anchors).
        var size: Int
        var anchor: String?
        /// For a mapping written `{ ... }` or a list written `[ ... ]`: where
        /// each child (key, value, key, ... or item, item, ...) starts and ends
        /// in the source, to find entries without a colon and items a comma split.
        var braces: [FlowChild]?
        /// Where the collection starts in the source.
        var start: Int = 0
    }

    /// A finished collection is a child of its parent `{ }` mapping too.
    private static func noteCollectionEnd(_ frame: Frame, in stack: inout [Frame], end: Int) {
        guard !stack.isEmpty, stack[stack.count - 1].braces != nil else { return }
        stack[stack.count - 1].braces!.append(FlowChild(node: frame.node, start: frame.start, end: end, plain: false, empty: false))
    }

    /// Entries of a `{ }` mapping written without a colon (`{ revenue: 6,200,000 }`
    /// reads as `revenue: 6` and keys `200` and `000` with no value): each
    /// run of them is recorded with the entry it most likely belongs to.
    private static func findColonless(_ children: [FlowChild], in bytes: UnsafeBufferPointer<UInt8>, tree: inout YAMLTree.Parts) {
        var index = 0
        var owner: (key: Int32, value: FlowChild)?
        var run: [Int32] = []
        var runEnd = 0
        func flush() {
            guard !run.isEmpty else { return }
            let start = owner?.value.start ?? 0
            var text: String?
            if let owner, owner.value.plain, !owner.value.empty, start < runEnd, runEnd <= bytes.count {
                text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<runEnd]), as: UTF8.self)
            }
            tree.flowCommas.append(YAMLTree.FlowComma(owner: owner?.key, keys: run, text: text))
            for key in run { tree.colonless.insert(key) }
            run = []
        }
        while index + 1 < children.count {
            let key = children[index], value = children[index + 1]
            index += 2
            var colon = false
            if value.empty, value.plain, key.end <= value.start, value.start <= bytes.count {
                colon = bytes[key.end..<value.start].contains(UInt8(ascii: ":"))
            } else {
                colon = true
            }
            if colon {
                flush()
                owner = (key.node, value)
            } else {
                run.append(key.node)
                runEnd = key.end
            }
        }
        flush()
    }


    /// Items of a `[ ]` list a comma most likely split out of one text: a
    /// number's thousands (`20,000`: a comma between digits with no blank, the
    /// next item starting with three digits) or a company's legal form
    /// (`Software, Inc.`). Each run is recorded with the source text it was.
    private static func findSplitItems(_ children: [FlowChild], in bytes: UnsafeBufferPointer<UInt8>, tree: inout YAMLTree.Parts) {
        var run: [FlowChild] = []
        func flush() {
            if run.count > 1, let first = run.first, let last = run.last, first.start < last.end, last.end <= bytes.count {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.start..<last.end]), as: UTF8.self)
                tree.splitItems.append(YAMLTree.SplitItems(items: run.map(\.node), text: text))
            }
            run = []
        }
        for child in children {
            guard child.plain, !child.empty, child.start < child.end, child.end <= bytes.count else {
                flush()
                continue
            }
            if let previous = run.last, splits(previous, child, in: bytes) {
                run.append(child)
            } else {
                flush()
                run = [child]
            }
        }
        flush()
    }

    /// Company legal forms an item may end with (compared without case and final dot).
    static let legalForms: Set<String> = [
        "inc", "incorporated", "ltd", "limited", "llc", "l.l.c", "llp", "lp", "l.p", "plc", "corp", "corporation", "co",
        "gmbh", "ag", "kg", "se", "sa", "s.a", "sas", "sarl", "s.a.r.l", "srl", "s.r.l", "spa", "s.p.a", "bv", "b.v", "nv",
        "n.v", "oy", "ab", "as", "a/s", "aps", "pty ltd", "pty. ltd", "kk", "k.k",
    ]

    /// Whether `next` reads as the rest of `previous`, split at a comma.
    private static func splits(_ previous: FlowChild, _ next: FlowChild, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let between = bytes[previous.end..<next.start]
        guard between.filter({ $0 == UInt8(ascii: ",") }).count == 1 else { return false }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        // 20,000: the comma right between two digits, three digits after it.
        if between.count == 1, isDigit(bytes[previous.end - 1]) {
            let digits = bytes[next.start..<next.end].prefix(while: isDigit).count
            if digits == 3 { return true }
        }
        var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[next.start..<next.end]), as: UTF8.self).lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        return legalForms.contains(word)
    }

    /// Room for the children of a `{ }` or `[ ]` collection: a handful, mostly.
    static func flowChildren() -> [FlowChild] {
        var children: [FlowChild] = []
        children.reserveCapacity(8)
        return children
    }

    /// A child of a `{ }` mapping: its node, its byte range, and whether it
    /// is an empty plain scalar (what libyaml gives for a missing value).
    struct FlowChild {
        var node: Int32
        var start: Int
        var end: Int
        var plain: Bool
        public var empty: Bool
    }

    /// What the composer holds while it reads one document. A value with
    /// mutating methods rather than locals captured by nested functions:
    /// captured locals live in boxes, checked for exclusive access at run
    /// time on every event.
    struct State {
        var tree = YAMLTree.Parts()
        var stack: [Frame] = []
        var scratch: [Int32] = []
        var anchors: [String: (node: Int32, size: Int)] = [:]
        var total = 0
        var documents = 0
        /// The first composer error (duplicate key, undefined alias, second document): reported
        /// unless a limit turns up first, as when the guard read the whole stream before Yams composed.
        var composerError: Failure?

        var building: Bool { composerError == nil }

        /// Whether the next value of the innermost collection is a mapping key.
        var atKey: Bool { !stack.isEmpty && stack[stack.count - 1].isMapping && stack[stack.count - 1].expectingKey }

        /// Notes a child of a `{ }` or `[ ]` collection with its byte range.
        mutating func noteFlowChild(_ node: Int32, start: Int, end: Int, plain: Bool, empty: Bool) {
            guard building, !stack.isEmpty, stack[stack.count - 1].braces != nil else { return }
            stack[stack.count - 1].braces!.append(FlowChild(node: node, start: start, end: end, plain: plain, empty: empty))
        }

        /// Counts a finished value of `size` into its parent; a refusal past the limit.
        mutating func add(_ size: Int, node: Int32, at: SourcePosition) -> Failure? {
            total = saturatingAdd(total, size)
            if total > maxExpandedValues {
                return .limits(at, "aliases expand this file to more than \(maxExpandedValues) values; a partner file needs far fewer (an alias bomb?)")
            }
            if !stack.isEmpty {
                stack[stack.count - 1].size = saturatingAdd(stack[stack.count - 1].size, size)
                if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
                scratch.append(node)
            } else if building {
                tree.root = node
            }
            return nil
        }

        /// A collection ends: its children move from the scratch stack into the tree.
        mutating func close(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) {
            guard let frame = stack.popLast() else { return }
            if let braces = frame.braces, building {
                if frame.isMapping { findColonless(braces, in: bytes, tree: &tree) } else { findSplitItems(braces, in: bytes, tree: &tree) }
            }
            noteCollectionEnd(frame, in: &stack, end: end)
            let entries = scratch[frame.childrenStart...]
            if frame.isMapping, composerError == nil, let duplicate = duplicateKeys(entries, in: tree) {
                composerError = duplicate
            }
            tree.records[Int(frame.node)].start = Int32(tree.children.count)
            tree.records[Int(frame.node)].count = Int32(entries.count)
            tree.children.append(contentsOf: entries)
            scratch.removeSubrange(frame.childrenStart...)
            let size = saturatingAdd(frame.size, 1)
            if let anchor = frame.anchor { anchors[anchor] = (frame.node, size) }
            // The collection's own values were counted as they came; count only the collection here.
            total = saturatingAdd(total, 1)
            if !stack.isEmpty {
                stack[stack.count - 1].size = saturatingAdd(stack[stack.count - 1].size, size)
                if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
                scratch.append(frame.node)
            } else if building {
                tree.root = frame.node
            }
        }

        /// A scalar: its text, style and anchor, where it starts, and its byte range.
        mutating func scalar(_ text: String, style: YAMLTree.ScalarStyle, anchor: String?, at: SourcePosition, start: Int, end: Int) -> Failure? {
            tree.texts.append(text)
            let node = tree.add(YAMLTree.Record(kind: .scalar, flow: false, style: style,
                                                line: Int32(at.line), column: Int32(at.column),
                                                start: Int32(tree.texts.count - 1), count: 0))
            if let anchor { anchors[anchor] = (node, 1) }
            noteFlowChild(node, start: start, end: end, plain: style == .plain, empty: text.isEmpty)
            return add(1, node: node, at: at)
        }

        /// An alias: its anchor's node again.
        mutating func alias(_ name: String?, at: SourcePosition, start: Int, end: Int) -> Failure? {
            if atKey {
                return .limits(at, "an alias is used as a mapping key; keys must be plain words")
            }
            let target = name.flatMap { anchors[$0] }
            if target == nil, composerError == nil {
                composerError = .syntax(at, "found undefined alias")
            }
            noteFlowChild(target?.node ?? -1, start: start, end: end, plain: false, empty: false)
            return add(target?.size ?? 1, node: target?.node ?? -1, at: at)
        }

        /// A list or mapping begins; `opensBrace` when written with `{` or `[` at `start`.
        mutating func open(isMapping: Bool, flow: Bool, anchor: String?, at: SourcePosition, start: Int, opensBrace: Bool) -> Failure? {
            if atKey {
                return .limits(at, "a list or mapping is used as a mapping key; keys must be plain words")
            }
            if stack.count >= maxDepth {
                return .limits(at, "lists and mappings nest more than \(maxDepth) levels deep; a partner file needs a handful")
            }
            let node = tree.add(YAMLTree.Record(kind: isMapping ? .mapping : .sequence, flow: flow, style: .any,
                                                line: Int32(at.line), column: Int32(at.column), start: 0, count: 0))
            stack.append(Frame(node: node, isMapping: isMapping, expectingKey: true, childrenStart: scratch.count,
                               size: 0, anchor: anchor, braces: opensBrace ? YAMLComposer.flowChildren() : nil, start: start))
            return nil
        }

        /// The stream has ended: the tree, or the first composer error.
        func finish() -> Result<YAMLTree, Failure> {
            if let composerError { return .failure(composerError) }
            return tree.root >= 0 ? .success(YAMLTree(tree)) : .failure(.empty)
        }
    }

    /// The tree of `bytes`: read by `CommonYAML` when the file keeps to the
    /// YAML content files are written in, by libyaml otherwise (the same tree:
    /// YAMLReadersTests).
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLTree, Failure> {
        CommonYAML.compose(bytes) ?? composeWithLibyaml(bytes)
    }

    /// The tree of `bytes` from libyaml's events.
    static func composeWithLibyaml(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLTree, Failure> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failure(.syntax(.start, "could not read YAML: memory")) }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        let offsets = ByteOffsets(bytes)
        var state = State()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(state.composerError ?? parseError(parser))
            }
            defer { yaml_event_delete(&event) }
            let at = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            let (start, end) = (offsets.byte(Int(event.start_mark.index)), offsets.byte(Int(event.end_mark.index)))

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return state.finish()
            case YAML_DOCUMENT_START_EVENT:
                state.documents += 1
                if state.documents == 2, state.composerError == nil {
                    state.composerError = .syntax(at, "file holds more than one YAML document; keep one per file")
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let style = YAMLTree.ScalarStyle(rawValue: UInt8(scalar.style.rawValue)) ?? .any
                if let refusal = state.scalar(text, style: style, anchor: string(scalar.anchor), at: at, start: start, end: end) {
                    return .failure(refusal)
                }
            case YAML_ALIAS_EVENT:
                if let refusal = state.alias(string(event.data.alias.anchor), at: at, start: start, end: end) { return .failure(refusal) }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                let flow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                     : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                let opensBrace = flow && start < bytes.count && bytes[start] == UInt8(ascii: isMapping ? "{" : "[")
                if let refusal = state.open(isMapping: isMapping, flow: flow, anchor: anchor, at: at, start: start, opensBrace: opensBrace) {
                    return .failure(refusal)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                state.close(bytes, end: end)
            default:
                continue
            }
        }
    }

    /// Yams' message for a duplicated key: every duplicated key, sorted, at
    /// the first occurrence of the first of them. Mappings are small, so keys
    /// are compared pairwise, by their places in the tree's texts, before any
    /// hashing (no key's text is copied).
    private static func duplicateKeys(_ entries: ArraySlice<Int32>, in tree: YAMLTree.Parts) -> Failure? {
        var keys: [(text: Int32, node: Int32)] = []
        keys.reserveCapacity(entries.count / 2)
        var index = entries.startIndex
        while index < entries.endIndex {
            let key = entries[index]
            if key >= 0, tree.records[Int(key)].kind == .scalar {
                keys.append((tree.records[Int(key)].start, key))
            }
            index += 2
        }
        var duplicated: [String: Int32] = [:]
        if keys.count <= 32 {
            tree.texts.withUnsafeBufferPointer { texts in
                for i in keys.indices {
                    for j in 0..<i where texts[Int(keys[j].text)] == texts[Int(keys[i].text)] {
                        let text = texts[Int(keys[j].text)]
                        if duplicated[text] == nil { duplicated[text] = keys[j].node }
                        break
                    }
                }
            }
        } else {
            var seen: [String: Int32] = [:]
            for key in keys {
                let text = tree.texts[Int(key.text)]
                if let first = seen[text] { duplicated[text] = first } else { seen[text] = key.node }
            }
        }
        guard !duplicated.isEmpty else { return nil }
        let sorted = duplicated.keys.sorted()
        let first = tree.records[Int(duplicated[sorted[0]]!)]
        return .syntax(SourcePosition(line: max(1, Int(first.line)), column: max(1, Int(first.column))),
                       "duplicate key \(sorted.map { "'\($0)'" }.joined(separator: ", ")) in one mapping; each key may appear once")
    }

    /// libyaml's error, worded as Yams words it.
    private static func parseError(_ parser: yaml_parser_t) -> Failure {
        func text(_ pointer: UnsafePointer<CChar>?) -> String? { pointer.map { String(cString: $0) } }
        let problem = text(parser.problem) ?? "unknown problem"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let mark = SourcePosition(line: max(1, Int(parser.problem_mark.line) + 1), column: max(1, Int(parser.problem_mark.column) + 1))
            guard let context = text(parser.context), !context.isEmpty else { return .syntax(mark, problem) }
            return .syntax(mark, "\(problem) (\(context) at \(parser.context_mark.line + 1):\(parser.context_mark.column + 1))")
        case YAML_READER_ERROR:
            return .syntax(.start, problem)
        default:
            return .syntax(.start, "could not read YAML: \(problem)")
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
