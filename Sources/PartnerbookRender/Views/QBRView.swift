import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the QBR packet template reads. A packet is either the record of a
/// review held, or the packet prepared for the next review (`upcoming`),
/// which carries the latest data and blank space for decisions.
///
/// The packet goes to the partner: it carries nothing internal (no health
/// score or band, leverage, tier reasoning, alerts or weights, no link to an
/// internal page). `PacketContentTests` holds it to that.
package struct QBRView {
    /// The extension document links point to: `md` in Markdown output, `html` in HTML.
    var ext = "md"

    struct AgendaItem {
        var time: String
        var topic: String
        var lead: String
    }

    struct MetricRow {
        var name: String
        var this: String
        var last: String
        var target: String
        var expected: String
        var change: String
        var attainment: String
    }

    var title: String
    /// "quarter" or "month".
    var periodWord: String
    /// Numbers for the upcoming review's own period were recorded before the meeting.
    var prepared: Bool
    var company: String
    var partnerName: String
    var tier: String
    var status: String
    var quarter: String
    var date: String
    var upcoming: Bool
    var attendees: String
    var agenda: [AgendaItem]
    var lastCommitmentsUs: [CommitmentItem]
    var lastCommitmentsPartner: [CommitmentItem]
    var hasLastCommitments: Bool
    var thisLabel: String
    var lastLabel: String
    var metrics: [MetricRow]
    var charts: [ChartView]
    /// The chart is the partner's, as of this date (a held packet shares it rather than drawing its own).
    var chartAsOf: String
    var gates: [ScorecardView.GateRow]
    var coMarketing: [ScorecardView.StageRow]
    var risks: [ScorecardView.RiskRow]
    var highlights: String?
    var decisions: [ProseItem]
    var nextCommitmentsUs: [CommitmentItem]
    var nextCommitmentsPartner: [CommitmentItem]
    var nextReview: String
    /// The summary at the top: the numbers against target, what was
    /// delivered, and what each side is asked for.
    var summaryNumbers: [String]
    var summaryDelivered: String
    var asksUs: [ProseItem]
    var asksPartner: [ProseItem]

    /// - Parameter packet: the review it records (nil for the upcoming one) and the review before it.
    init(_ context: DocumentContext, packet: QBRPlan.Packet, coMarketing: [ScorecardView.StageRow], chart: ChartView?) {
        let partner = context.partner, assessment = context.assessment
        let period = packet.period, review = packet.review, previous = packet.previous
        let word = period.unitWord
        upcoming = review == nil
        title = "\(QBRView.kind(period)) \(period): \(context.partnerName)"
        company = context.company
        partnerName = context.partnerName
        tier = partner.tier?.value.title ?? "Tier not set"
        status = partner.status?.value.label ?? "Status not set"
        quarter = period.description
        periodWord = word
        date = packet.date.map(Format.date) ?? "date to be set"

        let owners = partner.charter?.governance?.owners
        let proposed = ([owners?.us, owners?.partner, partner.contacts?.sponsors?.us, partner.contacts?.sponsors?.partner]
            .compactMap { $0 })
        let people = review?.attendees ?? [packet.planned?.attendees ?? [], previous?.attendees ?? [], proposed].first { !$0.isEmpty } ?? []
        attendees = people.isEmpty ? "to be confirmed" : people.map(\.value).joined(separator: ", ")
        let leads = [owners?.us?.value, owners?.partner?.value].compactMap { $0 }.joined(separator: " and ")
        let usLead = owners?.us?.value ?? context.company
        agenda = [
            AgendaItem(time: "0:00–0:05", topic: "Welcome, goals and attendees", lead: usLead),
            AgendaItem(time: "0:05–0:15", topic: "Last \(word)'s commitments: done or not", lead: leads),
            AgendaItem(time: "0:15–0:30", topic: "Metrics against target", lead: usLead),
            AgendaItem(time: "0:30–0:35", topic: "Phase and go/no-go gates", lead: leads),
            AgendaItem(time: "0:35–0:40", topic: "Co-marketing progress", lead: leads),
            AgendaItem(time: "0:40–0:50", topic: "Risks, owners and actions", lead: leads),
            AgendaItem(time: "0:50–1:00", topic: "Decisions and next \(word)'s commitments", lead: "Executive sponsors"),
        ]

        // Held or upcoming, the commitments to check are those made at the review before.
        lastCommitmentsUs = previous?.commitments?.us?.commitmentItems ?? []
        lastCommitmentsPartner = previous?.commitments?.partner?.commitmentItems ?? []
        hasLastCommitments = !lastCommitmentsUs.isEmpty || !lastCommitmentsPartner.isEmpty

        // The packet's own period; an upcoming packet shows numbers recorded
        // for it before the meeting as prepared, else the latest held review's.
        let readings = KPIReading.readings(for: partner, upTo: period, asOf: context.asOf)
        prepared = upcoming && readings.contains { $0.latest?.period == period }
        let shown = upcoming && !prepared ? (previous?.period?.value ?? period.previous) : period
        thisLabel = !upcoming ? "This \(word) (\(period))" : prepared ? "Prepared for \(period)" : "Latest (\(shown))"
        lastLabel = upcoming && !prepared ? "Previous" : "Last \(word) (\(shown.previous))"
        metrics = readings.map { reading in
            let row = KPIRow(reading)
            let current = reading.latest?.period == shown
            return MetricRow(name: row.name, this: current ? row.latest : "not reported", last: current ? row.previous : row.latest,
                             target: row.target, expected: current ? row.expected : "–", change: current ? row.change : "–",
                             attainment: current ? row.attainment : "–")
        }
        summaryNumbers = metrics.map { row in
            row.this == "not reported" ? "\(row.name): not reported for \(shown)"
                : "\(row.name): \(row.this) against \(row.target)" + (row.attainment == "–" ? "" : " (\(row.attainment))")
        }
        charts = chart.map { [$0] } ?? []
        chartAsOf = Format.date(context.asOf)

        gates = ScorecardView.gateRows(assessment, partner: partner, currency: context.program.currency)
        self.coMarketing = coMarketing
        let source = review ?? previous
        risks = (source?.risks ?? []).map(ScorecardView.RiskRow.init)
        let highlights = MarkdownText.block(review?.highlights?.value)
        self.highlights = highlights.isEmpty ? nil : highlights
        decisions = review?.decisions.proseItems ?? []
        nextCommitmentsUs = review?.commitments?.us?.commitmentItems ?? []
        nextCommitmentsPartner = review?.commitments?.partner?.commitmentItems ?? []
        let checked = lastCommitmentsUs + lastCommitmentsPartner
        summaryDelivered = checked.isEmpty ? "No commitments were recorded at the previous review."
            : "\(checked.filter(\.done).count) of \(checked.count) commitments from the previous review done "
                + "(\(company) \(lastCommitmentsUs.filter(\.done).count) of \(lastCommitmentsUs.count), "
                + "\(partnerName) \(lastCommitmentsPartner.filter(\.done).count) of \(lastCommitmentsPartner.count))."
        // Asked of each side: what it committed to at this review; before
        // the meeting, what is still open from the last one.
        let isUpcoming = review == nil
        func asks(_ next: [CommitmentItem], _ last: [CommitmentItem]) -> [ProseItem] {
            (isUpcoming ? last.filter { !$0.done } : next).map { ProseItem(text: $0.text) }
        }
        asksUs = asks(nextCommitmentsUs, lastCommitmentsUs)
        asksPartner = asks(nextCommitmentsPartner, lastCommitmentsPartner)
        nextReview = review.map { Format.date($0.nextReview?.value) } ?? "to be set at this review"
    }

    /// "QBR packet" for a quarter, "Monthly review packet" for a month.
    static func kind(_ period: Period) -> String { period.isMonth ? "Monthly review packet" : "QBR packet" }
}
