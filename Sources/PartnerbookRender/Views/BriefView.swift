import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What our side's brief for one QBR reads: what we want from the meeting,
/// computed from the data, beside the objectives written in the partner file.
/// It is for us only: the packet goes on the screen, the brief never does,
/// and nothing links to it but the partner page.
package struct BriefView {
    /// The extension document links point to: `md` in Markdown output, `html` in HTML.
    var ext = "md"

    struct Ask {
        /// What the point is about: "Metric", "Commitment", "Gate", "Review", "Signature".
        var topic: String
        /// Plain text.
        package var text: String
        /// Prose from the partner file (Markdown, one line), then more plain text.
        var prose: String? = nil
        var tail: String? = nil
    }

    var title: String
    /// "quarter" or "month".
    var periodWord: String
    var company: String
    var partnerName: String
    var quarter: String
    var date: String
    var held: Bool
    var asOf: String
    var objectives: [ProseItem]
    var hasObjectives: Bool
    var asks: [Ask]
    var hasAsks: Bool
    var tierCheck: String
    var leverage: String
    var verdict: String
    var health: Int
    var band: String
    var capNote: String?
    /// The parts' sum when the score rounds it ("99.6").
    var roundedFrom: String?
    var scoreParts: [ScorecardView.ScorePart]
    /// Our reasoning, kept out of the charter and the packet: the partner's
    /// summary in our words, the leverage evidence, and our answer to "would
    /// both sides still do this if the other walked?" (Markdown, or nil).
    var summary: String?
    var leverageEvidence: String?
    var balance: String?
    var hasReasoning: Bool
    /// The review's risks marked `internal: true`: ours, never in the packet.
    var internalRisks: [ScorecardView.RiskRow]
    var hasInternalRisks: Bool

    init(_ context: DocumentContext, packet: QBRPlan.Packet) {
        let partner = context.partner, assessment = context.assessment
        title = "\(packet.period.isMonth ? "Monthly review brief" : "QBR brief") \(packet.period): \(context.partnerName)"
        company = context.company
        partnerName = context.partnerName
        quarter = packet.period.description
        periodWord = packet.period.unitWord
        date = packet.date.map(Format.date) ?? "date to be set"
        held = !packet.isUpcoming
        asOf = Format.date(context.asOf)
        objectives = packet.objectives.proseItems
        hasObjectives = !objectives.isEmpty

        var asks: [Ask] = []
        // Metrics in red or falling, as the packet shows them (each judged at its reading's date).
        for reading in KPIReading.readings(for: partner, upTo: packet.period, asOf: context.asOf) {
            let unit = reading.metric.unit?.value
            var reasons: [String] = []
            if let band = reading.band, band == .red, let attainment = reading.attainment {
                reasons.append("red at \(Format.percent(attainment)) of \(reading.paceRatio == nil ? "target" : "pace") (\(reading.whenText))")
            }
            if reading.improved == false, let previous = reading.previous, let latest = reading.latest {
                reasons.append("went the wrong way, \(Format.value(previous.value, unit: unit)) to \(Format.value(latest.value, unit: unit))")
            }
            if !reasons.isEmpty {
                asks.append(Ask(topic: "Metric", text: "\(reading.metric.displayName) \(reasons.joined(separator: " and ")): agree what changes before the next review."))
            }
        }
        // Last quarter's commitments not marked done.
        for party in Party.allCases {
            for item in (packet.previous?.commitments?[party] ?? []) where !item.value.isBlank {
                let mark = CommitmentMark.parse(item.value)
                guard !mark.done else { continue }
                asks.append(Ask(topic: "Commitment", text: "\(context.side(party)) committed to",
                                prose: MarkdownText.inline(mark.text), tail: "Done, late, or dropped?"))
            }
        }
        // Standing today: a gate decision due, an overdue review, the signatures.
        if let gate = BriefView.gateDue(context, on: packet.date ?? context.asOf) { asks.append(Ask(topic: "Gate", text: gate)) }
        for diagnostic in context.diagnostics where diagnostic.rule == .reviewOverdue {
            asks.append(Ask(topic: "Review", text: diagnostic.message.capitalizedFirst + ": agree the cadence again."))
        }
        for entry in assessment.signatures.parties where entry.standing != .valid {
            let side = context.side(entry.party)
            let text = entry.standing == .missing
                ? "\(side) has not signed the charter: get it signed."
                : "\(entry.signature?.name?.value ?? side)'s signature for \(side) no longer covers the charter: take the amended charter to signature."
            asks.append(Ask(topic: "Signature", text: text))
        }
        self.asks = asks
        hasAsks = !asks.isEmpty

        let decision = assessment.tierDecision
        tierCheck = decision.map { $0.tier == partner.tier?.value
            ? "\(partner.tier?.value.title ?? "Tier not set"), as the tier decision gives."
            : "\(partner.tier?.value.title ?? "Tier not set"), but the tier decision gives \($0.tier.title): \($0.reason). \(BriefView.tierAdvice(current: partner.tier?.value, decided: $0.tier))"
        } ?? "\(partner.tier?.value.title ?? "Tier not set"); no profile to check it against."
        leverage = (partner.leverage?.type.map { "\($0.value.label) leverage, \(assessment.leverage.strength.rawValue). " } ?? "No leverage identified. ")
            + assessment.leverage.recommendation.sentence
        verdict = assessment.continueDecision.verdict.rawValue.capitalizedFirst + ". " + assessment.continueDecision.reason
        health = assessment.health.total
        band = assessment.health.bandText
        capNote = assessment.health.capNote
        roundedFrom = assessment.health.roundedFrom
        summary = partner.summary.flatMap { $0.value.isBlank ? nil : MarkdownText.block($0.value) }
        leverageEvidence = partner.leverage?.evidence.flatMap { $0.value.isBlank ? nil : MarkdownText.block($0.value) }
        balance = partner.charter?.valueExchange?.balance.flatMap { $0.value.isBlank ? nil : MarkdownText.block($0.value) }
        hasReasoning = summary != nil || leverageEvidence != nil || balance != nil
        internalRisks = ((packet.review ?? packet.previous)?.risks ?? []).filter(\.isInternal).map(ScorecardView.RiskRow.init)
        hasInternalRisks = !internalRisks.isEmpty
        scoreParts = assessment.health.parts.map {
            ScorecardView.ScorePart(title: $0.kind.title, weight: Format.number($0.weight), fraction: Format.percent($0.fraction),
                                    points: Format.number($0.points, decimals: 1))
        }
    }

    /// Which way the tier decision points: raise it, or lower it, before commitments are renewed.
    static func tierAdvice(current: Tier?, decided: Tier) -> String {
        guard let current else { return "Set the tier before renewing commitments." }
        return decided > current ? "Raise the tier before renewing commitments."
                                 : "Lower the tier (and what it commits us to) before renewing commitments."
    }

    /// A go/no-go call due at the meeting: the partner is in crawl or walk,
    /// that phase ends by the meeting (or has numbers), and its decision is not yet go or no-go.
    static func gateDue(_ context: DocumentContext, on day: Day) -> String? {
        let partner = context.partner, a = context.assessment
        guard let status = partner.status?.value, status == .crawl || status == .walk else { return nil }
        let phase: Phase = status == .crawl ? .crawl : .walk
        let decision = phase == .crawl ? a.crawlGate.decision : a.walkGate.decision
        guard decision != .go, decision != .noGo else { return nil }
        let end = partner.charter?.timeline?[phase]?.end?.value
        let numbers = phase == .crawl
            ? a.crawlGate.improvement.map { "improvement \(Format.percentage($0)) against a \(Format.percentage(a.crawlGate.threshold)) bar" }
            : a.walkGate.adoption.map { "adoption \(Format.percentage($0)) against a \(Format.percentage(a.walkGate.threshold)) bar" }
        guard (end.map { $0 <= day } ?? false) || numbers != nil else { return nil }
        let when = end.map { " (the phase \($0 < context.asOf ? "ended" : "ends") on \(Format.date($0)))" } ?? ""
        return "Decide go or no-go on \(phase.rawValue)\(when): " + (numbers ?? "no numbers recorded yet") + "."
    }
}
