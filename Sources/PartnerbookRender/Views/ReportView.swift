import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the validation report page reads: every diagnostic, grouped by file.
package struct ReportView {
    struct Entry {
        var severity: String
        package var position: String
        var message: String
        package var rule: String
    }

    struct Group {
        package var file: String
        var name: String
        var link: String
        var hasLink: Bool
        var counts: String
        var entries: [Entry]
    }

    var title: String
    var summary: String
    var asOf: String
    var groups: [Group]
    var clean: Bool

    init(program: Program, subjects: [AlertRanking.Subject], report: DiagnosticReport, asOf: Day) {
        title = "Validation report: \(program.name?.value ?? "Partner program")"
        summary = report.summary
        self.asOf = Format.date(asOf)
        let byFile = Dictionary(grouping: report.diagnostics, by: \.file)
        let partnerByFile = Dictionary(subjects.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        groups = byFile.keys.sorted { Diagnostic.ordered(byFile[$0]![0], byFile[$1]![0]) }.map { file in
            let diagnostics = byFile[file]!
            let partner = partnerByFile[file]
            return Group(file: file, name: partner?.name ?? (file == ContentPaths.programFile ? "Program settings" : file),
                         link: partner.map { OutputPaths.link(OutputPaths.scorecard($0.id, "html"), fromDepth: 1) } ?? "", hasLink: partner != nil,
                         counts: DiagnosticReport(diagnostics: diagnostics, partnerCount: 1, strict: false).counts,
                         entries: diagnostics.map {
                             Entry(severity: $0.severity.rawValue, position: "\($0.position.line):\($0.position.column)",
                                   message: $0.message, rule: $0.rule.id)
                         })
        }
        clean = groups.isEmpty
    }
}

/// What the rules page reads: every rule with its documentation.
package struct RulesView {
    struct Entry {
        package var id: String
        var severity: String
        var severityText: String
        var summary: String
        var why: String
        var fix: String
        var example: String
    }

    var title = "Rules"
    var rules: [Entry]

    init(_ rules: [RuleInfo]) {
        self.rules = rules.map {
            Entry(id: $0.rule.id, severity: $0.rule.severity.rawValue, severityText: $0.severityText, summary: $0.summary,
                  why: $0.why, fix: $0.fix, example: $0.example)
        }
    }
}
