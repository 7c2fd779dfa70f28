import PartnerbookModel
import PartnerbookSupport
/// The co-marketing checklist: `comarketing.launch-before-ready`.
public enum CoMarketingRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let coMarketing = partner.coMarketing,
              let firstDone = coMarketing.launch?.items.first(where: { $0.state.value == .done }) else { return }
        let pending = (coMarketing.preLaunch?.items ?? []).filter { $0.state.value == .pending }.map(\.name)
        guard !pending.isEmpty else { return }
        findings.report(.comarketingLaunchBeforeReady, at: firstDone.at,
                        "launch item \(firstDone.name) is done while pre-launch items are pending: " + pending.joined(separator: ", "))
    }
}

extension Rule {
    static let comarketingLaunchBeforeReady = Rule("comarketing.launch-before-ready", .warning)
}

extension CoMarketingRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.comarketingLaunchBeforeReady,
                 summary: "A launch item is done while a pre-launch item is pending.",
                 why: "Launching before the case study, enablement or support is ready spends the launch on a partnership customers cannot use yet.",
                 fix: "Finish the pre-launch items first, or mark them n/a when they do not apply.",
                 example: "co_marketing:\n  pre_launch: { case_study: pending }\n  launch: { press_release: done }"),
    ]
}
