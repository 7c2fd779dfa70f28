import PartnerbookModel
import PartnerbookRules

/// What the program's summary is made of, worked out once from the
/// listings for the three pages that show it (the home page and both
/// program scorecards) and for the outcomes chart.
package struct ProgramFacts: Sendable {
    let outcomes: ProgramOutcomes
    let funnel: PhaseFunnel
    let ranking: AlertRanking
    /// Partner names by ID.
    let names: [String: String]

    package init(program: Program, listings: [PartnerListing], diagnostics: [Diagnostic], asOf: Day) {
        outcomes = ProgramOutcomes(program: program, facts: listings.map(\.outcome), asOf: asOf)
        funnel = PhaseFunnel(facts: listings.map(\.funnel))
        ranking = AlertRanking(subjects: listings.map(\.subject), diagnostics: diagnostics)
        names = Dictionary(listings.map { ($0.id, $0.subject.name) }, uniquingKeysWith: { a, _ in a })
    }
}
