import PartnerbookModel
import PartnerbookSupport
/// Runs every rule family over the loaded content.
public enum Validator {
    public static let families: [any PartnerRules.Type] = [
        CharterRules.self, LegalRules.self, TimelineRules.self, CommitmentRules.self, LeverageRules.self, TierRules.self,
        GateRules.self, PhaseRules.self, CoMarketingRules.self, ReviewRules.self, KPIRules.self, OutcomeRules.self,
        BuildOrPartnerRules.self, SignatureRules.self, PublicRules.self,
    ]

    /// The rules that still apply once a partnership has ended: it is
    /// history, so only what makes its file unreadable or its numbers wrong.
    /// (The loader's `yaml.*`, `schema.*`, `content.*` and `partner.id` always apply.)
    /// Every rule the families check (the loader's findings are not among them).
    static let ruleIDs: Set<Rule> = Set(families.flatMap { $0.rules.map(\.rule) })

    static let endedRules: Set<Rule> = [.reviewUnknownMetric, .reviewDuplicateQuarter, .outcomesPeriod, .outcomesCurrency]

    /// Every rule family's findings for one partner (for an ended
    /// partnership, only those of `endedRules`).
    public static func check(_ partner: Partner, _ context: RuleContext) -> [Diagnostic] {
        var findings = Findings(partner)
        for family in families {
            family.check(partner, context, into: &findings)
        }
        guard partner.status?.value == .ended else { return findings.diagnostics }
        return findings.diagnostics.filter { endedRules.contains($0.rule) || !ruleIDs.contains($0.rule) }
    }
}
