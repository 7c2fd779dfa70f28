import PartnerbookModel
import PartnerbookSupport
/// What counsel needs before a charter can be signed as is:
/// `charter.legal-incomplete`. The partner's registered entity, the date
/// the charter takes effect and its term; without them the charter binds
/// no one in particular, from no date, for no time.
public enum LegalRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        guard let charter = partner.charter else { return }
        var missing: [String] = []
        if partner.legal?.entity.isBlank ?? true { missing.append("the partner's legal entity (legal.entity)") }
        if charter.effective == nil { missing.append("the date it takes effect (charter.effective)") }
        if charter.term.isBlank { missing.append("its term and renewal (charter.term)") }
        guard !missing.isEmpty else { return }
        let signed = !(partner.signatures?.items.isEmpty ?? true)
        let live = partner.status?.value.isCommitted == true
        let why = live ? " (required in \(partner.status!.value.rawValue))" : signed ? " (required once signed)" : ""
        findings.report(.charterLegalIncomplete, at: charter.at,
                        "the charter cannot be signed as is: it does not state "
                            + (missing.count > 1 ? missing.dropLast().joined(separator: ", ") + " or " + missing.last! : missing[0]) + why,
                        severity: live || signed ? .error : .warning)
    }
}

extension Rule {
    static let charterLegalIncomplete = Rule("charter.legal-incomplete", .warning)
}

extension LegalRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.charterLegalIncomplete,
                 summary: "The charter does not name the partner's legal entity, the date it takes effect or its term. A warning while the partnership is a prospect or in crawl and unsigned; an error in walk or run, or once anyone signed.",
                 why: "Counsel signs a document that says who is bound, from when and for how long. Without them the charter is a memo, and the commitments it states bind no one.",
                 fix: "Write the partner's registered name under legal.entity, and charter.effective and charter.term (and charter.agreement when it sits under one).",
                 example: "legal:\n  entity: Acme Cloud Inc.\ncharter:\n  effective: 2026-02-02\n  term: One year from the effective date, renewing each year unless either side gives 60 days' notice."),
    ]
}
