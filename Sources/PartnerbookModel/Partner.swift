/// One partner file, `Content/partners/ID.yaml`. Every section is optional in
/// the model so that a half-written file still loads; the rules say what is missing.
public struct Partner: Sendable {
    /// The file name without `.yaml`.
    public var id: String
    /// Path relative to the content folder, e.g. `partners/acme.yaml`.
    public var file: String

    public var name: Located<String>?
    public var tier: Located<Tier>?
    public var status: Located<Status>?
    public var summary: Located<String>?
    public var profile: Profile?
    public var contacts: Contacts?
    public var leverage: Leverage?
    public var commitments: Commitments?
    public var charter: Charter?
    public var phases: Phases?
    public var coMarketing: CoMarketing?
    public var reviews: Reviews?
    public var signatures: Signatures?
    /// The date the partnership ended (status `ended`); it stops counting toward program outcomes from then.
    public var ended: Located<Day>?
    /// Inputs of the "should we build or partner?" tree.
    public var decision: BuildOrPartnerInputs?
    /// Shown in the public partner directory (in walk or run only); default false.
    public var listed: Located<Bool>?
    /// Other names the partner goes by in CRM and finance exports (`record`).
    public var aliases: [Located<String>] = []
    /// The partner's legal entity and address (`legal:`), part of the signed text.
    public var legal: LegalParty?
    /// Who signs for each side; default the executive sponsors.
    public var signatories: Signatories?
    /// What the public directory may say (`public:`).
    public var publicProfile: PublicProfile?
    /// The printed page of this partner's charter and packets (`paper:`); else `site.paper`.
    public var paper: Located<Paper>?

    public init(id: String, file: String) {
        self.id = id
        self.file = file
    }

    /// The partner's display name, falling back to its ID.
    public var displayName: String { name?.value ?? id }

    /// Shown in the public directory on `asOf`: `listed: true`, and in walk
    /// or run, or ended with an `ended` date still ahead (listed until that day).
    public func isListed(asOf: Day) -> Bool {
        guard listed?.value == true else { return false }
        switch status?.value {
        case .walk?, .run?: return true
        case .ended?: return ended.map { $0.value > asOf } ?? false
        default: return false
        }
    }

    /// Whether the charter names the agreement it sits under (`charter.agreement`, not blank).
    public var namesAgreement: Bool {
        guard let agreement = charter?.agreement?.value else { return false }
        return !agreement.allSatisfy(\.isWhitespace)
    }
}

/// Inputs of the tier decision tree.
public struct Profile: Sendable {
    public var at: SourcePosition
    /// Can build on our public API by itself.
    public var engineeringResources: Located<Bool>?
    /// A logo that shifts our positioning.
    public var marquee: Located<Bool>?

    public init(at: SourcePosition, engineeringResources: Located<Bool>? = nil, marquee: Located<Bool>? = nil) {
        self.at = at
        self.engineeringResources = engineeringResources
        self.marquee = marquee
    }
}

public struct Contact: Sendable {
    public var at: SourcePosition
    public var name: Located<String>?
    public var title: Located<String>?
    public var email: Located<String>?

    public init(at: SourcePosition, name: Located<String>? = nil, title: Located<String>? = nil, email: Located<String>? = nil) {
        self.at = at
        self.name = name
        self.title = title
        self.email = email
    }
}

public struct Contacts: Sendable {
    public var at: SourcePosition
    public var us: Contact?
    public var partner: Contact?
    public var sponsors: PartyPair<Located<String>>?

    public init(at: SourcePosition, us: Contact? = nil, partner: Contact? = nil, sponsors: PartyPair<Located<String>>? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
        self.sponsors = sponsors
    }
}

/// A value for each side, as in `{ us: ..., partner: ... }`.
public struct PartyPair<Value: Sendable>: Sendable {
    public var at: SourcePosition
    public var us: Value?
    public var partner: Value?

    public subscript(party: Party) -> Value? {
        party == .us ? us : partner
    }

    public init(at: SourcePosition, us: Value? = nil, partner: Value? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
    }
}

public struct Leverage: Sendable {
    public var at: SourcePosition
    public var type: Located<LeverageType>?
    public var evidence: Located<String>?

    public init(at: SourcePosition, type: Located<LeverageType>? = nil, evidence: Located<String>? = nil) {
        self.at = at
        self.type = type
        self.evidence = evidence
    }
}

/// Inputs of the playbook's "should we build or partner?" tree.
public struct BuildOrPartnerInputs: Sendable {
    public var at: SourcePosition
    /// Is the capability core to our product differentiation?
    public var coreToDifferentiation: Located<Bool>?
    /// How many months building it ourselves would delay our roadmap.
    public var roadmapDelayMonths: Located<Double>?
    /// Is there a credible partner who needs us too?
    public var partnerNeedsUs: Located<Bool>?

    public init(at: SourcePosition, coreToDifferentiation: Located<Bool>? = nil, roadmapDelayMonths: Located<Double>? = nil, partnerNeedsUs: Located<Bool>? = nil) {
        self.at = at
        self.coreToDifferentiation = coreToDifferentiation
        self.roadmapDelayMonths = roadmapDelayMonths
        self.partnerNeedsUs = partnerNeedsUs
    }
}

/// Economic skin in the game, and what each side loses if the partnership fails.
public struct Commitments: Sendable {
    public var at: SourcePosition
    public var us: [Located<String>] = []
    public var partner: [Located<String>] = []
    public var ifItFails: PartyPair<Located<String>>?

    public subscript(party: Party) -> [Located<String>] {
        party == .us ? us : partner
    }

    public init(at: SourcePosition, us: [Located<String>] = [], partner: [Located<String>] = [], ifItFails: PartyPair<Located<String>>? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
        self.ifItFails = ifItFails
    }
}
