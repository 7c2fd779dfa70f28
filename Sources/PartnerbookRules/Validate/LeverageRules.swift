import PartnerbookModel
import PartnerbookSupport
/// Why the partner needs us: `leverage.missing`, `leverage.weak`.
public enum LeverageRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let type = partner.leverage?.type else {
            findings.report(.leverageMissing, at: partner.leverage?.at ?? .start,
                            "no leverage type: ask what happens to the partner if this partnership does not happen")
            return
        }
        if type.value == .coMarketing {
            findings.report(.leverageWeak, at: type.at,
                            "co-marketing is the only leverage: it rarely closes deals; find requirement, economic, competitive or customer leverage, or walk away")
        }
    }
}

extension Rule {
    static let leverageMissing = Rule("leverage.missing", .warning)
    static let leverageWeak = Rule("leverage.weak", .warning)
}

extension LeverageRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.leverageMissing,
                 summary: "No leverage type is written.",
                 why: "Leverage is why the partner needs us; without it there is no reason to expect effort from them.",
                 fix: "Ask what happens to the partner if this partnership does not happen, and write the leverage type and its evidence.",
                 example: "leverage: {}"),
        RuleInfo(.leverageWeak,
                 summary: "Co-marketing is the only leverage.",
                 why: "Co-marketing rarely closes deals; the playbook calls partnerships built on it theatre.",
                 fix: "Find requirement, economic, competitive or customer leverage, or walk away.",
                 example: "leverage: { type: co-marketing }"),
    ]
}
