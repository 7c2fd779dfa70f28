/// Economic skin in the game: `commitment.handshake`, `commitment.no-downside`.
enum CommitmentRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
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
