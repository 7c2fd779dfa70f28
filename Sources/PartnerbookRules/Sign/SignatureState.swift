import PartnerbookModel
import PartnerbookSupport
/// Where each party's signature stands against the current charter.
///
/// A party's effective signature is its last one in the file; earlier ones
/// are history, superseded when the party signed again. A signature is
/// judged against the charter's fingerprint in the canonical form it was
/// made over: an entry without `canonical:` against form 1, which the notice
/// `signature.old-form` asks to sign again over form 2.
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

    /// The charter's fingerprint over form 2: the one printed, and the one every new signature carries.
    public var fingerprint: String { formTwoFingerprint ?? Fingerprint.of(charter.partner, frame: charter.frame, form: .two) }
    /// Over form 1, when an entry was made over it (nil otherwise).
    public var formOneFingerprint: String?
    public var parties: [PartySignature]
    /// Over form 2, as computed when the state was made (see `init`).
    private let formTwoFingerprint: String?
    /// What a fingerprint not computed then is computed from.
    private let charter: (partner: Partner, frame: CharterFrame)

    /// Where each party's signature stands. The fingerprint over form 2 is
    /// computed here when a signature is judged against it or when
    /// `printed`: a document prints it. Otherwise (`check` of a partner no
    /// one has signed: nothing reads it) it is computed only if asked for.
    /// Hashing the canonical form of every unsigned charter was some 3% of
    /// a cold `check`.
    public init(_ partner: Partner, frame: CharterFrame, printed: Bool = true) {
        let signatures = partner.signatures?.items ?? []
        charter = (partner, frame)
        let two = printed || signatures.contains { $0.form == .two } ? Fingerprint.of(partner, frame: frame, form: .two) : nil
        formTwoFingerprint = two
        formOneFingerprint = signatures.contains { $0.form == .one } ? Fingerprint.of(partner, frame: frame, form: .one) : nil
        let current = (two: two, one: formOneFingerprint)
        parties = Party.allCases.map { party in
            guard let last = signatures.last(where: { $0.party?.value == party }) else {
                return PartySignature(party: party, standing: .missing, signature: nil)
            }
            let fingerprint = last.form == .two ? current.two : current.one
            let standing: Standing = last.fingerprint?.value == fingerprint ? .valid : .stale
            return PartySignature(party: party, standing: standing, signature: last)
        }
    }

    public subscript(party: Party) -> PartySignature { parties.first { $0.party == party }! }

    /// The current charter's fingerprint over `form`.
    public func fingerprint(_ form: CanonicalVersion) -> String? {
        form == .two ? fingerprint : formOneFingerprint
    }

    /// Whether `signature` carries the current charter's fingerprint in its form.
    public func covers(_ signature: Signature) -> Bool {
        guard let signed = signature.fingerprint?.value else { return false }
        return signed == fingerprint(signature.form)
    }

    /// Both parties have a valid signature: the charter is no longer a draft.
    public var isFullySigned: Bool { parties.allSatisfy { $0.standing == .valid } }
}
