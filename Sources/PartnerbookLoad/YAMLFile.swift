import Foundation
import PartnerbookModel
import PartnerbookSupport

/// Turns the bytes of a content file into a YAML node tree, or a diagnostic.
/// Checks that libyaml cannot make cheaply (size, encoding, NUL bytes) come first.
public enum YAMLFile {
    /// Largest content file read, in bytes. A partner file is a few kilobytes;
    /// anything near this limit is a mistake or an attack, not a partner.
    public static let maxBytes = ContentLimits.fileBytes

    /// The file's tree, read in one pass over libyaml's events (`YAMLComposer`),
    /// or nil with a diagnostic in `context`.
    public static func parse(_ data: Data, context: LoadContext) -> YNode? {
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

    /// Whether the bytes are strict UTF-8 without a NUL; if not, a diagnostic at the first bad byte.
    private static func isText(_ data: Data, context: LoadContext) -> Bool {
        if let problem = TextBytes.firstProblem(data) {
            context.report(.contentFile, at: problem.position,
                           problem.isNUL ? "file contains a NUL byte; content files must be text" : "file is not valid UTF-8")
            return false
        }
        return true
    }
}

/// Strict UTF-8 without NUL bytes: what every text file Partnerbook reads must be.
public enum TextBytes {
    /// Whether no byte is NUL or above 0x7F, read eight bytes at a time: a
    /// word's high bits show a byte above 0x7F, and `(w - 0x01…) & ~w` sets
    /// the high bit of a byte below which some byte is zero (exact as to
    /// whether one is, which is all this asks).
    static func isPlainASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if (word | ((word &- ones) & ~word)) & highs != 0 { return false }
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] == 0 || raw[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// The first byte that is not valid UTF-8, or the first NUL, with its
    /// 1-based line and column (a byte-order mark at the start takes no column); nil when the text is clean.
    public static func firstProblem(_ data: Data) -> (position: SourcePosition, isNUL: Bool)? {
        // Nearly every file is ASCII without a NUL: one pass over the bytes says so.
        if data.withUnsafeBytes(isPlainASCII) { return nil }
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
