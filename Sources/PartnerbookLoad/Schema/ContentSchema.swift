import PartnerbookModel
import PartnerbookSupport
/// The JSON Schemas of the two file kinds, for editors with the YAML
/// language server (`partnerbook schema program|partner`): every key, its
/// type, its words, what it means and what is required.
/// `check` stays the authority: it reads text as text, reports positions and
/// runs every rule; the schema lets an editor complete keys and flag a typo
/// as you type. Each mapping's keys are the loader's own key lists, so the
/// two cannot drift apart.
public enum ContentSchema {
    public enum Kind: String, CaseIterable, Sendable {
        case program, partner
    }

    public static func json(_ kind: Kind) -> String {
        switch kind {
        case .program:
            return SchemaBuilder.document(id: "program", title: "Partnerbook program.yaml",
                                          description: "The program-wide settings of a Partnerbook partner program.", root: program)
        case .partner:
            return SchemaBuilder.document(id: "partner", title: "Partnerbook partner file",
                                          description: "One partner of a Partnerbook program: Content/partners/ID.yaml, ID in [a-z0-9][a-z0-9-]*.",
                                          root: partner)
        }
    }

    /// Where `init` and `new` put the schemas, relative to the content folder.
    public static let folder = ".schemas"

    public static func fileName(_ kind: Kind) -> String { "\(kind.rawValue).schema.json" }

    public typealias B = SchemaBuilder

    /// The keys the schema gives each mapping, for tests against the loader.
    static var partnerKeys: [String: [String]] {
        [
            "": PartnerLoader.topKeys, "charter": CharterLoader.keys, "metric": CharterLoader.metricKeys,
            "review": ReviewLoader.reviewKeys, "signature": ReviewLoader.signatureKeys,
        ]
    }

    public static var program: B.Node {
        B.object("", [
            ("name", B.ref("text", "The program's name (required).")),
            ("company", B.ref("text", "Our company: \"us\" in every document (required).")),
            ("currency", ["type": "string", "pattern": "^[A-Za-z]{3}$", "description": "An ISO 4217 currency code; default USD."]),
            ("as_of", B.ref("date", "The date documents are generated for; --as-of overrides it, else today.")),
            ("fiscal_year_start", ["type": ["integer", "string"], "minimum": 1, "maximum": 12,
                                   "description": "The month the program's year starts: 2 or February. Quarters are then fiscal quarters, FY2027-Q1, named by the calendar year the fiscal year ends in; default 1 (calendar quarters, 2026-Q3)."]),
            ("legal", B.object("Our legal frame, printed in every charter and part of what each signature covers.", [
                ("entity", B.ref("text", "Our registered legal name.")),
                ("address", B.ref("text", "Our registered address.")),
                ("statement", B.ref("prose", "Printed above the signatures: whether the charter binds; default: a neutral statement (which names the agreement only when the charter names one).")),
                ("governing_law", B.ref("prose", "Which law governs each charter, printed under Term and exit and signed.")),
                ("courts", B.ref("prose", "Which courts hear a dispute, printed under Term and exit and signed.")),
                ("notices", B.ref("prose", "How and to whom notice is given, printed under Term and exit and signed.")),
                ("termination", B.ref("prose", "On exit: the notice period, what survives, what stays owed; printed under Term and exit and signed.")),
            ])),
            ("public", B.object("The public partner directory.", [
                ("show_tiers", B.ref("boolean", "Show tier names in the public directory; default false.")),
            ])),
            ("ecosystem", B.object("How the directory is kept, and the ecosystem-control tree's inputs.", [
                ("model", B.choice(EcosystemModel.allCases.map(\.rawValue), "curated (every listing reviewed first) or open (anyone listed, quality shown by trust badges).")),
                ("brand_risk", B.choice(BrandRisk.allCases.map(\.rawValue), "high or low: what a bad listing costs the brand.")),
                ("review_capacity", B.choice(ReviewCapacity.allCases.map(\.rawValue), "dozens or thousands: how many listings the team can review.")),
            ])),
            ("site", B.object("The program site.", [
                ("paper", B.choice(Paper.allCases.map(\.rawValue), "The printed page of charters and packets: a4 (default) or letter.")),
                ("internal_url", ["type": "string", "description": "Where the internal site is served: the links in reviews.ics and the internal sitemap.xml; never the public base_url."]),
                ("title", B.ref("text", "The site's title; default: the program name.")),
                ("base_url", B.ref("text", "Absolute URL of the published site, for sitemap.xml and the calendar.")),
            ])),
            ("gates", B.object("Go/no-go bars, in percent; defaults are the playbook's.", [
                ("crawl_min_improvement", B.ref("percent", "Improvement the crawl metric must show; default 20.")),
                ("walk_min_adoption", B.ref("percent", "Share of invited customers who must adopt during walk; default 70.")),
                ("kpi_behind_pace", B.ref("percent", "How far behind its pace a dated metric may fall before kpi.behind-pace; default 25.")),
            ])),
            ("scoring", B.object("Weights of the health score; they must sum to 100.",
                                 ProgramLoader.scoringKeys.map { ($0, B.ref("number", "Weight of the \($0) part.")) })),
            ("outcomes", B.list(B.object("One quarter's company revenue.", [
                ("quarter", B.ref("quarter", "The quarter.")),
                ("revenue", B.ref("number", "The company's revenue that quarter, the denominator of partner revenue share.")),
            ], required: ["quarter", "revenue"], nullable: false), "Company-wide revenue per quarter, from finance.")),
            ("targets", B.object("Program goals in percent; defaults are the playbook's.", [
                ("partner_revenue_share", B.ref("percent", "Partner revenue as a share of company revenue; default 35.")),
                ("active_partner_rate", B.ref("percent", "Active partners as a share of those in the program; default 70.")),
            ])),
            ("exchange_rates", [
                "type": ["object", "null"],
                "description": "Program currency per unit of another currency, for partner revenue: { EUR: 1.08 }; a quarter may override: { 2026-Q3: { EUR: 1.1 } }.",
                "patternProperties": [
                    "^[A-Za-z]{3}$": B.ref("number", "Program currency per unit of this currency."),
                    "^(FY)?[0-9]{4}-Q[1-4]$": ["type": "object", "description": "Rates for one quarter.",
                                          "patternProperties": ["^[A-Za-z]{3}$": ["$ref": "#/$defs/number"]], "additionalProperties": false],
                ] as [String: Any],
                "additionalProperties": false,
            ]),
            ("record", B.object("How partnerbook record reads exports.", [
                ("partner_column", B.ref("text", "The header of the column that names the partner; default partner.")),
                ("locale", B.ref("text", "How the exports write numbers and dates: de reads 38.250,00 and 14.01.2027; default English (38,250.00, 1/14/2027).")),
                ("columns", ["type": ["object", "null"], "additionalProperties": ["$ref": "#/$defs/text"],
                             "description": "Export column header to the metric id it records: { \"Sourced ARR\": sourced_revenue }."]),
            ])),
        ], required: ["name", "company"], nullable: false)
    }

