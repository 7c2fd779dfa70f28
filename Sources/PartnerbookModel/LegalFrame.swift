/// Who a party is in law: its registered name and address (`legal:` in
/// program.yaml for us, in a partner file for the partner). Part of the
/// signed text when written.
public struct LegalParty: Sendable, Equatable {
    public var at: SourcePosition
    public var entity: Located<String>?
    public var address: Located<String>?

    public init(at: SourcePosition, entity: Located<String>? = nil, address: Located<String>? = nil) {
        self.at = at
        self.entity = entity
        self.address = address
    }
}

/// Our side of every charter, as program.yaml gives it: the company, its
/// legal entity and address, and the statement printed above the signatures
/// (whether the charter binds). All of it is part of what each signature
/// covers; what is not written leaves the signed text as it was.
public struct OurSide: Sendable, Equatable, Hashable {
    public var company: String?
    public var entity: String?
    public var address: String?
    public var statement: String?

    public init(company: String?, entity: String? = nil, address: String? = nil, statement: String? = nil) {
        self.company = company
        self.entity = entity
        self.address = address
        self.statement = statement
    }
}

/// One section a charter adds after the five (confidentiality, territory,
/// responsibilities): a title and Markdown text, both signed.
public struct CharterSection: Sendable, Equatable {
    public var at: SourcePosition
    public var title: Located<String>?
    public var text: Located<String>?

    public init(at: SourcePosition, title: Located<String>? = nil, text: Located<String>? = nil) {
        self.at = at
        self.title = title
        self.text = text
    }
}

/// Who signs for each side (`signatories:`); when a side has none, its
/// executive sponsor is named in the signature block.
public struct Signatories: Sendable {
    public var at: SourcePosition
    public var us: Contact?
    public var partner: Contact?

    public subscript(party: Party) -> Contact? { party == .us ? us : partner }

    public init(at: SourcePosition, us: Contact? = nil, partner: Contact? = nil) {
        self.at = at
        self.us = us
        self.partner = partner
    }
}

/// What the public directory may say about a partner: written for
/// customers, the only source of a listing's text besides the name and the
/// partner's summary (`public:` in a partner file).
public struct PublicProfile: Sendable {
    public var at: SourcePosition
    public var summary: Located<String>?
    public var offering: [Located<String>] = []
    public var category: Located<String>?
    public var regions: [Located<String>] = []
    public var website: Located<String>?
    public var contact: Located<String>?

    public init(at: SourcePosition, summary: Located<String>? = nil, offering: [Located<String>] = [], category: Located<String>? = nil,
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
public enum Paper: String, CaseIterable, Sendable {
    case a4, letter

    /// CSS `@page` size.
    public var css: String { self == .a4 ? "A4" : "letter" }
}

/// How the directory is kept (`ecosystem.model`), and the ecosystem-control tree's inputs.
public enum EcosystemModel: String, CaseIterable, Sendable {
    case curated, open
}

public enum BrandRisk: String, CaseIterable, Sendable {
    case high, low
}

public enum ReviewCapacity: String, CaseIterable, Sendable {
    case dozens, thousands
}

/// program.yaml `ecosystem:`: the model the program runs, and the tree's inputs.
public struct EcosystemSettings: Sendable {
    public var at: SourcePosition
    public var model: Located<EcosystemModel>?
    public var brandRisk: Located<BrandRisk>?
    public var reviewCapacity: Located<ReviewCapacity>?

    public init(at: SourcePosition, model: Located<EcosystemModel>? = nil, brandRisk: Located<BrandRisk>? = nil,
                 reviewCapacity: Located<ReviewCapacity>? = nil) {
        self.at = at
        self.model = model
        self.brandRisk = brandRisk
        self.reviewCapacity = reviewCapacity
    }
}
