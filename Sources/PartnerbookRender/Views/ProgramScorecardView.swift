import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the program scorecard template reads.
///
/// The template is filled once, with every partner link pointing to the
/// partner's Markdown scorecard: that text, parsed once, is
/// `program/scorecard.md`, and the same tree with those links pointed to the
/// HTML scorecards (`htmlLink`) is `program/scorecard.html`.
package struct ProgramScorecardView {
    /// The extension document links point to in the filled template.
    var ext = "md"

    package struct PartnerRow: Sendable {
        var name: String
        var link: String
        var tier: String
        var status: String
        var health: Int
        var band: String
        var crawl: String
        var walk: String
        var leverage: String
        var verdict: String
        var handshake: Bool
    }

    struct Count: Sendable {
        var label: String
        var count: Int
    }

    var title: String
    var programName: String
    var company: String
    var asOf: String
    package var partnerCount: Int
    var averageHealth: Int
    /// Each partner's row, filled from `program-scorecard-row.md` when the partner was rendered.
    var partners: [Fragment]
    var tiers: [Count]
    var statuses: [Count]
    var summary: ProgramSummaryView
    var errorCount: Int
    var warningCount: Int
    var noticeCount: Int
    /// The ecosystem-control tree: how the public directory should be kept, and why.
    var ecosystem: EcosystemView?

    struct EcosystemView {
        /// The model program.yaml says the program runs, or nil.
        var model: String?
        /// What the tree recommends, or nil when its inputs stop short.
        var recommended: String?
        var reason: String?
        /// Where the two differ, or the curated directory outgrew review.
        var problem: String?
    }

    /// A partner's row, linking to its Markdown scorecard.
    static func row(_ row: PartnerRow, id: String) -> PartnerRow {
        var row = row
        row.link = OutputPaths.link(OutputPaths.scorecard(id, "md"), fromDepth: 1)
        return row
    }

    /// Where a link of the filled template points in the HTML scorecard: a
    /// partner's Markdown scorecard (`../partners/ID/scorecard.md`, as the
    /// rows and the summary write it) becomes its HTML scorecard; nil keeps
    /// any other link as it is.
    static func htmlLink(_ url: String) -> String? {
        guard url.hasPrefix(OutputPaths.link(OutputPaths.partnerFolder(""), fromDepth: 1)), url.hasSuffix("/scorecard.md") else { return nil }
        return url.dropLast("md".count) + "html"
    }

    init(program: Program, listings: [PartnerListing], facts: ProgramFacts, diagnostics: [Diagnostic], asOf: Day) {
        title = "Program scorecard: \(program.name?.value ?? "Partner program")"
        programName = program.name?.value ?? "Partner program"
        company = program.company?.value ?? ""
        self.asOf = Format.date(asOf)
        partnerCount = listings.count
        // Ended partnerships are history: the average is of the partnerships still open.
        let scores = listings.indices.filter { listings[$0].subject.status != .ended }.map { listings[$0].row.health }
        averageHealth = scores.isEmpty ? 0 : Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())
        partners = listings.indices.map { index in
            // The closure keeps the row alone, not a copy of the whole listing.
            let row = ProgramScorecardView.row(listings[index].row, id: listings[index].id)
            return Fragment(text: listings[index].rowText) { MustacheBox.view(row) }
        }
        let (byTier, byStatus) = PartnerListing.counts(listings)
        tiers = Tier.allCases.map { tier in
            Count(label: tier.title, count: byTier[tier, default: 0])
        }
        statuses = Status.allCases.map { status in
            Count(label: status.rawValue.capitalizedFirst, count: byStatus[status, default: 0])
        }
        summary = ProgramSummaryView(program: program, facts: facts, root: "../", partnerLink: "scorecard.md")
        errorCount = diagnostics.filter { $0.severity == .error }.count
        warningCount = diagnostics.filter { $0.severity == .warning }.count
        noticeCount = diagnostics.filter { $0.severity == .notice }.count
        if let settings = program.ecosystem {
            let decision = EcosystemControl.decide(settings)
            ecosystem = EcosystemView(model: settings.model?.value.rawValue, recommended: decision?.recommended.rawValue,
                                      reason: decision?.reason,
                                      problem: EcosystemControl.gatekeepingProblem(settings, partnerCount: listings.count))
        }
    }
}

extension ProgramScorecardView.PartnerRow {
    /// A partner's row, its link left for the page to fill in.
    init(_ context: DocumentContext) {
        let a = context.assessment, p = context.partner
        self.init(name: context.partnerName, link: "",
                  tier: p.tier?.value.rawValue ?? "–", status: p.status?.value.rawValue ?? "–",
                  health: a.health.total, band: a.health.bandText,
                  crawl: a.crawlStatus.rawValue, walk: a.walkStatus.rawValue,
                  leverage: p.leverage?.type.map { "\($0.value.label) (\(a.leverage.strength.rawValue))" } ?? "none",
                  verdict: a.continueDecision.verdict.rawValue, handshake: a.commitment.isHandshake)
    }
}
