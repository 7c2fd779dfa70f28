import PartnerbookModel
import PartnerbookSupport
/// A YAML document as the loader reads it: every node in one array, scalar
/// texts in another, children as ranges of a third. Built in one pass over
/// libyaml's events (`YAMLComposer`); an alias is its anchor's node again.
public final class YAMLTree {
    enum Kind: UInt8 {
        case scalar, mapping, sequence
    }

    /// libyaml's scalar styles (`any` only for nodes built by hand).
    enum ScalarStyle: UInt8 {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Record: Equatable {
        var kind: Kind
        /// A collection written in flow style (`{ }`, `[ ]`).
        var flow: Bool
        var style: ScalarStyle
        var line: Int32
        var column: Int32
        /// Scalars: index into `texts`. Collections: first index into `children`.
        var start: Int32
        /// Collections: entries in `children` (two per mapping pair).
        var count: Int32
    }

    /// A run of `{ }` entries written without a colon, after the entry
    /// they most likely belong to: a value that a comma split.
    struct FlowComma: Equatable {
        /// The key of the entry before the run, if any.
        var owner: Int32?
        /// The keys written without a colon.
        var keys: [Int32]
        /// The source text from the owner's value to the run's end, when the owner's value is plain text.
        public var text: String?
    }

    /// Items of a `[ ]` list that a comma most likely split out of one text:
    /// `[ Resale below EUR 20,000 in two quarters ]` read as `…EUR 20` and
    /// `000 in two quarters`, `[ Ledgerline Software, Inc. ]` as two aliases.
    struct SplitItems: Equatable {
        /// The items, the first one and those split from it.
        var items: [Int32]
        /// The source text from the first item to the last.
        var text: String
    }

    /// The tree while a builder fills it: a value, so that filling it and
    /// reading the finished tree need no exclusivity checks at run time.
    struct Parts {
        var records: [Record] = []
        var flowCommas: [FlowComma] = []
        var splitItems: [SplitItems] = []
        /// Keys of `{ }` entries written without a colon; readers skip them.
        var colonless: Set<Int32> = []
        var texts: [String] = []
        var children: [Int32] = []
        var root: Int32 = -1

        mutating func add(_ record: Record) -> Int32 {
            records.append(record)
            return Int32(records.count - 1)
        }
    }

    let records: [Record]
    let flowCommas: [FlowComma]
    let splitItems: [SplitItems]
    let colonless: Set<Int32>
    let texts: [String]
    let children: [Int32]
    let root: Int32

    init(_ parts: Parts) {
        records = parts.records
        flowCommas = parts.flowCommas
        splitItems = parts.splitItems
        colonless = parts.colonless
        texts = parts.texts
        children = parts.children
        root = parts.root
    }

    var rootNode: YNode? { root >= 0 ? YNode(tree: self, index: root) : nil }
}

/// One node of a `YAMLTree`: a cheap handle.
public struct YNode {
    let tree: YAMLTree
    let index: Int32

    private var record: YAMLTree.Record { tree.records[Int(index)] }

    var kind: YAMLTree.Kind { record.kind }
    public var isScalar: Bool { record.kind == .scalar }
    public var isMapping: Bool { record.kind == .mapping }
    public var isSequence: Bool { record.kind == .sequence }
    var isFlow: Bool { record.flow }
    var style: YAMLTree.ScalarStyle { record.style }

    /// 1-based line and column where the node starts.
    public var position: SourcePosition { SourcePosition(line: Int(record.line), column: Int(record.column)) }

    /// A scalar's text; nil for a collection.
    public var text: String? {
        let r = record
        return r.kind == .scalar ? tree.texts[Int(r.start)] : nil
    }

    /// A mapping's pairs in file order; empty for anything else.
    public var pairs: [(key: YNode, value: YNode)] {
        let r = record
        guard r.kind == .mapping else { return [] }
        var out: [(key: YNode, value: YNode)] = []
        out.reserveCapacity(Int(r.count) / 2)
        var i = Int(r.start)
        let end = i + Int(r.count)
        while i < end {
            out.append((YNode(tree: tree, index: tree.children[i]), YNode(tree: tree, index: tree.children[i + 1])))
            i += 2
        }
        return out
    }

    /// How many pairs a mapping holds; 0 for anything else.
    var pairCount: Int {
        let r = record
        return r.kind == .mapping ? Int(r.count) / 2 : 0
    }

    /// Each pair of a mapping in file order, as node indexes of the tree
    /// (no handle, so no reference counted, per pair).
    func forEachPair(_ body: (_ key: Int32, _ value: Int32) -> Void) {
        let r = record
        guard r.kind == .mapping else { return }
        tree.children.withUnsafeBufferPointer { children in
            var i = Int(r.start)
            let end = i + Int(r.count)
            while i < end {
                body(children[i], children[i + 1])
                i += 2
            }
        }
    }

    /// A scalar's index into the tree's texts; nil for a collection.
    var textIndex: Int32? {
        let r = record
        return r.kind == .scalar ? r.start : nil
    }

    /// A sequence's items in order; empty for anything else.
    public var items: [YNode] {
        let r = record
        guard r.kind == .sequence else { return [] }
        return tree.children[Int(r.start)..<Int(r.start + r.count)].map { YNode(tree: tree, index: $0) }
    }

    /// The value of the first pair whose key is the scalar `key`.
    public subscript(key: String) -> YNode? {
        let r = record
        guard r.kind == .mapping else { return nil }
        var i = Int(r.start)
        let end = i + Int(r.count)
        while i < end {
            let k = tree.records[Int(tree.children[i])]
            if k.kind == .scalar, tree.texts[Int(k.start)] == key { return YNode(tree: tree, index: tree.children[i + 1]) }
            i += 2
        }
        return nil
    }

    /// A key of a `{ }` entry written without a colon (see `YAMLTree.FlowComma`).
    var isColonless: Bool { !tree.colonless.isEmpty && tree.colonless.contains(index) }

    /// Empty or `~`, written plainly: what YAML reads as null.
    public var isNull: Bool {
        let r = record
        guard r.kind == .scalar, r.style == .plain || r.style == .any else { return false }
        let text = tree.texts[Int(r.start)]
        return text.isEmpty || text == "~"
    }
}
