/// Program-wide settings: `program.weights`.
enum ProgramRules {
    static func check(_ program: Program) -> [Diagnostic] {
        let weights = program.scoring
        guard abs(weights.total - 100) > 1e-9 else { return [] }
        return [Diagnostic(.programWeights, file: ContentLoader.programFile, at: weights.at ?? .start,
                           "scoring weights sum to \(number(weights.total)), not 100")]
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
