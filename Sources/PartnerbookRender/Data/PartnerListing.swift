import Foundation
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
///
/// Its facts are held in one object shared by every copy: a listing is
/// copied from the partners step's results into the list the program pages
/// read, and held inline it was 624 bytes, each copy of every listing at
/// 100,000 partners 62 MB more at the build's peak.
package struct PartnerListing: Sendable {
    /// The facts, made once and never changed.
    private final class Facts: Sendable {
        let subject: AlertRanking.Subject
        let outcome: ProgramOutcomes.Facts
        let funnel: PhaseFunnel.Facts
        let row: ProgramScorecardView.PartnerRow
        let record: DirectoryData.Record
        let events: [ReviewCalendar.Event]

        init(subject: AlertRanking.Subject, outcome: ProgramOutcomes.Facts, funnel: PhaseFunnel.Facts, row: ProgramScorecardView.PartnerRow,
             record: DirectoryData.Record, events: [ReviewCalendar.Event]) {
            self.subject = subject
            self.outcome = outcome
            self.funnel = funnel
            self.row = row
            self.record = record
            self.events = events
        }
    }

    private let facts: Facts
    var subject: AlertRanking.Subject { facts.subject }
    var outcome: ProgramOutcomes.Facts { facts.outcome }
    var funnel: PhaseFunnel.Facts { facts.funnel }
    var row: ProgramScorecardView.PartnerRow { facts.row }
    var record: DirectoryData.Record { facts.record }
    var events: [ReviewCalendar.Event] { facts.events }
    /// The card's fields as JSON, kept beside the listing as a fragment and
    /// decoded when a person's `index.html` reads them (`cardFields`); empty
    /// when the home page is the built-in one, which inserts `cardText` (the
    /// JSON was a tenth of what a build kept of each partner). The templates
    /// are part of every partner's key in the store, so a listing made
    /// without it is never reused under a template that reads it.
    var cardJSON = ""
    /// The card as `card.html` fills it (`DocumentRenderer.listing`).
    var cardText = ""
    /// The row as `program-scorecard-row.md` fills it (`ProgramScorecardView.row`).
    var rowText = ""

    /// The fragments, in a fixed order: the card, the row, the card's fields.
    package var fragments: [String] { [cardText, rowText, cardJSON] }

    /// Puts back fragments kept by `fragments`; false when they are not all there.
    package mutating func restore(fragments: [String]) -> Bool {
        guard fragments.count == 3 else { return false }
        cardText = fragments[0]
        rowText = fragments[1]
        cardJSON = fragments[2]
        return true
    }

    /// A card's fields as the templates read them, decoded from its `cardJSON`.
    static func cardFields(_ json: String) throws -> [String: Any] {
        do {
            return MustacheBox.view(try JSONDecoder().decode(DirectoryView.Card.self, from: Data(json.utf8)))
        } catch {
            throw StoredCardError(description: "a partner's card kept by the last build cannot be read (\(error)); build again with --no-cache")
        }
    }
    package var id: String { subject.id }

    /// How many listings are in each tier and each status, in one pass by
    /// index (a `count(where:)` per tier and status copied every listing, all
    /// its strings retained, a dozen times over).
    static func counts(_ listings: [PartnerListing]) -> (tiers: [Tier: Int], statuses: [Status: Int]) {
        var tiers: [Tier: Int] = [:], statuses: [Status: Int] = [:]
        for index in listings.indices {
            if let tier = listings[index].subject.tier { tiers[tier, default: 0] += 1 }
            if let status = listings[index].subject.status { statuses[status, default: 0] += 1 }
        }
        return (tiers, statuses)
    }

    /// A listing of these values, its fragments empty (`restore(fragments:)` puts them back).
    init(subject: AlertRanking.Subject, outcome: ProgramOutcomes.Facts, funnel: PhaseFunnel.Facts, row: ProgramScorecardView.PartnerRow,
         record: DirectoryData.Record, events: [ReviewCalendar.Event]) {
        facts = Facts(subject: subject, outcome: outcome, funnel: funnel, row: row, record: record, events: events)
    }

    /// A card's fields as `cardFields` reads them back.
    static func cardJSON(_ card: DirectoryView.Card) -> String {
        // A card is text and whole numbers: JSON can always write it.
        String(decoding: (try? JSONEncoder().encode(card)) ?? Data(), as: UTF8.self)
    }

    init(_ context: DocumentContext) {
        let partner = context.partner
        self.init(subject: AlertRanking.Subject(partner), outcome: ProgramOutcomes.Facts(partner, program: context.program, asOf: context.asOf),
                  funnel: PhaseFunnel.Facts(partner), row: ProgramScorecardView.PartnerRow(context), record: DirectoryData.Record(context),
                  events: ReviewCalendar.events(context))
    }
}
