/// What every document of one partner shares: names, the assessment, the as-of date.
struct DocumentContext {
    var program: Program
    var partner: Partner
    var assessment: PartnerAssessment
    var asOf: Day
    /// This partner's diagnostics from `check`.
    var diagnostics: [Diagnostic]
    /// The partner's signed texts from git history, for what changed since a stale signature.
    var signedTexts: SignedTexts?

    var company: String { program.company?.value ?? "Us" }

    var partnerName: String { partner.displayName }

    func side(_ party: Party) -> String { party.side(company: company, partner: partnerName) }
}

extension DocumentContext {
    /// A partner's context: its assessment computed, its diagnostics picked from `byFile`.
    init(_ partner: Partner, program: Program, asOf: Day, byFile: [String: [Diagnostic]], signedTexts: SignedTexts? = nil) {
        self.init(program: program, partner: partner, assessment: PartnerAssessment(partner, program: program, asOf: asOf),
                  asOf: asOf, diagnostics: byFile[partner.file] ?? [], signedTexts: signedTexts)
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

/// A commitment made at a review, marked done or not (see `CommitmentMark`).
struct CommitmentItem {
    var text: String
    var done: Bool
}

extension Array where Element == Located<String> {
    /// Non-blank commitments as one-line prose with their done mark.
    var commitmentItems: [CommitmentItem] {
        filter { !$0.value.isBlank }.map { item in
            let mark = CommitmentMark.parse(item.value)
            return CommitmentItem(text: MarkdownText.inline(mark.text), done: mark.done)
        }
    }
}

/// A labelled row of a two-column table.
struct Row {
    var label: String
    var value: String
}
