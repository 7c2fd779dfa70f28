/// The tier against the tier decision tree: `tier.mismatch`.
enum TierRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let tier = partner.tier, let decision = TierDecision.decide(partner.profile),
              decision.tier != tier.value else { return }
        findings.report(.tierMismatch, at: tier.at,
                        "tier is \(tier.value.rawValue) but the tier decision gives \(decision.tier.rawValue): \(decision.reason)")
    }
}
