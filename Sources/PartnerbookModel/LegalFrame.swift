/// Who a party is in law: its registered name and address (`legal:` in
/// program.yaml for us, in a partner file for the partner). Part of the
/// signed text when written.
package struct LegalParty: Sendable, Equatable {
    package var at: SourcePosition
    package var entity: Located<String>?
    package var address: Located<String>?

    package init(at: SourcePosition, entity: Located<String>? = nil, address: Located<String>? = nil) {
        self.at = at
        self.entity = entity
        self.address = address
    }
}

/// Our side of every charter, as program.yaml gives it: the company, its
/// legal entity and address, and the statement printed above the signatures
/// (whether the charter binds). All of it is part of what each signature
/// covers; what is not written leaves the signed text as it was.
package struct OurSide: Sendable, Equatable, Hashable {
    package var company: String?
    package var entity: String?
    package var address: String?
    package var statement: String?

    package init(company: String?, entity: String? = nil, address: String? = nil, statement: String? = nil) {
        self.company = company
        self.entity = entity
        self.address = address
        self.statement = statement
    }
}

/// One section a charter adds after the five (confidentiality, territory,
/// responsibilities): a title and Markdown text, both signed.
package struct CharterSection: Sendable, Equatable {
    package var at: SourcePosition
    package var title: Located<String>?
    package var text: Located<String>?

    package init(at: SourcePosition, title: Located<String>? = nil, text: Located<String>? = nil) {
        self.at = at
        self.title = title
        self.text = text
    }
}

/// Who signs for each side (`signatories:`); when a side has none, its
/// executive sponsor is named in the signature block.
package struct Signatories: Sendable {
    package var at: SourcePosition
    package var us: Contact?
    package var partner: Contact?

    package subscript(party: Party) -> Contact? { party == .us ? us : partner }

    package init(at: SourcePosition, us: Contact? = nil, partner: Contact? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
    }
}

/// What the public directory may say about a partner: written for
/// customers, the only source of a listing's text besides the name and the
/// partner's summary (`public:` in a partner file).
package struct PublicProfile: Sendable {
    package var at: SourcePosition
    package var summary: Located<String>?
    package var offering: [Located<String>] = []
    package var category: Located<String>?
    package var regions: [Located<String>] = []
    package var website: Located<String>?
    package var contact: Located<String>?

    package init(at: SourcePosition, summary: Located<String>? = nil, offering: [Located<String>] = [], category: Located<String>? = nil,
                 regions: [Located<String>] = [], website: Located<String>? = nil, contact: Located<String>? = nil) {
        self.at = at
        self.summary = summary
        self.offering = offering
        self.category = category
        self.regions = regions
        self.website = website
        self.contact = contact
    }
}

/// The printed page of charters and packets (`site.paper`).
package enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    /// CSS `@page` size.
    package var css: String { self == .a4 ? "A4" : "letter" }
}

/// How the directory is kept (`ecosystem.model`), and the ecosystem-control tree's inputs.
package enum EcosystemModel: String, CaseIterable, Sendable {
    case curated, open
}

package enum BrandRisk: String, CaseIterable, Sendable {
    case high, low
}

package enum ReviewCapacity: String, CaseIterable, Sendable {
    case dozens, thousands
}

/// program.yaml `ecosystem:`: the model the program runs, and the tree's inputs.
package struct EcosystemSettings: Sendable {
    package var at: SourcePosition
    package var model: Located<EcosystemModel>?
    package var brandRisk: Located<BrandRisk>?
    package var reviewCapacity: Located<ReviewCapacity>?

    package init(at: SourcePosition, model: Located<EcosystemModel>? = nil, brandRisk: Located<BrandRisk>? = nil,
                 reviewCapacity: Located<ReviewCapacity>? = nil) {
        self.at = at
        self.model = model
        self.brandRisk = brandRisk
        self.reviewCapacity = reviewCapacity
    }
}
