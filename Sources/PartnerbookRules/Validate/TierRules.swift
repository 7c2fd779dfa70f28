import PartnerbookModel
import PartnerbookSupport
/// The tier against the tier decision tree: `tier.mismatch`.
public enum TierRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let tier = partner.tier, let decision = TierDecision.decide(partner.profile),
              decision.tier != tier.value else { return }
        findings.report(.tierMismatch, at: tier.at,
                        "tier is \(tier.value.rawValue) but the tier decision gives \(decision.tier.rawValue): \(decision.reason)")
    }
}

extension Rule {
    static let tierMismatch = Rule("tier.mismatch", .warning)
}

extension TierRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.tierMismatch,
                 summary: "The tier differs from what the tier decision tree gives for the profile.",
                 why: "The tier sets how much we invest; a partner who can self-serve does not need Tier 3 co-development.",
                 fix: "Change the tier, or the profile if it is wrong.",
                 example: "tier: strategic\nprofile: { engineering_resources: true }"),
    ]
}
