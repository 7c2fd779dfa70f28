import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the pages that list every partner need from one partner: the home
/// page's card, the program scorecard's row, the data files' record, the
/// calendar's events, and the facts behind the outcomes, the funnel, the
/// ranked alerts and the report.
///
/// Made once from the partner's context when its documents are rendered,
/// and kept in the build cache with its key: a rebuild that reuses a
/// partner's documents reuses its listing too, without reading its file.
package struct PartnerListing: Codable, Sendable {
    var subject: AlertRanking.Subject
    var outcome: ProgramOutcomes.Facts
    var funnel: PhaseFunnel.Facts
    var row: ProgramScorecardView.PartnerRow
    var card: DirectoryView.Card
    /// The card as `card.html` fills it (`DocumentRenderer.listing`).
    var cardText = ""
    /// The row as `program-scorecard-row.md` fills it (`ProgramScorecardView.row`).
    var rowText = ""

    /// The fields kept as JSON in the cache; the fragments are kept beside
    /// it as text (`fragments`, `restore(fragments:)`).
    private enum CodingKeys: String, CodingKey {
        case subject, outcome, funnel, row, card, record, events
    }

    /// The filled fragments, in a fixed order: the card, then the row.
    package var fragments: [String] { [cardText, rowText] }

    /// Puts back fragments kept by `fragments`; false when they are not all there.
    package mutating func restore(fragments: [String]) -> Bool {
        guard fragments.count == 2 else { return false }
        cardText = fragments[0]
        rowText = fragments[1]
        return true
    }
    var record: DirectoryData.Record
    var events: [ReviewCalendar.Event]

    package var id: String { subject.id }

    package init(_ context: DocumentContext) {
        let partner = context.partner
        subject = AlertRanking.Subject(partner)
        outcome = ProgramOutcomes.Facts(partner, program: context.program, asOf: context.asOf)
        funnel = PhaseFunnel.Facts(partner)
        row = ProgramScorecardView.PartnerRow(context)
        card = DirectoryView.Card(context)
        record = DirectoryData.Record(context)
        events = ReviewCalendar.events(context)
    }
}
