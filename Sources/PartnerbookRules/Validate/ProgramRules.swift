import PartnerbookModel
import PartnerbookSupport
/// Program-wide settings: `program.weights`, `program.outcomes`.
package enum ProgramRules {
    package static func check(_ program: Program) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let weights = program.scoring
        if abs(weights.total - 100) > 1e-9 {
            found.append(Diagnostic(.programWeights, file: ContentPaths.programFile, at: weights.at ?? .start,
                                    "scoring weights sum to \(number(weights.total)), not 100"))
        }
        var seen: [Quarter: SourcePosition] = [:]
        for outcome in program.outcomes {
            if let first = seen[outcome.quarter.value] {
                found.append(Diagnostic(.programOutcomes, file: ContentPaths.programFile, at: outcome.quarter.at,
                                        "outcomes has \(outcome.quarter.value) twice; the first is at line \(first.line)"))
            } else {
                seen[outcome.quarter.value] = outcome.quarter.at
            }
        }
        return found
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

extension Rule {
    static let programWeights = Rule("program.weights")
    static let programOutcomes = Rule("program.outcomes")
}

extension ProgramRules {
    /// The rules this family checks, with their documentation.
    package static let rules: [RuleInfo] = [
        RuleInfo(.programWeights,
                 summary: "The scoring weights in program.yaml do not sum to 100.",
                 why: "The health score is out of 100; other weights would make it unreadable.",
                 fix: "Change the weights so they sum to 100.",
                 example: "scoring: { kpis: 50, gates: 20, commitment: 20, charter: 10, co_marketing: 10 }"),
        RuleInfo(.programOutcomes,
                 summary: "outcomes in program.yaml lists a quarter twice.",
                 why: "Two company revenues for one quarter make the partner revenue share ambiguous.",
                 fix: "Keep one entry per quarter.",
                 example: "outcomes:\n  - { quarter: 2026-Q3, revenue: 5050000 }\n  - { quarter: 2026-Q3, revenue: 5100000 }"),
    ]
}
