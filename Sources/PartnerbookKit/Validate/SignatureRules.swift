/// Signatures against the current charter: `signature.stale`, `signature.missing`.
enum SignatureRules: PartnerRules {
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let state = SignatureState(partner, company: context.program.company?.value)
        let live = partner.status?.value.isCommitted == true
        for entry in state.parties {
            let side = entry.party == .us ? "us" : "the partner"
            switch entry.standing {
            case .valid:
                continue
            case .stale:
                let signature = entry.signature!
                let who = signature.name?.value ?? "someone"
                let when = signature.date.map { " on \($0.value)" } ?? ""
                findings.report(.signatureStale, at: signature.fingerprint?.at ?? signature.at,
                                "the signature of \(who) for \(side)\(when) covers a different charter: the charter changed after signing (current \(state.fingerprint)); sign again")
            case .missing:
                findings.report(.signatureMissing, at: partner.signatures?.at ?? .start,
                                "the charter has no signature for \(side)" + (live ? " (required in \(partner.status!.value.rawValue))" : ""),
                                severity: live ? .error : .warning)
            }
        }
    }
}
