import PartnerbookModel
import PartnerbookSupport
/// Signatures against the current charter: `signature.stale`,
/// `signature.missing`, `signature.unverified` for an SSH signature
/// OpenSSH does not verify, `signature.signer` for an entry not bound to its
/// party's signatory, and `signature.old-form` for one made over form 1.
public enum SignatureRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        for problem in SignerBinding.problems(partner) {
            findings.report(.signatureSigner, at: problem.at, problem.message)
        }
        if let verifications = context.sshVerifications {
            for (index, signature) in (partner.signatures?.items ?? []).enumerated() {
                guard let ssh = signature.ssh, case .failed(let reason)? = verifications[index] else { continue }
                let who = signature.name?.value ?? "someone"
                let side = signature.party?.value == .partner ? "the partner" : "us"
                findings.report(.signatureUnverified, at: ssh.signature?.at ?? ssh.at,
                                "the SSH signature of \(who) for \(side) does not verify for \(signature.fingerprint?.value ?? "its fingerprint"): \(reason)")
            }
        }
        let state = context.signatures ?? SignatureState(partner, frame: context.frame)
        let live = partner.status?.value.isCommitted == true
        for entry in state.parties {
            let side = entry.party == .us ? "us" : "the partner"
            switch entry.standing {
            case .valid:
                if let signature = entry.signature, signature.form == .one {
                    let who = signature.name?.value ?? "someone"
                    findings.report(.signatureOldForm, at: signature.fingerprint?.at ?? signature.at,
                                    "the signature of \(who) for \(side) was made over canonical form 1, which does not cover the gates and the wording: sign again to cover them (partnerbook sign \(partner.id) --party \(entry.party.rawValue))")
                }
            case .stale:
                let signature = entry.signature!
                let who = signature.name?.value ?? "someone"
                let when = signature.date.map { " on \($0.value)" } ?? ""
                findings.report(.signatureStale, at: signature.fingerprint?.at ?? signature.at,
                                "the signature of \(who) for \(side)\(when) covers an earlier charter: "
                                    + changed(since: signature, of: partner, context) + "; build the amended charter and sign again")
            case .missing:
                findings.report(.signatureMissing, at: partner.signatures?.at ?? .start,
                                "the charter has no signature for \(side)" + (live ? " (required in \(partner.status!.value.rawValue))" : ""),
                                severity: live ? .error : .warning)
            }
        }
    }

    /// How many changes a diagnostic spells out; `partnerbook changes ID` lists them all.
    static let changesInMessage = 3

    /// "since then, charter.goals.us changed from "A" to "B"; …", or why that cannot be said.
    static func changed(since signature: Signature, of partner: Partner, _ context: RuleContext) -> String {
        guard let texts = context.signedTexts else { return "the charter changed after signing (its history was not searched)" }
        let (diff, commit, _, note) = texts.changes(since: signature, of: partner, frame: context.frame)
        guard let diff else { return "the charter changed after signing; what changed cannot be shown: \(note ?? "unknown")" }
        let shown = diff.changes.prefix(changesInMessage).map(describe)
        let more = diff.changes.count - shown.count
        return "since the signed text (commit \(commit.map { String($0.prefix(7)) } ?? "?")), " + shown.joined(separator: "; ")
            + (more > 0 ? "; and \(more) more (partnerbook changes \(partner.id))" : "")
    }

    static func describe(_ change: CharterDiff.Change) -> String {
        switch (change.old, change.new) {
        case let (old?, new?): return "\(change.path) changed from \(excerpt(old)) to \(excerpt(new))"
        case let (nil, new?): return "\(change.path) was added: \(excerpt(new))"
        case let (old?, nil): return "\(change.path) was removed (was \(excerpt(old)))"
        default: return change.path
        }
    }

    /// Quoted text, shortened for a one-line message.
    static func excerpt(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return "\"" + (line.count > 120 ? line.prefix(119) + "…" : line) + "\""
    }
}

extension Rule {
    static let signatureStale = Rule("signature.stale", .warning)
    static let signatureMissing = Rule("signature.missing", .warning)
    static let signatureUnverified = Rule("signature.unverified", .error)
    static let signatureSigner = Rule("signature.signer", .error)
    static let signatureOldForm = Rule("signature.old-form", .notice)
}

extension SignatureRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.signatureStale,
                 summary: "A party's latest signature carries another fingerprint than the current charter's; the message names what changed, field by field, from git history.",
                 why: "A signature covers the text that was signed; an amended charter must be signed again (--strict makes CI gate it).",
                 fix: "Build the amended charter, review the changes with the partner, and sign again.",
                 example: "signatures:\n  - { party: us, fingerprint: \"sha256:(the charter before its last edit)\" }"),
        RuleInfo(.signatureMissing, raised: "error in walk and run",
                 summary: "The charter has no signature of one party.",
                 why: "A charter both sides have not signed is a draft; in walk and run the partnership is live without one.",
                 fix: "Build the charter, have it signed, and record it with partnerbook sign.",
                 example: "signatures: []"),
        RuleInfo(.signatureUnverified,
                 summary: "An SSH signature does not verify with OpenSSH (ssh-keygen -Y verify, namespace partnerbook-charter) for the fingerprint it carries, or its key is not in allowed_signers for its email.",
                 why: "A signature that does not verify proves nothing, and one that says it does would be a false claim in the charter: the text was changed after signing, the stored signature was altered, or the key is not the one the signer's email is allowed to use.",
                 fix: "Run partnerbook verify ID for the details; add the signer's public key to Content/allowed_signers under their email, or have the charter signed again (partnerbook canonical ID, then ssh-keygen -Y sign).",
                 example: "signatures:\n  - { party: partner, email: helen@acme.example, fingerprint: \"sha256:…\", ssh: { key: \"SHA256:…\", signature: \"(made over another text)\" } }"),
        RuleInfo(.signatureSigner,
                 summary: "A signature's email is not its party's signatory's email (signatories.us.email or signatories.partner.email), or one email or one SSH key signs for both parties.",
                 why: "A signature binds a person as well as a text: an entry copied from our signatory and relabelled as the partner's would otherwise read as the partner's signature, verified with our key.",
                 fix: "Name who signs for each side under signatories, with their email, and have each of them sign with their own key; remove an entry that was copied or relabelled.",
                 example: "signatories:\n  partner: { name: Helen Brandt, email: helen.brandt@acme.example }\nsignatures:\n  - { party: partner, name: Helen Brandt, email: priya.nair@northwind.example, … }"),
        RuleInfo(.signatureOldForm,
                 summary: "A valid signature made over canonical form 1 (an entry without canonical: 2), which does not cover the gates, the summary, the signatories or the charter's wording.",
                 why: "What is signed should be what the charter shows; form 1 leaves out words the charter prints, so they could change under a signature that still reads as valid.",
                 fix: "Have the party sign again (partnerbook sign ID --party P ...): the new entry is made over form 2 and supersedes the old one, which stays in the file as history.",
                 example: "signatures:\n  - { party: us, name: Priya Nair, title: CRO, date: 2025-01-08, fingerprint: \"sha256:…\" }   # no canonical: 2"),
    ]
}
