import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// The public partner directory (`build --public`): what partners and their
/// customers may see. Built only from the fields named here; nothing of the
/// internal assessment (health, leverage, commitments, contacts, risks,
/// alerts, scorecards, QBRs, the report) is read.
package enum PublicDirectory {
    /// Partners shown: `listed: true`, and in walk or run.
    package static func isListed(_ partner: Partner) -> Bool {
        partner.listed?.value == true && (partner.status?.value == .walk || partner.status?.value == .run)
    }

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

    /// The last review held is no older than one review cadence, and the next one is not overdue.
    static func reviewedWithinCadence(_ context: DocumentContext) -> Bool {
        let cadence = context.partner.charter?.measurement?.cadence ?? .quarterly
        guard let last = QBRPlan.held(context.partner, asOf: context.asOf).last, let date = last.date?.value else { return false }
        let notOverdue = last.nextReview.map { $0.value >= context.asOf } ?? true
        return date.adding(months: cadence.months) >= context.asOf && notOverdue
    }
}

/// The public home page: a card per listed partner, search and tier filter.
package struct PublicDirectoryView {
    struct Card {
        package var id: String
        var name: String
        var link: String
        var tier: String
        var tierLabel: String
        var summary: String
        var badges: [String]
        var searchText: String
    }

    var title: String
    var company: String
    package var partnerCount: Int
    var cards: [Card]
    var tiers: [DirectoryView.Filter]
    var hasPartners: Bool

    init(program: Program, contexts: [DocumentContext], siteTitle: String) {
        title = siteTitle
        company = program.company?.value ?? ""
        cards = contexts.map { context in
            let p = context.partner
            let summary = CMark.plainText(MarkdownText.block(p.summary?.value)).trimmingCharacters(in: .whitespacesAndNewlines)
            let offer = CMark.plainText(MarkdownText.block(p.charter?.goals?.customers?.value)).trimmingCharacters(in: .whitespacesAndNewlines)
            return Card(id: p.id, name: context.partnerName, link: "partners/\(p.id)/index.html",
                        tier: p.tier?.value.rawValue ?? "none", tierLabel: p.tier?.value.title ?? "Tier not set", summary: summary,
                        badges: PublicDirectory.badges(context),
                        searchText: [context.partnerName, p.id, p.tier?.value.rawValue ?? "", summary, offer].joined(separator: " ").lowercased())
        }
        partnerCount = cards.count
        hasPartners = !cards.isEmpty
        tiers = Tier.allCases.map { tier in
            DirectoryView.Filter(value: tier.rawValue, label: tier.title, count: contexts.filter { $0.partner.tier?.value == tier }.count)
        }
    }
}

/// One listed partner's public page.
package struct PublicPartnerView {
    var name: String
    var company: String
    var tier: String
    var summaryHTML: String
    /// The charter's goal for shared customers.
    var customersHTML: String
    /// The value exchange: what each company brings.
    var weGive: [String]
    var partnerGives: [String]
    var badges: [String]
    var signals: [PublicDirectory.Signal]

    init(_ context: DocumentContext) {
        let p = context.partner
        name = context.partnerName
        company = context.company
        tier = p.tier?.value.title ?? "Tier not set"
        summaryHTML = PartnerPageView.html(MarkdownText.block(p.summary?.value))
        customersHTML = PartnerPageView.html(MarkdownText.block(p.charter?.goals?.customers?.value))
        let exchange = p.charter?.valueExchange
        weGive = (exchange?.weGive?.value ?? []).filter { !$0.value.isBlank }.map { PartnerPageView.inlineHTML($0.value) }
        partnerGives = (exchange?.partnerGives?.value ?? []).filter { !$0.value.isBlank }.map { PartnerPageView.inlineHTML($0.value) }
        badges = PublicDirectory.badges(context)
        signals = PublicDirectory.signals(context)
    }
}
