/// One partner file, `Content/partners/ID.yaml`. Every section is optional in
/// the model so that a half-written file still loads; the rules say what is missing.
package struct Partner: Sendable {
    /// The file name without `.yaml`.
    package var id: String
    /// Path relative to the content folder, e.g. `partners/acme.yaml`.
    package var file: String

    package var name: Located<String>?
    package var tier: Located<Tier>?
    package var status: Located<Status>?
    package var summary: Located<String>?
    package var profile: Profile?
    package var contacts: Contacts?
    package var leverage: Leverage?
    package var commitments: Commitments?
    package var charter: Charter?
    package var phases: Phases?
    package var coMarketing: CoMarketing?
    package var reviews: Reviews?
    package var signatures: Signatures?
    /// The date the partnership ended (status `ended`); it stops counting toward program outcomes from then.
    package var ended: Located<Day>?
    /// Inputs of the "should we build or partner?" tree.
    package var decision: BuildOrPartnerInputs?
    /// Shown in the public partner directory (in walk or run only); default false.
    package var listed: Located<Bool>?
    /// Other names the partner goes by in CRM and finance exports (`record`).
    package var aliases: [Located<String>] = []
    /// The partner's legal entity and address (`legal:`), part of the signed text.
    package var legal: LegalParty?
    /// Who signs for each side; default the executive sponsors.
    package var signatories: Signatories?
    /// What the public directory may say (`public:`).
    package var publicProfile: PublicProfile?

    package init(id: String, file: String) {
        self.id = id
        self.file = file
    }

    /// The partner's display name, falling back to its ID.
    package var displayName: String { name?.value ?? id }
}

/// Inputs of the tier decision tree.
package struct Profile: Sendable {
    package var at: SourcePosition
    /// Can build on our public API by itself.
    package var engineeringResources: Located<Bool>?
    /// A logo that shifts our positioning.
    package var marquee: Located<Bool>?

    package init(at: SourcePosition, engineeringResources: Located<Bool>? = nil, marquee: Located<Bool>? = nil) {
        self.at = at
        self.engineeringResources = engineeringResources
        self.marquee = marquee
    }
}

package struct Contact: Sendable {
    package var at: SourcePosition
    package var name: Located<String>?
    package var title: Located<String>?
    package var email: Located<String>?

    package init(at: SourcePosition, name: Located<String>? = nil, title: Located<String>? = nil, email: Located<String>? = nil) {
        self.at = at
        self.name = name
        self.title = title
        self.email = email
    }
}

package struct Contacts: Sendable {
    package var at: SourcePosition
    package var us: Contact?
    package var partner: Contact?
    package var sponsors: PartyPair<Located<String>>?

    package init(at: SourcePosition, us: Contact? = nil, partner: Contact? = nil, sponsors: PartyPair<Located<String>>? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
        self.sponsors = sponsors
    }
}

/// A value for each side, as in `{ us: ..., partner: ... }`.
package struct PartyPair<Value: Sendable>: Sendable {
    package var at: SourcePosition
    package var us: Value?
    package var partner: Value?

    package subscript(party: Party) -> Value? {
        party == .us ? us : partner
    }

    package init(at: SourcePosition, us: Value? = nil, partner: Value? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
    }
}

package struct Leverage: Sendable {
    package var at: SourcePosition
    package var type: Located<LeverageType>?
    package var evidence: Located<String>?

    package init(at: SourcePosition, type: Located<LeverageType>? = nil, evidence: Located<String>? = nil) {
        self.at = at
        self.type = type
        self.evidence = evidence
    }
}

/// Inputs of the playbook's "should we build or partner?" tree.
package struct BuildOrPartnerInputs: Sendable {
    package var at: SourcePosition
    /// Is the capability core to our product differentiation?
    package var coreToDifferentiation: Located<Bool>?
    /// How many months building it ourselves would delay our roadmap.
    package var roadmapDelayMonths: Located<Double>?
    /// Is there a credible partner who needs us too?
    package var partnerNeedsUs: Located<Bool>?

    package init(at: SourcePosition, coreToDifferentiation: Located<Bool>? = nil, roadmapDelayMonths: Located<Double>? = nil, partnerNeedsUs: Located<Bool>? = nil) {
        self.at = at
        self.coreToDifferentiation = coreToDifferentiation
        self.roadmapDelayMonths = roadmapDelayMonths
        self.partnerNeedsUs = partnerNeedsUs
    }
}

/// Economic skin in the game, and what each side loses if the partnership fails.
package struct Commitments: Sendable {
    package var at: SourcePosition
    package var us: [Located<String>] = []
    package var partner: [Located<String>] = []
    package var ifItFails: PartyPair<Located<String>>?

    package subscript(party: Party) -> [Located<String>] {
        party == .us ? us : partner
    }

    package init(at: SourcePosition, us: [Located<String>] = [], partner: [Located<String>] = [], ifItFails: PartyPair<Located<String>>? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
        self.ifItFails = ifItFails
    }
}
