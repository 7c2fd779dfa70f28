import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// The public partner directory (`build --public`): what partners and their
/// customers may see. Built only from the fields named here; nothing of the
/// internal assessment (health, leverage, commitments, contacts, risks,
/// alerts, scorecards, QBRs, the report) is read.
package enum PublicDirectory {

    struct Signal {
        var label: String
        var earned: Bool
        /// What it means, in a sentence.
        var detail: String
    }

    /// The trust signals, computed from the data: a signed charter, passed gates, a review within the cadence.
    static func signals(_ context: DocumentContext) -> [Signal] {
        let a = context.assessment
        let cadence = context.partner.charter?.measurement?.cadence == .monthly ? "month" : "quarter"
        return [
            Signal(label: "Charter signed by both companies", earned: a.signatures.isFullySigned,
                   detail: "both companies signed the partnership charter as it reads today."),
            Signal(label: "Pilot and rollout gates passed", earned: a.crawlGate.passed && a.walkGate.passed,
                   detail: "a pilot with customers and a wider rollout both met their success criteria before going further."),
            Signal(label: "Reviewed this \(cadence)", earned: reviewedWithinCadence(context),
                   detail: "the two companies held their regular business review within the last \(cadence), and the next one is on time."),
        ]
    }

    /// The signals earned, for badges.
    static func badges(_ context: DocumentContext) -> [String] {
        signals(context).filter(\.earned).map(\.label)
    }

    /// A review was held in this quarter (this month, for a monthly
    /// cadence) of the as-of date, and the next one is not overdue: "this
    /// quarter" means the quarter the directory is published in.
    static func reviewedWithinCadence(_ context: DocumentContext) -> Bool {
        let monthly = context.partner.charter?.measurement?.cadence == .monthly
        let asOf = context.asOf
        let held = QBRPlan.held(context.partner, asOf: asOf).compactMap { $0.date?.value }
        guard let date = held.max() else { return false }
        let sameCalendarPeriod = date.year == asOf.year && (monthly ? date.month == asOf.month : (date.month - 1) / 3 == (asOf.month - 1) / 3)
        let notOverdue = QBRPlan.held(context.partner, asOf: asOf).last?.nextReview.map { $0.value >= asOf } ?? true
        return sameCalendarPeriod && notOverdue
    }
}

/// What a listing says, from the partner's `public:` block only (written
/// for customers); without one, the name and the partner's summary.
struct PublicText {
    var summary: String
    var offering: [String]
    var category: String?
    var regions: [String]
    /// An `http(s)` address, else nil (no other scheme is linked).
    var website: String?
    var contact: String?
    /// `mailto:` when the contact is an email address.
    var contactLink: String?

