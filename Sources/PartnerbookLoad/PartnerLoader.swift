import PartnerbookModel
import PartnerbookSupport


/// Reads a partner file's node tree into a `Partner`, section by section.
public enum PartnerLoader {
    static let topKeys = ["name", "tier", "status", "summary", "profile", "contacts", "leverage",
                          "commitments", "charter", "phases", "co_marketing", "reviews", "signatures", "ended", "decision", "listed", "aliases",
                          "legal", "signatories", "public", "paper"]
    static let publicKeys = ["summary", "offering", "category", "regions", "website", "contact", "approved"]

    public static func load(_ root: YNode, id: String, context: LoadContext) -> Partner {
        var partner = Partner(id: id, file: context.file)
        guard let top = Fields(root, at: .start, path: "", known: topKeys, context: context) else {
            return partner
        }
        for key in ["name", "tier", "status"] { top.require(key) }
        partner.name = top.text("name")
        partner.tier = top.value("tier", expected: "one of integration, partnership, strategic (or 1, 2, 3)", Tier.init(word:))
        partner.status = top.choice("status")
        partner.summary = top.text("summary")
        partner.profile = top.fields("profile", known: ["engineering_resources", "marquee"]).map {
            Profile(at: $0.at, engineeringResources: $0.bool("engineering_resources"), marquee: $0.bool("marquee"))
        }
        partner.contacts = top.fields("contacts", known: ["us", "partner", "sponsors"]).map(contacts)
        partner.leverage = top.fields("leverage", known: ["type", "evidence"]).map {
            Leverage(at: $0.at, type: $0.choice("type"), evidence: $0.text("evidence"))
        }
        partner.commitments = top.fields("commitments", known: ["us", "partner", "if_it_fails"]).map(commitments)
        partner.charter = top.fields("charter", known: CharterLoader.keys).map(CharterLoader.load)
        partner.phases = top.fields("phases", known: ["crawl", "walk", "run"]).map(PhasesLoader.load)
        partner.coMarketing = top.fields("co_marketing", known: Stage.allCases.map(\.rawValue)).map(PhasesLoader.coMarketing)
        partner.reviews = top.items("reviews").map { ReviewLoader.reviews($0, in: top) }
        partner.signatures = top.items("signatures").map { ReviewLoader.signatures($0, in: top) }
        partner.ended = top.day("ended")
        partner.listed = top.bool("listed")
        partner.aliases = top.textList("aliases")?.value ?? []
        partner.legal = top.fields("legal", known: ["entity", "address"]).map {
            LegalParty(at: $0.at, entity: $0.text("entity"), address: $0.text("address"))
        }
        partner.paper = top.choice("paper")
        partner.signatories = top.fields("signatories", known: ["us", "partner"]).map {
            let contactKeys = ["name", "title", "email"]
            return Signatories(at: $0.at, us: $0.fields("us", known: contactKeys).map(contact),
                               partner: $0.fields("partner", known: contactKeys).map(contact))
        }
        partner.publicProfile = top.fields("public", known: publicKeys).map {
            PublicProfile(at: $0.at, summary: $0.text("summary"), offering: $0.textList("offering")?.value ?? [],
                          category: $0.text("category"), regions: $0.textList("regions")?.value ?? [],
                          website: $0.text("website"), contact: $0.text("contact"), approved: $0.day("approved"))
        }
        partner.decision = top.fields("decision", known: ["core_to_differentiation", "roadmap_delay_months", "partner_needs_us"]).map {
            BuildOrPartnerInputs(at: $0.at, coreToDifferentiation: $0.bool("core_to_differentiation"),
                                 roadmapDelayMonths: $0.nonNegative("roadmap_delay_months"), partnerNeedsUs: $0.bool("partner_needs_us"))
        }
        return partner
    }

    /// `{ us: text, partner: text }` as a pair.
    static func textPair(_ fields: Fields?) -> PartyPair<Located<String>>? {
        fields.map { PartyPair(at: $0.at, us: $0.text("us"), partner: $0.text("partner")) }
    }

    private static func contact(_ fields: Fields) -> Contact {
        Contact(at: fields.at, name: fields.text("name"), title: fields.text("title"), email: fields.text("email"))
    }

    private static func contacts(_ fields: Fields) -> Contacts {
        let contactKeys = ["name", "title", "email"]
        return Contacts(
            at: fields.at,
            us: fields.fields("us", known: contactKeys).map(contact),
            partner: fields.fields("partner", known: contactKeys).map(contact),
            sponsors: textPair(fields.fields("sponsors", known: ["us", "partner"]))
        )
    }

    private static func commitments(_ fields: Fields) -> Commitments {
        Commitments(
            at: fields.at,
            us: fields.textList("us")?.value ?? [],
            partner: fields.textList("partner")?.value ?? [],
            ifItFails: textPair(fields.fields("if_it_fails", known: ["us", "partner"]))
        )
    }
}
