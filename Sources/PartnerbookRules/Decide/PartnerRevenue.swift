import PartnerbookModel
import PartnerbookSupport
/// What one partner brought in a quarter, in the program's currency, from
/// its metrics marked `counts_toward: partner_revenue`:
///
/// - `period: quarter`: the reading in the quarter's review;
/// - `period: month`: the sum of the readings of the quarter's months, every
///   month the partnership ran in the quarter recorded;
/// - `period: to_date` (a running total): the reading at the quarter's end
///   (its review, or the review of its last month) minus the reading at the
///   end of the quarter before (the metric's `baseline`, else 0, when the
///   partnership began in the quarter).
///
/// A reading in another currency is multiplied by the program's rate for
/// it (`exchange_rates`, the quarter's own or the default). When a figure
/// cannot be made (a month missing, nothing to subtract, no rate), the
/// quarter has no figure for the partner and says why: a figure that could
/// be silently wrong is left out and named.
public struct PartnerRevenue: Sendable {
    public enum Figure: Sendable, Equatable {
        case amount(Double)
        case missing(String)
    }

    public let partner: Partner
    let metrics: [Metric]
    public let program: Program
    let begun: Day?
    let ended: Day?
    let reviews: [Review]

    public init(_ partner: Partner, program: Program) {
        self.partner = partner
        self.program = program
        metrics = (partner.charter?.measurement?.metrics?.value ?? []).filter { $0.countsToward?.value == .partnerRevenue }
        begun = ProgramOutcomes.beginDate(partner)
        ended = ProgramOutcomes.endDate(partner)
        reviews = KPIReading.orderedReviews(partner)
    }

    /// Whether any metric counts toward partner revenue.
    public var counts: Bool { !metrics.isEmpty }

    /// The partner's figure for `quarter`, or why there is none; nil when no metric counts.
    public func figure(_ quarter: Quarter) -> Figure? {
        guard counts else { return nil }
        var total = 0.0
        for metric in metrics {
            switch amount(of: metric, in: quarter) {
            case .amount(let value): total += value
            case .missing(let why): return .missing(why)
            }
        }
        return .amount(total)
    }

    private func amount(of metric: Metric, in quarter: Quarter) -> Figure {
        guard let id = metric.id?.value else { return .missing("a revenue metric has no id") }
        guard let period = metric.period?.value else { return .missing("\(id) has no period") }
        let native: Double
        switch period {
        case .quarter:
            guard let value = reading(id, .quarter(quarter)) else { return .missing("no \(quarter) reading of \(id)") }
            native = value
        case .month:
            var sum = 0.0
            for month in quarter.months where ran(in: month) {
                guard let value = reading(id, .month(month)) else { return .missing("no \(month) reading of \(id)") }
                sum += value
            }
            native = sum
        case .toDate:
            guard let end = atEnd(of: quarter, id) else { return .missing("no reading of \(id) at the end of \(quarter)") }
            let previous: Double
            if let before = atEnd(of: quarter.previous, id) {
                previous = before
            } else if let begun, begun >= quarter.firstDay {
                previous = metric.baseline?.value ?? 0
            } else {
                return .missing("no reading of \(id) at the end of \(quarter.previous) to subtract from the running total")
            }
            native = end - previous
        }
        let unit = Currency.code(metric.unit?.value ?? "") ?? ""
        if unit == program.currency { return .amount(native) }
        guard let rate = program.exchangeRates.rate(unit, in: quarter) else {
            return .missing("no exchange rate for \(unit.isEmpty ? "its unit" : unit) in \(quarter)")
        }
        return .amount(native * rate)
    }

    /// Whether the partnership ran for some of `month`.
    private func ran(in month: Month) -> Bool {
        guard let begun, begun <= month.lastDay else { return false }
        return ended.map { $0 > month.firstDay } ?? true
    }

    private func reading(_ id: String, _ period: Period) -> Double? {
        reviews.first { $0.period?.value == period }?.value(of: id)
    }

    /// A running total at a quarter's end: the quarter's review, else its last month's.
    private func atEnd(of quarter: Quarter, _ id: String) -> Double? {
        reading(id, .quarter(quarter)) ?? reading(id, .month(quarter.months[2]))
    }
}
