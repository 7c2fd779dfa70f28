import PartnerbookModel
import PartnerbookSupport
/// The "should we build or partner?" tree: `decision.build`.
public enum BuildOrPartnerRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard partner.status?.value != .ended, let tree = BuildOrPartner.decide(partner.decision), tree.verdict == .build else { return }
        findings.report(.decisionBuild, at: tree.decidedAt,
                        "the build-or-partner tree says build: \(tree.reason); a partnership here needs a reason the tree does not see, or should end")
    }
}

extension Rule {
    static let decisionBuild = Rule("decision.build", .warning)
}

extension BuildOrPartnerRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.decisionBuild,
                 summary: "The build-or-partner tree says build.",
                 why: "A capability core to our differentiation, or one no credible partner needs us for, is better built than partnered.",
                 fix: "Write down the reason the tree does not see, or end the partnership.",
                 example: "decision: { core_to_differentiation: true }"),
    ]
}
