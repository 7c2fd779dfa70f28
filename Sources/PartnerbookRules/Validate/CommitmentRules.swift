import PartnerbookModel
import PartnerbookSupport
/// Economic skin in the game: `commitment.handshake`, `commitment.no-downside`.
public enum CommitmentRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let commitments = partner.commitments
        let check = CommitmentCheck(commitments)
        if check.isHandshake {
            let sides = check.uncommitted.map { $0 == .us ? "us" : "the partner" }.joined(separator: " or ")
            let live = partner.status?.value.isCommitted == true
            findings.report(.commitmentHandshake, at: commitments?.at ?? .start,
                            "no economic commitment from \(sides): either side can walk away at no cost, so this is a handshake, not a partnership"
                                + (live ? " (not acceptable in \(partner.status!.value.rawValue))" : ""),
                            severity: live ? .error : .warning)
        }
        guard let commitments else { return }
        for party in check.noDownside {
            findings.report(.commitmentNoDownside, at: commitments.ifItFails?.at ?? commitments.at,
                            "commitments.if_it_fails does not say what \(party == .us ? "we" : "the partner") would lose if the partnership fails")
        }
    }
}

extension Rule {
    static let commitmentHandshake = Rule("commitment.handshake", .warning)
    static let commitmentNoDownside = Rule("commitment.no-downside", .warning)
}

extension CommitmentRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.commitmentHandshake, raised: "error in walk and run",
                 summary: "Either side has no economic commitment: a handshake, not a partnership.",
                 why: "Real partnerships need skin in the game on both sides; without it either side walks away at no cost.",
                 fix: "Write what each side commits: spend, revenue share, engineering time, a guarantee.",
                 example: "commitments:\n  us: [ Co-marketing content ]\n  partner: []"),
        RuleInfo(.commitmentNoDownside,
                 summary: "commitments.if_it_fails does not say what a side loses if the partnership fails.",
                 why: "A commitment is real when losing it hurts; writing the downside makes both sides say it.",
                 fix: "Say, for each side, what it loses if the partnership fails.",
                 example: "commitments:\n  if_it_fails: { us: Two engineer-years }"),
    ]
}