    init(_ partner: Partner) {
        let profile = partner.publicProfile
        // Only text written for customers: without a public summary, none (the internal summary never).
        summary = MarkdownText.block(profile?.summary?.value)
        offering = (profile?.offering ?? []).map(\.value).filter { !$0.isBlank }
        category = profile?.category.map { Trim.whitespace($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
        regions = (profile?.regions ?? []).map { Trim.whitespace($0.value) }.filter { !$0.isEmpty }
        website = profile?.website.map { Trim.whitespace($0.value) }.flatMap { PublicText.isWebAddress($0) ? $0 : nil }
        contact = profile?.contact.map { Trim.whitespace($0.value) }.flatMap { $0.isEmpty ? nil : $0 }
        contactLink = contact.flatMap { EmailAddress.isPlausible($0) ? "mailto:" + $0 : PublicText.isWebAddress($0) ? $0 : nil }
    }

    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
            && !text.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
    }

    /// A filter value: lower case, words joined by hyphens.
    static func slug(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }
}

/// The public home page: a card per listed partner, search, and filters by
/// category (and by tier, with `public.show_tiers`).
package struct PublicDirectoryView {
    package struct Card: Sendable {
        package var id: String
        var name: String
        var link: String
        var tier: String
        var tierLabel: String
        var category: String?
        var categorySlug: String
        var summary: String
        var badges: [String]
        var searchText: String

        /// A listed partner's card, from its `public:` text and the badges it earned.
        init(_ context: DocumentContext) {
            let p = context.partner
            let program = context.program
            let text = PublicText(p)
            let summary = CMark.plainText(text.summary).trimmingCharacters(in: .whitespacesAndNewlines)
            let offering = text.offering.map { CMark.plainText(MarkdownText.inline($0)) }
            self.init(id: p.id, name: context.partnerName, link: OutputPaths.partnerPage(p.id),
                      tier: program.showTiersInPublic ? p.tier?.value.rawValue ?? "none" : "",
                      tierLabel: program.showTiersInPublic ? p.tier?.value.title ?? "" : "",
                      category: text.category, categorySlug: text.category.map(PublicText.slug) ?? "none",
                      summary: summary, badges: PublicDirectory.badges(context),
                      searchText: ([context.partnerName, p.id, summary, text.category ?? ""] + offering + text.regions)
                          .joined(separator: " ").lowercased())
        }

        init(id: String, name: String, link: String, tier: String, tierLabel: String, category: String?, categorySlug: String,
             summary: String, badges: [String], searchText: String) {
            self.id = id
            self.name = name
            self.link = link
            self.tier = tier
            self.tierLabel = tierLabel
            self.category = category
            self.categorySlug = categorySlug
            self.summary = summary
            self.badges = badges
            self.searchText = searchText
        }
    }

    var title: String
    var company: String
    package var partnerCount: Int
    var cards: [Card]
    var showTiers: Bool
    var tiers: [DirectoryView.Filter]
    var categories: [DirectoryView.Filter]
    var hasCategories: Bool
    var hasFilters: Bool
    var hasPartners: Bool

    init(program: Program, cards: [Card], siteTitle: String) {
        title = siteTitle
        company = program.company?.value ?? ""
        showTiers = program.showTiersInPublic
        self.cards = cards
        partnerCount = cards.count
        hasPartners = !cards.isEmpty
        tiers = program.showTiersInPublic ? Tier.allCases.map { tier in
            DirectoryView.Filter(value: tier.rawValue, label: tier.title, count: cards.filter { $0.tier == tier.rawValue }.count)
        } : []
        var seen: [String: (label: String, count: Int)] = [:]
        for card in cards {
            guard let category = card.category else { continue }
            seen[card.categorySlug, default: (category, 0)].count += 1
        }
        categories = seen.keys.sorted().map { DirectoryView.Filter(value: $0, label: seen[$0]!.label, count: seen[$0]!.count) }
        hasCategories = !categories.isEmpty
        hasFilters = hasCategories || showTiers
    }
}

/// One listed partner's public page: its `public:` text and the badges it
/// earned; nothing of the charter, commitments or value exchange.
package struct PublicPartnerView {
    var name: String
    var company: String
    var showTiers: Bool
    var tier: String
    var summaryHTML: String
    var offering: [String]
    var hasOffering: Bool
    var category: String?
    var regions: String?
    var website: String?
    var contact: String?
    var contactLink: String?
    var hasDetails: Bool
    var badges: [PublicDirectory.Signal]
    var hasBadges: Bool

    init(_ context: DocumentContext) {
        let p = context.partner
        let text = PublicText(p)
        name = context.partnerName
        company = context.company
        showTiers = context.program.showTiersInPublic
        tier = showTiers ? p.tier?.value.title ?? "" : ""
        summaryHTML = PartnerPageView.html(text.summary)
        offering = text.offering.map(PartnerPageView.inlineHTML)
        hasOffering = !offering.isEmpty
        category = text.category
        regions = text.regions.isEmpty ? nil : text.regions.joined(separator: ", ")
        website = text.website
        contact = text.contact
        contactLink = text.contactLink
        hasDetails = category != nil || regions != nil || website != nil || contact != nil
        badges = PublicDirectory.signals(context).filter(\.earned)
        hasBadges = !badges.isEmpty
    }
}