    public static var partner: B.Node {
        let pair = { (description: String) in
            B.object(description, [("us", B.ref("text", "Our side.")), ("partner", B.ref("text", "The partner's side."))])
        }
        let contact = { (description: String) in
            B.object(description, [("name", B.ref("text", "Name.")), ("title", B.ref("text", "Job title.")),
                                   ("email", B.ref("text", "Email address."))])
        }
        let decision = B.choice(GateDecision.allCases.map(\.rawValue), "go, no-go or pending.")
        let state = B.choice(ItemState.allCases.map(\.rawValue), "done, pending or n/a.")
        let stages: [(String, B.Node)] = Stage.allCases.map { stage in
            (stage.rawValue, B.object("The \(stage.rawValue) checklist.", stage.items.map { ($0, state) }))
        }
        let metric = B.object("A key performance indicator.", [
            ("id", B.ref("text", "The id reviews use for its readings (required).")),
            ("name", B.ref("text", "Its name in documents.")),
            ("unit", B.ref("text", "Its unit: a currency code (USD) or a word (customers, days, %).")),
            ("target", B.ref("number", "The target.")),
            ("direction", B.choice(Direction.allCases.map(\.rawValue), "up (higher is better, the default) or down.")),
            ("weight", B.ref("number", "Its weight in the health score's KPI part; default 1.")),
            ("due", B.ref("date", "When the target should be reached; with it, attainment is judged against the pace.")),
            ("baseline", B.ref("number", "Where the metric started; default its first reading.")),
            ("counts_toward", B.choice(Outcome.allCases.map(\.rawValue), "A program outcome this metric adds to.")),
            ("period", B.choice(MetricPeriod.allCases.map(\.rawValue),
                                "What one reading covers, for a metric that counts toward partner revenue: quarter, month, or to_date (a running total).")),
        ], required: ["id"], nullable: false)
        let phasePlan = { (description: String, keys: [String]) -> B.Node in
            let all: [String: B.Node] = [
                "start": B.ref("date", "First day."), "end": B.ref("date", "Last day."),
                "scope": B.ref("prose", "What the phase covers."), "deliverables": B.ref("proseList", "What it delivers."),
                "metric": B.ref("text", "The outcome the pilot must improve by the crawl bar."),
            ]
            return B.object(description, keys.map { ($0, all[$0]!) })
        }
        let review = B.object("One business review.", [
            ("quarter", B.ref("quarter", "The quarter reviewed (quarter or month is required).")),
            ("month", ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "For a partner reviewed monthly: the month reviewed, YYYY-MM."]),
            ("date", B.ref("date", "When it is held; a date after the as-of date makes it a planned review, whatever numbers it holds.")),
            ("attendees", B.ref("proseList", "Who attended.")),
            ("metrics", ["type": ["object", "null"], "additionalProperties": ["$ref": "#/$defs/number"],
                         "description": "Metric id to its reading for the quarter."]),
            ("highlights", B.ref("prose", "What went well.")),
            ("risks", B.list(B.object("A risk.", [("risk", B.ref("prose", "The risk.")), ("owner", B.ref("text", "Who owns it.")),
                                                  ("action", B.ref("prose", "What they will do.")),
                                                  ("internal", B.ref("boolean", "Ours alone: shown in our brief and the scorecard, never in the packet the partner sees; default false."))],
                                         nullable: false), "Risks with owners and actions.")),
            ("decisions", B.ref("proseList", "Decisions taken.")),
            ("commitments", B.object("Each side's commitments for the next quarter; start one with (done) when it is done.", [
                ("us", B.ref("proseList", "Ours.")), ("partner", B.ref("proseList", "The partner's.")),
            ])),
            ("next_review", B.ref("date", "When the next review is.")),
            ("objectives", B.ref("proseList", "What we want from this meeting: shown only in our brief.")),
        ], nullable: false)
        let signature = B.object("A signature recorded by partnerbook sign.", [
            ("party", B.choice(Party.allCases.map(\.rawValue), "us or partner.")),
            ("name", B.ref("text", "Who signed.")), ("title", B.ref("text", "Their title.")),
            ("date", B.ref("date", "When.")),
            ("fingerprint", ["type": "string", "pattern": "^sha256:[0-9a-f]{64}$", "description": "The charter fingerprint signed."]),
            ("email", B.ref("text", "The signer's email: their party's signatory's email, and the principal their SSH key is allowed for in allowed_signers.")),
            ("canonical", ["enum": [1, 2, "1", "2"] as [Any],
                           "description": "The canonical form the fingerprint was made over: 2 for every signature made now; absent on an entry made over form 1."]),
            ("evidence", B.ref("text", "What else shows the signature was given (an e-signature envelope id, a scanned copy's name); printed with it.")),
            ("ssh", B.object("An SSH signature over the charter's canonical form (partnerbook sign --key or --signature).", [
                ("key", B.ref("text", "The signing key's fingerprint, SHA256:...")),
                ("signature", B.ref("text", "The armored signature made by ssh-keygen -Y sign -n partnerbook-charter.")),
            ], required: ReviewLoader.sshKeys, nullable: false)),
        ], required: ReviewLoader.signatureKeys, nullable: false)

