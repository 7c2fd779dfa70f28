import CYaml
import Foundation
import Yams
@testable import PartnerbookLoad
import PartnerbookModel
import PartnerbookSupport
import PartnerbookTestSupport

// The reading this project used before `YAMLComposer`, kept in the tests as
// the reference `ComposerEquivalenceTests` holds the composer to: a guard
// pass over libyaml's events, then Yams composing its node tree.

extension YAMLFile {
    /// The reading this project used before `YAMLComposer`: the guard's
    /// event pass, then Yams composing a node tree (converted to a
    /// `YAMLTree` for the loader). Kept while a test shows the two give the
    /// same diagnostics on the example and the hostile corpus.
    static func parseWithYams(_ data: Data, context: LoadContext) -> YNode? {
        guard data.count <= maxBytes else {
            context.report(.contentFile, at: .start,
                           "file is \(data.count) bytes; the limit is \(maxBytes) bytes (1 MiB) per content file")
            return nil
        }
        if let problem = TextBytes.firstProblem(data) {
            context.report(.contentFile, at: problem.position,
                           problem.isNUL ? "file contains a NUL byte; content files must be text" : "file is not valid UTF-8")
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        if let refusal = YAMLGuard.check(Array(data)) {
            context.report(.yamlLimits, at: refusal.position, refusal.message)
            return nil
        }
        do {
            // No implicit tag resolution: text stays text, and Yams would otherwise run its
            // resolver's regular expressions on every key while checking for duplicates.
            let parser = try Parser(yaml: text, resolver: .basic)
            return try parser.singleRoot().map(YamsTree.convert)
        } catch let error as YamlError {
            let (position, message) = describe(error)
            context.report(.yamlSyntax, at: position, message)
        } catch {
            context.report(.yamlSyntax, at: .start, "could not read YAML: \(error)")
        }
        return nil
    }


    private static func describe(_ error: YamlError) -> (SourcePosition, String) {
        func position(_ mark: Mark) -> SourcePosition {
            SourcePosition(line: max(1, mark.line), column: max(1, mark.column))
        }
        func text(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context, !context.text.isEmpty else { return problem }
            return "\(problem) (\(context.text) at \(context.mark.line):\(context.mark.column))"
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _):
            return (position(mark), text(context, problem))
        case let .composer(context, problem, mark, _):
            if problem.contains("another document") {
                return (position(mark), "file holds more than one YAML document; keep one per file")
            }
            return (position(mark), text(context, problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (position(context.mark), "duplicate key \(keys) in one mapping; each key may appear once")
        case let .reader(problem, _, _, _):
            return (.start, problem)
        default:
            return (.start, "could not read YAML: \(error)")
        }
    }

}

/// A pass over libyaml's event stream before Yams builds a node tree, to
/// refuse what a partner file never needs and what would make loading
/// explode: aliases that expand to more values than a file could hold
/// (the "billion laughs"), nesting deeper than any schema section, and lists,
/// mappings or aliases used as mapping keys (Yams hashes keys recursively).
///
/// Yams does not bound alias expansion itself, and composes recursively, so
/// thousands of nested brackets would overflow the stack there.
/// `CYaml` is the libyaml that Yams builds; this reads its events only.
enum YAMLGuard {
    /// Deepest nesting of lists and mappings. The schema needs five levels.
    static let maxDepth = 64
    /// Most values the document may hold once every alias is expanded.
    static let maxExpandedValues = 200_000

    package struct Refusal: Equatable {
        package var position: SourcePosition
        package var message: String
    }

    private struct Frame {
        var anchor: String?
        package var isMapping: Bool
        var expectingKey: Bool
        var size: Int
    }

    /// nil when the text is within bounds (or not valid YAML: Yams reports that).
    package static func check(_ bytes: [UInt8]) -> Refusal? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer -> Refusal? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Frame] = []
            var anchors: [String: Int] = [:]
            var total = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let at = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                let keyPosition = stack.last.map { $0.isMapping && $0.expectingKey } ?? false

                /// Adds a finished value of `size` to its parent; returns a refusal past the limit.
                func add(_ size: Int) -> Refusal? {
                    total = saturatingAdd(total, size)
                    if total > maxExpandedValues {
                        return Refusal(position: at, message: "aliases expand this file to more than \(maxExpandedValues) values; a partner file needs far fewer (an alias bomb?)")
                    }
                    if !stack.isEmpty {
                        stack[stack.count - 1].size = saturatingAdd(stack[stack.count - 1].size, size)
                        if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
                    }
                    return nil
                }

                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_SCALAR_EVENT:
                    if let anchor = string(event.data.scalar.anchor) { anchors[anchor] = 1 }
                    if let refusal = add(1) { return refusal }
                case YAML_ALIAS_EVENT:
                    if keyPosition {
                        return Refusal(position: at, message: "an alias is used as a mapping key; keys must be plain words")
                    }
                    let size = string(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                    if let refusal = add(size) { return refusal }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    if keyPosition {
                        return Refusal(position: at, message: "a list or mapping is used as a mapping key; keys must be plain words")
                    }
                    if stack.count >= maxDepth {
                        return Refusal(position: at, message: "lists and mappings nest more than \(maxDepth) levels deep; a partner file needs a handful")
                    }
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                    stack.append(Frame(anchor: anchor, isMapping: isMapping, expectingKey: true, size: 0))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { return nil }
                    let size = saturatingAdd(frame.size, 1)
                    if let anchor = frame.anchor { anchors[anchor] = size }
                    // The collection's own values were counted as they came; count only the collection here.
                    total = saturatingAdd(total, 1)
                    if !stack.isEmpty {
                        stack[stack.count - 1].size = saturatingAdd(stack[stack.count - 1].size, size)
                        if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
                    }
                default:
                    continue
                }
            }
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

/// Yams' node tree as a `YAMLTree`, for the legacy reading.
enum YamsTree {
    static func convert(_ root: Node) -> YNode {
        var tree = YAMLTree.Parts()
        tree.root = add(root, to: &tree)
        return YAMLTree(tree).rootNode!
    }

    private static func add(_ node: Node, to tree: inout YAMLTree.Parts) -> Int32 {
        let mark = node.mark
        var record = YAMLTree.Record(kind: .scalar, flow: false, style: .any, line: Int32(mark?.line ?? 0),
                                     column: Int32(mark?.column ?? 0), start: 0, count: 0)
        switch node {
        case .scalar(let scalar):
            tree.texts.append(scalar.string)
            record.style = YAMLTree.ScalarStyle(rawValue: UInt8(scalar.style.rawValue)) ?? .any
            record.start = Int32(tree.texts.count - 1)
            return tree.add(record)
        case .mapping(let mapping):
            // Yams records the style of a mapping's end event; a flow mapping starts at its `{`, before its first key.
            record.kind = .mapping
            record.flow = mark.map { start in
                mapping.first?.key.mark.map { ($0.line, $0.column) != (start.line, start.column) } ?? true
            } ?? false
            let children = mapping.flatMap { [add($0.key, to: &tree), add($0.value, to: &tree)] }
            record.start = Int32(tree.children.count)
            record.count = Int32(children.count)
            tree.children += children
            return tree.add(record)
        case .sequence(let sequence):
            record.kind = .sequence
            let children = sequence.map { add($0, to: &tree) }
            record.start = Int32(tree.children.count)
            record.count = Int32(children.count)
            tree.children += children
            return tree.add(record)
        case .alias:
            tree.texts.append("")
            record.start = Int32(tree.texts.count - 1)
            return tree.add(record)
        }
    }
}
