import PartnerbookModel
import PartnerbookSupport
/// Whether each signature entry is bound to the person who may give it: an
/// entry's `email` must be its party's signatory's email (`signatories:`),
/// and no email (an SSH principal) and no SSH key may sign for both
/// parties. Copying our signatory's SSH entry under `party: partner` with
/// the partner's name fails here, though OpenSSH verifies the signature:
/// the key is allowed for our email, not for theirs.
public enum SignerBinding {
    /// The entry's index in `signatures`, where to point, and what is wrong.
    public struct Problem: Sendable, Equatable {
        public var index: Int
        public var at: SourcePosition
        public var message: String
    }

    public static func problems(_ partner: Partner) -> [Problem] {
        let signatures = partner.signatures?.items ?? []
        var problems: [Problem] = []
        var emails: [String: Set<Party>] = [:]
        var keys: [String: Set<Party>] = [:]
        for signature in signatures {
            guard let party = signature.party?.value else { continue }
            if let email = signature.email?.value { emails[normalized(email), default: []].insert(party) }
            if let key = signature.ssh?.key?.value { keys[Trim.whitespace(key), default: []].insert(party) }
        }
        for (index, signature) in signatures.enumerated() {
            guard let party = signature.party?.value else { continue }
            let side = party == .us ? "us" : "the partner"
            let who = signature.name?.value ?? "someone"
            if let email = signature.email {
                let expected = partner.signatories?[party]?.email?.value
                if emails[normalized(email.value)]?.count == 2 {
                    problems.append(Problem(index: index, at: email.at,
                                            message: "\(email.value) signs for both parties; one person cannot sign for both companies"))
                } else if let expected, normalized(expected) != normalized(email.value) {
                    problems.append(Problem(index: index, at: email.at,
                                            message: "the signature of \(who) for \(side) carries \(email.value), but the signatory for \(side) is \(expected) (signatories.\(party.rawValue).email)"))
                } else if expected == nil {
                    problems.append(Problem(index: index, at: email.at,
                                            message: "the signature of \(who) for \(side) carries \(email.value), but signatories.\(party.rawValue) names no email to bind it to; add who signs for \(side)"))
                }
            }
            if let key = signature.ssh?.key, keys[Trim.whitespace(key.value)]?.count == 2 {
                problems.append(Problem(index: index, at: key.at,
                                        message: "key \(Trim.whitespace(key.value)) signs for both parties; each company signs with its own key"))
            }
        }
        return problems
    }

    /// Emails compare without case and surrounding white space.
    public static func normalized(_ email: String) -> String {
        Trim.whitespace(email).lowercased()
    }
}
