import PartnerbookModel
import PartnerbookSupport
/// Program-wide settings: `program.weights`, `program.outcomes`, `program.gatekeeping`.
public enum ProgramRules {
    /// - Parameter partnerCount: partner files in the program, for `program.gatekeeping`.
    public static func check(_ program: Program, partnerCount: Int = 0) -> [Diagnostic] {
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
        if let problem = EcosystemControl.gatekeepingProblem(program.ecosystem, partnerCount: partnerCount) {
            found.append(Diagnostic(.programGatekeeping, file: ContentPaths.programFile,
                                    at: program.ecosystem?.model?.at ?? program.ecosystem?.at ?? .start, problem))
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
    static let programGatekeeping = Rule("program.gatekeeping", .warning)
}

extension ProgramRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
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
        RuleInfo(.programGatekeeping,
                 summary: "The directory is curated (ecosystem.model: curated) with more than 100 partners, or where the ecosystem-control tree says open.",
                 why: "A curated directory works with a few dozen partners. Past 100, every listing waiting on a review makes us the bottleneck and slows the partners we want; where brand risk is low and review cannot scale, the playbook lists anyone and lets trust signals surface quality.",
                 fix: "Set ecosystem.model: open and rely on the earned badges (signed charter, gates passed, reviewed on time), or, if a bad listing would hurt the brand, say so with brand_risk: high.",
                 example: "ecosystem: { model: curated, brand_risk: low, review_capacity: thousands }"),
    ]
}
