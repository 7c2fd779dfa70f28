import Foundation
import Yams
import PartnerbookModel
import PartnerbookSupport

/// Turns the bytes of a content file into a YAML node tree, or a diagnostic.
/// Checks that libyaml cannot make cheaply (size, encoding, NUL bytes) come first.
package enum YAMLFile {
    /// Largest content file read, in bytes. A partner file is a few kilobytes;
    /// anything near this limit is a mistake or an attack, not a partner.
    package static let maxBytes = ContentLimits.fileBytes

    /// The file's tree, read in one pass over libyaml's events (`YAMLComposer`),
    /// or nil with a diagnostic in `context`.
    package static func parse(_ data: Data, context: LoadContext) -> YNode? {
        guard data.count <= maxBytes else {
            context.report(.contentFile, at: .start,
                           "file is \(data.count) bytes; the limit is \(maxBytes) bytes (1 MiB) per content file")
            return nil
        }
        guard isText(data, context: context) else { return nil }
        let result = data.withUnsafeBytes { raw in
            YAMLComposer.compose(raw.bindMemory(to: UInt8.self))
        }
        switch result {
        case .success(let tree):
            FlowCommaReport.report(tree, context: context)
            return tree.rootNode
        case .failure(.limits(let position, let message)):
            context.report(.yamlLimits, at: position, message)
        case .failure(.syntax(let position, let message)):
            context.report(.yamlSyntax, at: position, message)
        case .failure(.empty):
            break
        }
        return nil
    }

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
        guard isText(data, context: context) else { return nil }
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

    /// Whether the bytes are strict UTF-8 without a NUL; if not, a diagnostic at the first bad byte.
    private static func isText(_ data: Data, context: LoadContext) -> Bool {
        if let problem = TextBytes.firstProblem(data) {
            context.report(.contentFile, at: problem.position,
                           problem.isNUL ? "file contains a NUL byte; content files must be text" : "file is not valid UTF-8")
            return false
        }
        return true
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

/// Strict UTF-8 without NUL bytes: what every text file Partnerbook reads must be.
package enum TextBytes {
    /// The first byte that is not valid UTF-8, or the first NUL, with its
    /// 1-based line and column (a byte-order mark at the start takes no column); nil when the text is clean.
    package static func firstProblem(_ data: Data) -> (position: SourcePosition, isNUL: Bool)? {
        // Nearly every file is ASCII without a NUL: one pass over the bytes says so.
        let clean = data.withUnsafeBytes { raw in !raw.contains { $0 == 0 || $0 >= 0x80 } }
        if clean { return nil }
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var firstScalar = true
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\0" { return (SourcePosition(line: line, column: column), true) }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if !(firstScalar && scalar == "\u{FEFF}") {
                    column += 1
                }
                firstScalar = false
            case .emptyInput:
                return nil
            case .error:
                return (SourcePosition(line: line, column: column), false)
            }
        }
    }
}

/// Yams' node tree as a `YAMLTree`, for the legacy reading.
package enum YamsTree {
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
