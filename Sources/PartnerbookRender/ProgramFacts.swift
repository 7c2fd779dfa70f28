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
        // By index: a `map` over the listings copies each whole listing (every string retained) to read one field.
        outcomes = ProgramOutcomes(program: program, facts: listings.indices.map { listings[$0].outcome }, asOf: asOf)
        funnel = PhaseFunnel(facts: listings.indices.map { listings[$0].funnel })
        ranking = AlertRanking(subjects: listings.indices.map { listings[$0].subject }, diagnostics: diagnostics)
        names = Dictionary(listings.indices.map { (listings[$0].id, listings[$0].subject.name) }, uniquingKeysWith: { a, _ in a })
    }
}
