import PartnerbookModel
import PartnerbookSupport
/// What the public directory may print: `public.no-summary`. A listed
/// partner's text comes only from its `public:` block, written for
/// customers; without a public summary the directory shows its name and
/// badges only, never the internal `summary`.
public enum PublicRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard partner.isListed(asOf: context.asOf), partner.publicProfile?.summary.isBlank ?? true else { return }
        let at = partner.publicProfile?.at ?? partner.listed?.at ?? .start
        findings.report(.publicNoSummary, at: at,
                        (partner.publicProfile == nil ? "listed in the public directory with no public: block"
                                                      : "listed in the public directory with no public.summary")
                            + ": it shows the name and badges only; write public.summary for customers (the internal summary is never published)")
    }
}

extension Rule {
    static let publicNoSummary = Rule("public.no-summary", .warning)
}

extension PublicRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.publicNoSummary,
                 summary: "A partner listed in the public directory has no public summary (no public: block, or one without summary).",
                 why: "The summary in a partner file is ours (our reading of the partner); customers read only what was written for them, and approved by the partner.",
                 fix: "Write public.summary (and offering, category, regions, website, contact), and record public.approved with the day the partner approved it.",
                 example: "listed: true\nstatus: run\n# no public: block"),
    ]
}
