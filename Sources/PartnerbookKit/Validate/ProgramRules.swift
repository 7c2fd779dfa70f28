/// Program-wide settings: `program.weights`, `program.outcomes`.
enum ProgramRules {
    static func check(_ program: Program) -> [Diagnostic] {
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
