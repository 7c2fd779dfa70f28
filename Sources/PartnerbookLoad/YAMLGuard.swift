import CYaml
import PartnerbookModel
import PartnerbookSupport

/// A pass over libyaml's event stream before Yams builds a node tree, to
/// refuse what a partner file never needs and what would make loading
/// explode: aliases that expand to more values than a file could hold
/// (the "billion laughs"), nesting deeper than any schema section, and lists,
/// mappings or aliases used as mapping keys (Yams hashes keys recursively).
///
/// Yams does not bound alias expansion itself, and composes recursively, so
/// thousands of nested brackets would overflow the stack there.
/// `CYaml` is the libyaml that Yams builds; this reads its events only.
package enum YAMLGuard {
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
