import PartnerbookModel
import PartnerbookSupport
/// Where each party's signature stands against the current charter.
///
/// A party's effective signature is its last one in the file; earlier ones
/// are history, superseded when the party signed again.
public struct SignatureState: Sendable {
    public enum Standing: Sendable, Equatable {
        /// Signed, and the charter has not changed since.
        case valid
        /// Signed, but the charter has changed since (or the fingerprint is garbled).
        case stale
        /// Never signed.
        case missing
    }

    public struct PartySignature: Sendable {
        public var party: Party
        public var standing: Standing
        /// The effective signature, if any.
        public var signature: Signature?
    }

    public var fingerprint: String
    public var parties: [PartySignature]

    public init(_ partner: Partner, us: OurSide) {
        let fingerprint = Fingerprint.of(partner, us: us)
        self.fingerprint = fingerprint
        let signatures = partner.signatures?.items ?? []
        parties = Party.allCases.map { party in
            guard let last = signatures.last(where: { $0.party?.value == party }) else {
                return PartySignature(party: party, standing: .missing, signature: nil)
            }
            let standing: Standing = last.fingerprint?.value == fingerprint ? .valid : .stale
            return PartySignature(party: party, standing: standing, signature: last)
        }
    }

    public subscript(party: Party) -> PartySignature { parties.first { $0.party == party }! }

    /// Both parties have a valid signature: the charter is no longer a draft.
    public var isFullySigned: Bool { parties.allSatisfy { $0.standing == .valid } }
}