        return B.object("", [
            ("name", B.ref("text", "The partner's name (required).")),
            ("tier", ["enum": Tier.allCases.map(\.rawValue) + ["1", "2", "3"] as [Any] + [1, 2, 3] as [Any],
                      "description": "integration, partnership or strategic, or 1, 2, 3 (required)."]),
            ("status", B.choice(Status.allCases.map(\.rawValue), "Where the partnership stands (required).")),
            ("summary", B.ref("prose", "Who they are and why the partnership matters.")),
            ("listed", B.ref("boolean", "Shown in the public partner directory once in walk or run; default false.")),
            ("aliases", B.ref("proseList", "Other names the partner goes by in CRM and finance exports, for partnerbook record.")),
            ("ended", B.ref("date", "With status ended: the day it ended; it stops counting toward program outcomes.")),
            ("profile", B.object("Inputs of the tier decision tree.", [
                ("engineering_resources", B.ref("boolean", "Can they build on our public API by themselves?")),
                ("marquee", B.ref("boolean", "Is this a logo that shifts our positioning?")),
            ])),
            ("decision", B.object("Inputs of the build-or-partner tree.", [
                ("core_to_differentiation", B.ref("boolean", "Is the capability core to our product differentiation?")),
                ("roadmap_delay_months", B.ref("number", "Months building it ourselves would delay our roadmap.")),
                ("partner_needs_us", B.ref("boolean", "Is there a credible partner who needs us too?")),
            ])),
            ("contacts", B.object("Who leads on each side.", [
                ("us", contact("Our partnership lead.")), ("partner", contact("Their partnership lead.")),
                ("sponsors", pair("Executive sponsors.")),
            ])),
            ("leverage", B.object("What makes the partner need us.", [
                ("type", B.choice(LeverageType.allCases.map(\.rawValue), "requirement (strongest), economic, competitive, customer, co-marketing (weakest).")),
                ("evidence", B.ref("prose", "The fact that shows the leverage.")),
            ])),
            ("commitments", B.object("Economic skin in the game, both sides.", [
                ("us", B.ref("proseList", "What we commit.")), ("partner", B.ref("proseList", "What the partner commits.")),
                ("if_it_fails", pair("What each side loses if the partnership fails.")),
            ])),
            ("charter", B.object("The five sections both sides sign.", [
                ("goals", B.object("What success looks like for each party.", [
                    ("us", B.ref("prose", "For us.")), ("partner", B.ref("prose", "For the partner.")),
                    ("customers", B.ref("prose", "For shared customers.")),
                ])),
                ("value_exchange", B.object("What each side gives.", [
                    ("we_give", B.ref("proseList", "What we give.")), ("partner_gives", B.ref("proseList", "What the partner gives.")),
                    ("balance", B.ref("prose", "Would both sides still do this if the other walked?")),
                ])),
                ("timeline", B.object("The crawl, walk and run plan.", [
                    ("crawl", phasePlan("The pilot: four to eight weeks.", ["start", "end", "scope", "deliverables", "metric"])),
                    ("walk", phasePlan("The formal integration: eight to twelve weeks.", ["start", "end", "scope", "deliverables"])),
                    ("run", phasePlan("Full scale.", ["start", "scope", "deliverables"])),
                ])),
                ("measurement", B.object("How success is measured.", [
                    ("metrics", B.list(metric, "The metrics, each with a target.")),
                    ("tracking", B.ref("prose", "How they are tracked.")),
                    ("review_cadence", B.choice(Cadence.allCases.map(\.rawValue), "monthly or quarterly; default quarterly.")),
                ])),
                ("effective", B.ref("date", "The day the charter takes effect.")),
                ("term", B.ref("prose", "How long it runs and how it renews.")),
                ("agreement", B.ref("prose", "The agreement it sits under: an MSA, a marketplace agreement.")),
                ("sections", B.list(B.object("A section after the five.", [
                    ("title", B.ref("text", "Its heading.")), ("text", B.ref("prose", "Its text.")),
                ], required: ["title", "text"], nullable: false), "Sections after the five: confidentiality, territory, responsibilities.")),
                ("governance", B.object("Who decides, how disputes escalate, what ends it.", [
                    ("owners", pair("The decision owner on each side.")),
                    ("escalation", B.ref("proseList", "Ordered escalation steps.")),
                    ("exit_criteria", B.ref("proseList", "What would end the partnership.")),
                ])),
            ])),
            ("phases", B.object("What the pilots measured: the numbers behind the gates.", [
                ("crawl", B.object("The crawl pilot's result.", [
                    ("pilot_customers", B.ref("proseList", "The pilot customers.")),
                    ("baseline", B.ref("number", "The metric before.")), ("result", B.ref("number", "The metric after.")),
                    ("direction", B.choice(Direction.allCases.map(\.rawValue), "up or down: which way is better.")),
                    ("decision", decision),
                ])),
                ("walk", B.object("The walk phase's adoption.", [
                    ("invited", B.ref("count", "Customers invited.")), ("adopted", B.ref("count", "Customers who adopted.")),
                    ("decision", decision),
                ])),
                ("run", B.object("What running at scale cost and returned: the ROI gate.", [
                    ("invested", B.ref("number", "What it cost.")), ("returned", B.ref("number", "What it brought back.")),
                    ("decision", decision),
                ])),
            ])),
            ("co_marketing", B.object("The co-marketing checklist.", stages)),
            ("reviews", B.list(review, "One entry per review held (or planned ahead).")),
            ("signatures", B.list(signature, "Added by partnerbook sign.")),
            ("legal", B.object("The partner's legal frame, printed in the charter and signed.", [
                ("entity", B.ref("text", "The partner's registered legal name.")),
                ("address", B.ref("text", "The partner's registered address.")),
            ])),
            ("paper", B.choice(Paper.allCases.map(\.rawValue), "The printed page of this partner's charter and packets: a4 or letter; default site.paper.")),
            ("signatories", B.object("Who signs for each side (name, title, email); default the executive sponsors. Part of the signed text (form 2); a signature's email must be its party's signatory's.", [
                ("us", contact("Who signs for us.")), ("partner", contact("Who signs for the partner.")),
            ])),
            ("public", B.object("What the public directory may say: the only source of a listing's text besides the name and summary.", [
                ("summary", B.ref("prose", "What customers should read; default the partner's summary.")),
                ("offering", B.ref("proseList", "What the partner offers customers.")),
                ("category", B.ref("text", "The partner's category, e.g. Data warehouse.")),
                ("regions", B.ref("proseList", "Where the partner serves customers.")),
                ("website", B.ref("text", "The partner's website, an https:// URL.")),
                ("contact", B.ref("text", "Where customers reach the partner: an email address or a URL.")),
                ("approved", B.ref("date", "The day the partner approved this text for publication; recorded, printed nowhere.")),
            ])),
        ], required: ["name", "tier", "status"], nullable: false)
    }
}
