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

/// program.yaml `legal:` beyond who we are: the terms every charter prints
/// under "Term and exit" and every signature over form 2 covers. Markdown.
public struct LegalTerms: Sendable, Equatable {
    /// Which law governs the charter (`governing_law`).
    public var governingLaw: Located<String>?
    /// Which courts hear a dispute (`courts`).
    public var courts: Located<String>?
    /// How and to whom notice is given (`notices`).
    public var notices: Located<String>?
    /// On exit: the notice period, what survives, what stays owed (`termination`).
    public var termination: Located<String>?

    public init(governingLaw: Located<String>? = nil, courts: Located<String>? = nil, notices: Located<String>? = nil,
                termination: Located<String>? = nil) {
        self.governingLaw = governingLaw
        self.courts = courts
        self.notices = notices
        self.termination = termination
    }

    /// The texts, without their positions.
    public var text: Text {
        Text(governingLaw: governingLaw?.value, courts: courts?.value, notices: notices?.value, termination: termination?.value)
    }

    /// The same terms as plain text, as a charter frame carries them.
    public struct Text: Sendable, Equatable, Hashable {
        public var governingLaw: String?
        public var courts: String?
        public var notices: String?
        public var termination: String?

        public init(governingLaw: String? = nil, courts: String? = nil, notices: String? = nil, termination: String? = nil) {
            self.governingLaw = governingLaw
            self.courts = courts
            self.notices = notices
            self.termination = termination
        }

        /// Each term by its program.yaml key, in the order the charter prints them.
        public var all: [(key: String, value: String?)] {
            [("governing_law", governingLaw), ("courts", courts), ("notices", notices), ("termination", termination)]
        }
    }
}

/// What every charter of the program shares, and every signature over
/// canonical form 2 covers with the partner's own terms: our company, its
/// legal entity and address, the statement printed above the signatures
/// (whether the charter binds), the go/no-go thresholds the timeline prints,
/// and the identity of the charter's wording (the SHA-256 of the charter
/// template used). Form 1 covers the company and the legal frame only.
public struct CharterFrame: Sendable, Equatable, Hashable {
    public var company: String?
    public var entity: String?
    public var address: String?
    /// program.yaml's `legal.statement`, when it writes one.
    public var statement: String?
    /// Governing law, courts, notices and termination, when written.
    public var terms: LegalTerms.Text
    /// `gates.crawl_min_improvement` and `gates.walk_min_adoption`, in percent.
    public var crawlMinImprovement: Double
    public var walkMinAdoption: Double
    /// `sha256:` and the SHA-256 of the charter template's bytes (built in or
    /// a person's), or empty where no template is in play (tests of the rules).
    public var template: String

    public init(company: String?, entity: String? = nil, address: String? = nil, statement: String? = nil,
                terms: LegalTerms.Text = LegalTerms.Text(),
                crawlMinImprovement: Double = 20, walkMinAdoption: Double = 70, template: String = "") {
        self.company = company
        self.entity = entity
        self.address = address
        self.statement = statement
        self.terms = terms
        self.crawlMinImprovement = crawlMinImprovement
        self.walkMinAdoption = walkMinAdoption
        self.template = template
    }

    /// How each company accepts a signature: the last sentence of either default statement.
    static let acceptance = "Each company accepts, as its signature of this text, an entry recorded with the text's fingerprint or an SSH signature over the text's canonical form that OpenSSH verifies with the key of that company's signatory."

    /// Printed above the signatures when program.yaml's `legal.statement`
    /// says nothing and the charter names the agreement it sits under; part
    /// of what form 2 signs, as printed.
    public static let defaultStatement = "This charter records how the two companies work together under the agreement it names (under Term and exit). It creates no obligation beyond those of that agreement, and either company may propose changes, which take effect once both sign the changed text. " + acceptance

    /// The default statement of a charter that names no agreement: it says
    /// nothing of an agreement, and disclaims nothing the charter commits to.
    public static let defaultStandaloneStatement = "This charter records how the two companies work together and what each commits to. Either company may propose changes, which take effect once both sign the changed text. " + acceptance

    /// The statement as the charter prints it: program.yaml's, else the
    /// default for a charter that names an agreement or for one that names none.
    public func printedStatement(namesAgreement: Bool) -> String {
        guard let statement, !statement.allSatisfy(\.isWhitespace) else {
            return namesAgreement ? Self.defaultStatement : Self.defaultStandaloneStatement
        }
        return statement
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
    /// The day the partner approved this text for publication (`approved`); recorded, printed nowhere.
    public var approved: Located<Day>?

    public init(at: SourcePosition, summary: Located<String>? = nil, offering: [Located<String>] = [], category: Located<String>? = nil,
                 regions: [Located<String>] = [], website: Located<String>? = nil, contact: Located<String>? = nil,
                 approved: Located<Day>? = nil) {
        self.approved = approved
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
