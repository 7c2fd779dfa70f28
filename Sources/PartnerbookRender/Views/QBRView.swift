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
        /// The reading's period and its age on the packet's day: "2026-Q2, 192 days old".
        var when: String?
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
    /// An upcoming packet whose review date has passed: "overdue since 15 October 2026".
    var overdueSince: String?
    /// The day the packet is true as of: the review's date, or the as-of date ahead of one.
    var asOf: String
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
        title = "\(QBRView.kind(period)) \(Format.period(period)): \(context.partnerName)"
        company = context.company
        partnerName = context.partnerName
        tier = partner.tier?.value.title ?? "Tier not set"
        quarter = period.description
        periodWord = word
        date = packet.date.map(Format.date) ?? "date to be set"
        // A held review's packet is as of its day; the one ahead, as of the documents' date.
        let day = upcoming ? context.asOf : min(packet.date ?? context.asOf, context.asOf)
        asOf = Format.date(day)
        // A held review: the file as it stood on its day, where git has it (else as it is).
        let then = upcoming ? nil : context.asOfVersions[day]
        let stood = then ?? partner
        status = (upcoming ? partner.status?.value : QBRView.phase(stood, on: day))?.label ?? "Status not set"
        overdueSince = upcoming ? packet.date.flatMap { $0 < context.asOf ? Format.date($0) : nil } : nil

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

        // Held or upcoming, the commitments to check are those made at the
        // review before, marked done as they stood on this review's day.
        let checked = previous.flatMap { earlier in
            then.flatMap { KPIReading.orderedReviews($0).first { $0.period?.value == earlier.period?.value } }
        } ?? previous
        lastCommitmentsUs = checked?.commitments?.us?.commitmentItems ?? []
        lastCommitmentsPartner = checked?.commitments?.partner?.commitmentItems ?? []
        hasLastCommitments = !lastCommitmentsUs.isEmpty || !lastCommitmentsPartner.isEmpty

        // The packet's own period; an upcoming packet shows numbers recorded
        // for it before the meeting as prepared, else the latest held review's.
        // The readings as recorded, judged against the targets as they stood on the day.
        var measured = partner
        if let then, let measurement = then.charter?.measurement { measured.charter?.measurement = measurement }
        let readings = KPIReading.readings(for: measured, upTo: period, asOf: day)
        prepared = upcoming && readings.contains { $0.latest?.period == period }
        let shown = upcoming && !prepared ? (previous?.period?.value ?? period.previous) : period
        thisLabel = !upcoming ? "This \(word) (\(period))" : prepared ? "Prepared for \(period)" : "Latest (\(shown))"
        lastLabel = upcoming && !prepared ? "Previous" : "Last \(word) (\(shown.previous))"
        // A target amended since is told as proposed only where the packet shows today's targets.
        let rows = then == nil ? context.kpiRows(readings) : readings.map { KPIRow($0) }
        metrics = zip(readings, rows).map { reading, row in
            let current = reading.latest?.period == shown
            // A target whose due date has passed is met or not: no percent of a pace that has run out.
            var attainment = current ? row.attainment : "–"
            if current, let due = reading.metric.due?.value, due <= day, let met = reading.meetsTarget {
                attainment = "due \(Format.date(due)): " + (met ? "met" : "not met")
            }
            return MetricRow(name: row.name, this: current ? row.latest : "not reported", when: current ? row.latestWhen : nil,
                             last: current ? row.previous : row.latest,
                             target: row.target, expected: current ? row.expected : "–", change: current ? row.change : "–",
                             attainment: attainment)
        }
        summaryNumbers = metrics.map { row in
            row.this == "not reported" ? "\(row.name): not reported for \(shown)"
                : "\(row.name): \(row.this) against \(row.target)" + (row.attainment == "–" ? "" : " (\(row.attainment))")
        }
        charts = chart.map { [$0] } ?? []
        chartAsOf = Format.date(context.asOf)

        gates = then.map { QBRView.gateRows(PartnerAssessment($0, program: context.program, asOf: day), partner: $0) }
            ?? QBRView.gateRows(assessment, partner: partner)
        self.coMarketing = coMarketing
        let source = review ?? previous
        // Only the risks both sides may read: an internal one is ours (the brief and the scorecard show it).
        risks = (source?.risks ?? []).filter { !$0.isInternal }.map(ScorecardView.RiskRow.init)
        let highlights = MarkdownText.block(review?.highlights?.value)
        self.highlights = highlights.isEmpty ? nil : highlights
        decisions = review?.decisions.proseItems ?? []
        // Made at this review, so open on its day: a done mark on one was added later.
        func made(_ items: [CommitmentItem]) -> [CommitmentItem] { items.map { CommitmentItem(text: $0.text, done: false) } }
        nextCommitmentsUs = made(review?.commitments?.us?.commitmentItems ?? [])
        nextCommitmentsPartner = made(review?.commitments?.partner?.commitmentItems ?? [])
        let done = lastCommitmentsUs + lastCommitmentsPartner
        summaryDelivered = done.isEmpty ? "No commitments were recorded at the previous review."
            : "\(done.filter(\.done).count) of \(done.count) commitments from the previous review done "
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

    /// The charter's go/no-go criteria and where each stands: what both
    /// sides signed, never our return on the run (invested, returned, ROI),
    /// which is ours and stays on the scorecard.
    static func gateRows(_ assessment: PartnerAssessment, partner: Partner) -> [ScorecardView.GateRow] {
        let crawl = assessment.crawlGate, walk = assessment.walkGate, run = assessment.runGate
        let metric = partner.charter?.timeline?.crawl?.metric?.value
        let runStart = partner.charter?.timeline?.run?.start?.value
        return [
            ScorecardView.GateRow(gate: "Crawl",
                                  measured: ScorecardView.measured(crawl),
                                  bar: "the pilot customers improve by \(Format.percentage(crawl.threshold)) or more"
                                      + (metric.map { " (\($0))" } ?? ""),
                                  decision: crawl.decision?.rawValue ?? "not recorded", status: assessment.crawlStatus.rawValue),
            ScorecardView.GateRow(gate: "Walk",
                                  measured: ScorecardView.measured(walk, partner: partner),
                                  bar: "\(Format.percentage(walk.threshold)) or more of the invited customers adopt",
                                  decision: walk.decision?.rawValue ?? "not recorded", status: assessment.walkStatus.rawValue),
            ScorecardView.GateRow(gate: "Run",
                                  measured: "crawl \(crawl.decision?.rawValue ?? "not decided"), walk \(walk.decision?.rawValue ?? "not decided")"
                                      + (runStart.map { "; run planned from \(Format.date($0))" } ?? ""),
                                  bar: "crawl and walk both passed, and both sides commit to scale",
                                  decision: run.decision?.rawValue ?? "not recorded", status: assessment.runStatus.rawValue),
        ]
    }

    /// The phase the partnership was in on `day`: the status today, unless
    /// the charter's timeline had not reached it yet (a review held before
    /// run began was a walk review), or it ended after that day.
    static func phase(_ partner: Partner, on day: Day) -> Status? {
        guard let status = partner.status?.value else { return nil }
        if status == .ended, let end = partner.ended?.value, end <= day { return .ended }
        let timeline = partner.charter?.timeline
        let started = Phase.allCases.last { timeline?[$0]?.start.map { $0.value <= day } ?? false }
        let reached: Status = started.map { Status(rawValue: $0.rawValue) ?? .prospect } ?? .prospect
        let order: [Status] = [.prospect, .crawl, .walk, .run]
        guard status != .ended else { return reached }
        guard let now = order.firstIndex(of: status), let then = order.firstIndex(of: reached) else { return status }
        return order[min(now, then)]
    }

    /// "QBR packet" for a quarter, "Monthly review packet" for a month.
    static func kind(_ period: Period) -> String { period.isMonth ? "Monthly review packet" : "QBR packet" }
}
