/// The templates a build renders, by file name without `.mustache`. Every
/// case must load (built in or replaced), so none can render as nothing.
package enum TemplateName: String, CaseIterable, Sendable {
    case charter = "charter.md"
    case scorecard = "scorecard.md"
    case qbr = "qbr.md"
    case qbrBrief = "qbr-brief.md"
    case programScorecard = "program-scorecard.md"
    /// One partner's row in the program scorecard, a partial of `program-scorecard.md`.
    case programScorecardRow = "program-scorecard-row.md"
    case layout = "layout.html"
    case packet = "packet.html"
    /// The charter's own layout: printed and sent, nothing of our site in it.
    case charterLayout = "charter.html"
    case report = "report.html"
    case publicIndex = "public-index.html"
    case publicPartner = "public-partner.html"
    case index = "index.html"
    /// One partner's card on the home page, a partial of `index.html`.
    case card = "card.html"
    case partner = "partner.html"
    case rules = "rules.html"
}

/// What a page is, for the layout: its `<body>` class and what it adds
/// (a charter's draft mark and fingerprint, the home page's crumbs).
enum PageKind: String, Sendable {
    case charter, scorecard, qbr, brief, partner, home, report, rules
    case programScorecard = "program-scorecard"
}
