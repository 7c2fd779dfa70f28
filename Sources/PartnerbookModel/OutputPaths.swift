/// Where every file of the output goes, relative to the output folder, and
/// how one document links to another: the one place a path like
/// `partners/ID/charter.html` is spelled. Renderers, the PDF printer, the
/// data files, the calendar and the tests all ask here.
package enum OutputPaths {
    /// `partners/ID`: one partner's folder.
    package static func partnerFolder(_ id: String) -> String { "partners/\(id)" }
    /// `partners/ID/NAME`: a file in it.
    package static func partner(_ id: String, _ name: String) -> String { partnerFolder(id) + "/" + name }

    /// The partner's page, linking every document of it.
    package static func partnerPage(_ id: String) -> String { partner(id, "index.html") }
    /// `partners/ID/charter.md` or `.html` (or `.pdf`).
    package static func charter(_ id: String, _ ext: String) -> String { partner(id, "charter." + ext) }
    package static func scorecard(_ id: String, _ ext: String) -> String { partner(id, "scorecard." + ext) }
    /// A review's packet below the partner's folder, `qbr/2026-Q3` or, for a monthly review, `qbr/2026-11`.
    package static func packetName(_ period: Period) -> String { "qbr/\(period)" }
    /// `partners/ID/qbr/2026-Q3.md` (the packet), and its internal brief `…-brief.md`.
    package static func packet(_ id: String, _ period: Period, _ ext: String) -> String { partner(id, packetName(period) + "." + ext) }
    package static func brief(_ id: String, _ period: Period, _ ext: String) -> String { partner(id, packetName(period) + "-brief." + ext) }
    /// The partner's metrics chart, shared by its scorecard and packets.
    package static let partnerChartName = "charts/trends.svg"
    package static func partnerChart(_ id: String) -> String { partner(id, partnerChartName) }

    package static let home = "index.html"
    package static let programScorecardMarkdown = "program/scorecard.md"
    package static let programScorecardHTML = "program/scorecard.html"
    package static let report = "program/report.html"
    package static let rules = "program/rules.html"
    package static let partnersJSON = "program/partners.json"
    package static let partnersCSV = "program/partners.csv"
    package static let calendar = "program/reviews.ics"
    package static let outcomesChart = "program/charts/outcomes.svg"
    package static let sitemap = "sitemap.xml"
    /// Assets below `assets/`.
    package static func asset(_ name: String) -> String { "assets/" + name }

    /// `path` as a document `depth` folders below the output root links to it.
    package static func link(_ path: String, fromDepth depth: Int) -> String {
        String(repeating: "../", count: depth) + path
    }
}

/// What a file of the output is: what it is printed as, and who it is for.
package enum DocumentKind: String, Sendable {
    /// Shared with the partner and signed: printed to PDF with `--pdf`.
    case charter
    /// Shared with the partner before each review: printed to PDF with `--pdf`.
    case packet
    /// Ours: the partner's scorecard, a packet's brief, the partner's page.
    case scorecard, brief, partnerPage
    /// A chart a document shows.
    case chart
    /// The pages that list every partner, the data files, the calendar, the sitemap.
    case programPage
    /// A stylesheet, script, font or image from the templates.
    case asset
    /// The public directory's pages.
    case publicPage
}
