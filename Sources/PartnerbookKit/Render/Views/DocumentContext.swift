/// What every document of one partner shares: names, the assessment, the as-of date.
struct DocumentContext {
    var program: Program
    var partner: Partner
    var assessment: PartnerAssessment
    var asOf: Day
    /// This partner's diagnostics from `check`.
    var diagnostics: [Diagnostic]

    var company: String { program.company?.value ?? "Us" }

    var partnerName: String { partner.displayName }

    func side(_ party: Party) -> String { party.side(company: company, partner: partnerName) }
}

extension DocumentContext {
    /// A partner's context: its assessment computed, its diagnostics picked from `byFile`.
    init(_ partner: Partner, program: Program, asOf: Day, byFile: [String: [Diagnostic]]) {
        self.init(program: program, partner: partner, assessment: PartnerAssessment(partner, program: program, asOf: asOf),
                  asOf: asOf, diagnostics: byFile[partner.file] ?? [])
    }
}

/// A bullet of prose, ready for a one-line Markdown context.
struct ProseItem {
    var text: String
}

extension Array where Element == Located<String> {
    /// Non-blank items as one-line prose.
    var proseItems: [ProseItem] {
        filter { !$0.value.isBlank }.map { ProseItem(text: MarkdownText.inline($0.value)) }
    }
}

/// A labelled row of a two-column table.
struct Row {
    var label: String
    var value: String
}
