/// Why the partner needs us: `leverage.missing`, `leverage.weak`.
enum LeverageRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
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
