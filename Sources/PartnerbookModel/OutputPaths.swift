/// Where every file of the output goes, relative to the output folder, and
/// how one document links to another: the one place a path like
/// `partners/ID/charter.html` is spelled. Renderers, the PDF printer, the
/// data files, the calendar and the tests all ask here.
public enum OutputPaths {
    /// `partners/ID`: one partner's folder.
    public static func partnerFolder(_ id: String) -> String { "partners/\(id)" }
    /// `partners/ID/NAME`: a file in it.
    public static func partner(_ id: String, _ name: String) -> String { partnerFolder(id) + "/" + name }

    /// The partner's page, linking every document of it.
    public static func partnerPage(_ id: String) -> String { partner(id, "index.html") }
    /// `partners/ID/charter.md` or `.html` (or `.pdf`).
    public static func charter(_ id: String, _ ext: String) -> String { partner(id, "charter." + ext) }
    public static func scorecard(_ id: String, _ ext: String) -> String { partner(id, "scorecard." + ext) }
    /// A review's packet below the partner's folder, `qbr/2026-Q3` or, for a monthly review, `qbr/2026-11`.
    public static func packetName(_ period: Period) -> String { "qbr/\(period)" }
    /// `partners/ID/qbr/2026-Q3.md` (the packet), and its internal brief `…-brief.md`.
    public static func packet(_ id: String, _ period: Period, _ ext: String) -> String { partner(id, packetName(period) + "." + ext) }
    public static func brief(_ id: String, _ period: Period, _ ext: String) -> String { partner(id, packetName(period) + "-brief." + ext) }
    /// The partner's metrics chart, shared by its scorecard and packets.
    public static let partnerChartName = "charts/trends.svg"
    public static func partnerChart(_ id: String) -> String { partner(id, partnerChartName) }

    public static let home = "index.html"
    public static let programScorecardMarkdown = "program/scorecard.md"
    public static let programScorecardHTML = "program/scorecard.html"
    public static let report = "program/report.html"
    public static let rules = "program/rules.html"
    public static let partnersJSON = "program/partners.json"
    public static let partnersCSV = "program/partners.csv"
    public static let calendar = "program/reviews.ics"
    public static let outcomesChart = "program/charts/outcomes.svg"
    public static let sitemap = "sitemap.xml"
    /// One of the sitemaps `sitemap.xml` indexes when a site has more pages than one may list.
    public static func sitemapPart(_ number: Int) -> String { "sitemap-\(number).xml" }
    /// Whether `path` is `sitemap` or one of its parts.
    public static func isSitemap(_ path: String) -> Bool {
        path == sitemap || (path.hasPrefix("sitemap-") && path.hasSuffix(".xml") && !path.contains("/"))
    }
    /// Assets below `assets/`.
    public static func asset(_ name: String) -> String { "assets/" + name }

    /// `path` as a document `depth` folders below the output root links to it.
    public static func link(_ path: String, fromDepth depth: Int) -> String {
        String(repeating: "../", count: depth) + path
    }
}

/// What a file of the output is: what it is printed as, and who it is for.
public enum DocumentKind: String, Sendable {
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
