/// The "should we build or partner?" tree: `decision.build`.
enum BuildOrPartnerRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard partner.status?.value != .ended, let tree = BuildOrPartner.decide(partner.decision), tree.verdict == .build else { return }
        findings.report(.decisionBuild, at: tree.decidedAt,
                        "the build-or-partner tree says build: \(tree.reason); a partnership here needs a reason the tree does not see, or should end")
    }
}
