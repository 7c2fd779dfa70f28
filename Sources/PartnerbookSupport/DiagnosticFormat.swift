import Foundation
import PartnerbookModel

/// How `check` and `build` print diagnostics.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// gcc style, one per line, then a summary line.
    case text
    /// A JSON array of `{file, line, column, severity, rule, message}`.
    case json
    /// GitHub Actions workflow commands, which annotate the pull request.
    case github
}

/// The result of validating a program, ready to print.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var partnerCount: Int
    /// Warnings count as errors.
    public var strict: Bool

    public init(diagnostics: [Diagnostic], partnerCount: Int, strict: Bool) {
        self.diagnostics = diagnostics
        self.partnerCount = partnerCount
        self.strict = strict
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    /// Notices (how a partnership is going) never fail a run, `--strict` included.
    public var noticeCount: Int { diagnostics.filter { $0.severity == .notice }.count }

    /// Whether the content fails: any error, or any warning under `--strict`; never a notice.
    public var fails: Bool { errorCount > 0 || (strict && warningCount > 0) }

    /// Whether a failing finding is about the files themselves (`Rule.stopsWriting`): then `build` writes nothing.
    public var stopsWriting: Bool {
        diagnostics.contains { $0.rule.stopsWriting && ($0.severity == .error || (strict && $0.severity == .warning)) }
    }

    /// "1 error, 3 warnings".
    public var counts: String {
        "\(count(errorCount, "error")), \(count(warningCount, "warning"))"
    }

    private func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// "0 errors, 3 warnings in 7 partners (4 notices)".
    public var summary: String {
        var line = "\(counts) in \(count(partnerCount, "partner"))"
        if noticeCount > 0 { line += " (\(count(noticeCount, "notice")))" }
        if strict && warningCount > 0 { line += " (--strict: warnings count as errors)" }
        return line
    }

    /// The report in `format`, with each file shown as `pathPrefix` joined with its relative path.
    public func render(_ format: DiagnosticFormat, pathPrefix: String) -> String {
        func path(_ d: Diagnostic) -> String {
            pathPrefix.isEmpty ? d.file : (pathPrefix.hasSuffix("/") ? pathPrefix : pathPrefix + "/") + d.file
        }
        switch format {
        case .text:
            let lines = diagnostics.map {
                "\(path($0)):\($0.position.line):\($0.position.column): \($0.severity.rawValue): \($0.message) [\($0.rule.id)]"
            }
            return (lines + [summary]).joined(separator: "\n") + "\n"
        case .json:
            struct Entry: Encodable {
                var file: String, line: Int, column: Int, severity: Severity, rule: String, message: String
            }
            let entries = diagnostics.map {
                Entry(file: path($0), line: $0.position.line, column: $0.position.column,
                      severity: $0.severity, rule: $0.rule.id, message: $0.message)
            }
            return JSONText.encode(entries)
        case .github:
            let lines = diagnostics.map {
                "::\($0.severity.rawValue) file=\(property(path($0))),line=\($0.position.line),col=\($0.position.column),title=\(property($0.rule.id))::\(data($0.message)) [\($0.rule.id)]"
            }
            return (lines + [summary]).joined(separator: "\n") + "\n"
        }
    }

    // GitHub's escaping for workflow command data and properties.
    private func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
