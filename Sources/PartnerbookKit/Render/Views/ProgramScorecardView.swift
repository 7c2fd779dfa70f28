/// What the program scorecard template reads.
struct ProgramScorecardView {
    /// The extension document links point to: `md` in Markdown output, `html` in HTML.
    var ext = "md"

    struct PartnerRow {
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

    struct Count {
        var label: String
        var count: Int
    }

    var title: String
    var programName: String
    var company: String
    var asOf: String
    var partnerCount: Int
    var averageHealth: Int
    var partners: [PartnerRow]
    var tiers: [Count]
    var statuses: [Count]
    var summary: ProgramSummaryView
    var errorCount: Int
    var warningCount: Int

    /// - Parameter ext: `md` or `html`, the extension links point to.
    init(program: Program, contexts: [DocumentContext], diagnostics: [Diagnostic], asOf: Day, ext: String) {
        title = "Program scorecard: \(program.name?.value ?? "Partner program")"
        programName = program.name?.value ?? "Partner program"
        company = program.company?.value ?? ""
        self.asOf = Format.date(asOf)
        partnerCount = contexts.count
        let scores = contexts.map(\.assessment.health.total)
        averageHealth = scores.isEmpty ? 0 : Int((Double(scores.reduce(0, +)) / Double(scores.count)).rounded())
        partners = contexts.map { context in
            let a = context.assessment, p = context.partner
            return PartnerRow(name: context.partnerName, link: "../partners/\(p.id)/scorecard.\(ext)",
                              tier: p.tier?.value.rawValue ?? "–", status: p.status?.value.rawValue ?? "–",
                              health: a.health.total, band: a.health.bandText,
                              crawl: a.crawlStatus.rawValue, walk: a.walkStatus.rawValue,
                              leverage: p.leverage?.type.map { "\($0.value.label) (\(a.leverage.strength.rawValue))" } ?? "none",
                              verdict: a.continueDecision.verdict.rawValue, handshake: a.commitment.isHandshake)
        }
        tiers = Tier.allCases.map { tier in
            Count(label: tier.title, count: contexts.filter { $0.partner.tier?.value == tier }.count)
        }
        statuses = Status.allCases.map { status in
            Count(label: status.rawValue.capitalizedFirst, count: contexts.filter { $0.partner.status?.value == status }.count)
        }
        summary = ProgramSummaryView(program: program, contexts: contexts, diagnostics: diagnostics, asOf: asOf, root: "../",
                                     partnerLink: "scorecard.\(ext)")
        errorCount = diagnostics.filter { $0.severity == .error }.count
        warningCount = diagnostics.filter { $0.severity == .warning }.count
    }
}
