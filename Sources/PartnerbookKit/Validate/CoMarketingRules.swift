/// The co-marketing checklist: `comarketing.launch-before-ready`.
enum CoMarketingRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let coMarketing = partner.coMarketing,
              let firstDone = coMarketing.launch?.items.first(where: { $0.state.value == .done }) else { return }
        let pending = (coMarketing.preLaunch?.items ?? []).filter { $0.state.value == .pending }.map(\.name)
        guard !pending.isEmpty else { return }
        findings.report(.comarketingLaunchBeforeReady, at: firstDone.at,
                        "launch item \(firstDone.name) is done while pre-launch items are pending: " + pending.joined(separator: ", "))
    }
}
