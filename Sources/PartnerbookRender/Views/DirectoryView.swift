import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// What the home page (the partner directory) reads.
package struct DirectoryView {
    struct Card: Codable, Sendable {
        package var id: String
        var name: String
        var link: String
        var tier: String
        var tierLabel: String
        var status: String
        var statusLabel: String
        var health: Int
        var band: String
        var bandLabel: String
        var leverage: String
        var signed: Bool
        var signatureLabel: String
        var summary: String
        var searchText: String
        var alerts: [String]
        var alertSummary: String
        var hasAlerts: Bool
    }

    struct Filter {
        var value: String
        var label: String
        var count: Int
    }

    var title: String
    var company: String
    var asOf: String
    package var partnerCount: Int
    /// Each partner's card, filled from `card.html` when the partner was rendered.
    var cards: [Fragment]
    var tiers: [Filter]
    var statuses: [Filter]
    var errorCount: Int
    var warningCount: Int
    var noticeCount: Int
    var summary: ProgramSummaryView

    /// `readsCardFields`: the home page's template writes the cards out
    /// itself (a person's `index.html`), so every card's fields are read
    /// back now, and one that cannot be is an error rather than an empty card;
    /// the built-in one inserts each card as filled.
    init(program: Program, listings: [PartnerListing], facts: ProgramFacts, report: DiagnosticReport, asOf: Day, siteTitle: String,
         readsCardFields: Bool) throws {
        title = siteTitle
        company = program.company?.value ?? ""
        self.asOf = Format.date(asOf)
        partnerCount = listings.count
        cards = try listings.indices.map { index in
            let fields = readsCardFields ? try PartnerListing.cardFields(listings[index].cardJSON) : [:]
            return Fragment(text: listings[index].cardText) { fields }
        }
        let (byTier, byStatus) = PartnerListing.counts(listings)
        tiers = Tier.allCases.map { tier in
            Filter(value: tier.rawValue, label: tier.title, count: byTier[tier, default: 0])
        }
        statuses = Status.allCases.map { status in
            Filter(value: status.rawValue, label: status.rawValue.capitalizedFirst, count: byStatus[status, default: 0])
        }
        summary = ProgramSummaryView(program: program, facts: facts, root: "", partnerLink: "index.html")
        errorCount = report.errorCount
        warningCount = report.warningCount
        noticeCount = report.noticeCount
    }
}

extension DirectoryView.Card {
    /// A partner's card: what check found about it, most urgent first; for an ended partnership, nothing.
    init(_ context: DocumentContext) {
        let p = context.partner, a = context.assessment
        let alerts = p.status?.value == .ended ? []
            : AlertRanking.ordered(context.diagnostics, partner: p).map { "\($0.severity.rawValue): \($0.message)" }
        let leverage = p.leverage?.type.map { "\($0.value.label) leverage (\(a.leverage.strength.rawValue))" } ?? "No leverage identified"
        let summary = CMark.plainText(MarkdownText.block(p.summary?.value)).trimmingCharacters(in: .whitespacesAndNewlines)
        let search = [context.partnerName, p.id, p.tier?.value.rawValue ?? "", p.status?.value.rawValue ?? "", leverage,
                      p.contacts?.partner?.name?.value ?? "", p.contacts?.us?.name?.value ?? "", summary]
            .joined(separator: " ").lowercased()
        self.init(id: p.id, name: context.partnerName, link: OutputPaths.partnerPage(p.id),
                  tier: p.tier?.value.rawValue ?? "none", tierLabel: p.tier?.value.title ?? "Tier not set",
                  status: p.status?.value.rawValue ?? "none", statusLabel: p.status?.value.label ?? "Status not set",
                  health: a.health.total, band: a.health.band.rawValue, bandLabel: a.health.bandText,
                  leverage: leverage, signed: a.signatures.isFullySigned,
                  signatureLabel: a.signatures.isFullySigned ? "Charter signed" : "Charter draft",
                  summary: summary, searchText: search, alerts: alerts, alertSummary: alerts.count == 1 ? "1 alert" : "\(alerts.count) alerts",
                  hasAlerts: !alerts.isEmpty)
    }
}
