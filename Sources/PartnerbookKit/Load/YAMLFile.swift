import Foundation
import Yams

/// Turns the bytes of a content file into a YAML node tree, or a diagnostic.
/// Checks that libyaml cannot make cheaply (size, encoding, NUL bytes) come first.
enum YAMLFile {
    /// Largest content file read, in bytes. A partner file is a few kilobytes;
    /// anything near this limit is a mistake or an attack, not a partner.
    static let maxBytes = 1 << 20

    static func parse(_ data: Data, context: LoadContext) -> Node? {
        guard data.count <= maxBytes else {
            context.report(.contentFile, at: .start,
                           "file is \(data.count) bytes; the limit is \(maxBytes) bytes (1 MiB) per content file")
            return nil
        }
        guard let text = decodeUTF8(data, context: context) else { return nil }
        if let refusal = YAMLGuard.check(Array(data)) {
            context.report(.yamlLimits, at: refusal.position, refusal.message)
            return nil
        }
        do {
            // No implicit tag resolution: text stays text, and Yams would otherwise run its
            // resolver's regular expressions on every key while checking for duplicates.
            let parser = try Parser(yaml: text, resolver: .basic)
            return try parser.singleRoot()
        } catch let error as YamlError {
            let (position, message) = describe(error)
            context.report(.yamlSyntax, at: position, message)
        } catch {
            context.report(.yamlSyntax, at: .start, "could not read YAML: \(error)")
        }
        return nil
    }

    /// Decodes strict UTF-8, pointing at the first bad byte or NUL byte.
    private static func decodeUTF8(_ data: Data, context: LoadContext) -> String? {
        if let problem = TextBytes.firstProblem(data) {
            context.report(.contentFile, at: problem.position,
                           problem.isNUL ? "file contains a NUL byte; content files must be text" : "file is not valid UTF-8")
            return nil
        }
        return String(decoding: data, as: UTF8.self)
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
enum TextBytes {
    /// The first byte that is not valid UTF-8, or the first NUL, with its
    /// 1-based line and column (a byte-order mark at the start takes no column); nil when the text is clean.
    static func firstProblem(_ data: Data) -> (position: SourcePosition, isNUL: Bool)? {
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
