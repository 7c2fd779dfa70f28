import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What every document of one partner shares: names, the assessment, the as-of date.
package struct DocumentContext {
    package var program: Program
    package var partner: Partner
    var assessment: PartnerAssessment
    var asOf: Day
    /// This partner's diagnostics from `check`.
    package var diagnostics: [Diagnostic]
    /// The partner's signed texts from git history, for what changed since a stale signature.
    var signedTexts: SignedTexts?
    /// What OpenSSH said about the partner's SSH signatures.
    var sshVerifications: SSHVerifications
    /// What every charter shares and signs, with the charter template's hash.
    var frame: CharterFrame
    /// The partner file as it stood on a held review's day, where it has
    /// changed since (from git): by the review's day.
    package var asOfVersions: [Day: Partner] = [:]

    var company: String { program.company?.value ?? "Us" }

    var partnerName: String { partner.displayName }

    func side(_ party: Party) -> String { party.side(company: company, partner: partnerName) }

    /// The KPI rows of `readings`, each amended target told as proposed.
    func kpiRows(_ readings: [KPIReading]) -> [KPIRow] {
        let metrics = partner.charter?.measurement?.metrics?.value ?? []
        return readings.map { reading in
            KPIRow(reading, index: metrics.firstIndex { $0.id?.value == reading.metric.id?.value }, amended: amendedTerms)
        }
    }

    /// The terms amended since the latest signature and not yet signed
    /// again: each changed path of the signed text (`charter.measurement.metrics[2].target`)
    /// with its signed value (nil where the term was added). Empty when
    /// nothing changed, nothing was signed, or the signed text is unknown.
    /// Worked out once per partner (the scorecard, its page and every packet read it).
    let amendedTerms: [String: String?]

    static func amendedTerms(_ partner: Partner, assessment: PartnerAssessment, signedTexts: SignedTexts?,
                             frame: CharterFrame) -> [String: String?] {
        let stale = assessment.signatures.parties.filter { $0.standing == .stale }.compactMap(\.signature)
        guard let signature = stale.max(by: { ($0.date?.value.description ?? "") < ($1.date?.value.description ?? "") }),
              let diff = signedTexts?.changes(since: signature, of: partner, frame: frame).diff else { return [:] }
        return Dictionary(diff.changes.map { ($0.path, $0.old) }, uniquingKeysWith: { a, _ in a })
    }

    package init(program: Program, partner: Partner, assessment: PartnerAssessment, asOf: Day, diagnostics: [Diagnostic],
                 frame: CharterFrame, signedTexts: SignedTexts? = nil, sshVerifications: SSHVerifications = SSHVerifications()) {
        self.program = program
        self.frame = frame
        self.partner = partner
        self.assessment = assessment
        self.asOf = asOf
        self.diagnostics = diagnostics
        self.signedTexts = signedTexts
        self.sshVerifications = sshVerifications
        amendedTerms = DocumentContext.amendedTerms(partner, assessment: assessment, signedTexts: signedTexts, frame: frame)
    }
}

extension DocumentContext {
    /// A partner's context: its assessment computed, its diagnostics picked
    /// from `byFile`, the built-in charter template's hash in its frame.
    package init(_ partner: Partner, program: Program, asOf: Day, byFile: [String: [Diagnostic]], signedTexts: SignedTexts? = nil,
                 sshVerifications: SSHVerifications = SSHVerifications()) {
        let frame = program.charterFrame(template: CharterWording.builtIn)
        self.init(program: program, partner: partner,
                  assessment: PartnerAssessment(partner, program: program, asOf: asOf,
                                                signatures: SignatureState(partner, frame: frame)),
                  asOf: asOf, diagnostics: byFile[partner.file] ?? [], frame: frame, signedTexts: signedTexts,
                  sshVerifications: sshVerifications)
    }
}

/// A bullet of prose, ready for a one-line Markdown context.
package struct ProseItem {
    package var text: String

    package init(text: String) {
        self.text = text
    }
}

extension Array where Element == Located<String> {
    /// Non-blank items as one-line prose.
    var proseItems: [ProseItem] {
        filter { !$0.value.isBlank }.map { ProseItem(text: MarkdownText.inline($0.value)) }
    }
}

/// A commitment made at a review, marked done or not (see `CommitmentMark`).
package struct CommitmentItem {
    package var text: String
    var done: Bool

    package init(text: String, done: Bool) {
        self.text = text
        self.done = done
    }
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
package struct Row {
    var label: String
    var value: String

    package init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
