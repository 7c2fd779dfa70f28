import PartnerbookModel
import PartnerbookSupport

/// The crawl gate's result when `phases.crawl.result` is not written: the
/// crawl metric (the charter's `timeline.crawl.metric`, naming a metric of
/// the charter by id or name) as the latest review held from the crawl's
/// start until the walk's start recorded it. The baseline is
/// `phases.crawl.baseline`, else the metric's own `baseline`; the direction
/// is the metric's. A result written in `phases` always wins.
public enum CrawlReading {
    /// The crawl result the gate judges, and the review period its result came from (nil when written in `phases`).
    public static func result(of partner: Partner, asOf: Day) -> (crawl: CrawlResult?, from: Period?) {
        let written = partner.phases?.crawl
        guard written?.result == nil, let metric = metric(of: partner), let id = metric.id?.value else { return (written, nil) }
        let plan = partner.charter?.timeline
        let start = plan?.crawl?.start?.value, walkStart = plan?.walk?.start?.value
        let reviews = QBRPlan.held(partner, asOf: asOf).filter { review in
            guard let date = review.date?.value ?? review.period?.value.lastDay else { return false }
            return (start.map { date >= $0 } ?? true) && (walkStart.map { date <= $0 } ?? true)
        }
        guard let review = reviews.last(where: { $0.value(of: id) != nil }), let value = review.value(of: id) else { return (written, nil) }
        var crawl = written ?? CrawlResult(at: partner.phases?.at ?? plan?.crawl?.at ?? .start)
        let at = review.metrics.first { $0.id.value == id }?.value.at ?? review.at
        crawl.result = Located(value, at: at)
        if crawl.baseline == nil, let baseline = metric.baseline { crawl.baseline = baseline }
        crawl.direction = metric.direction
        return (crawl, review.period?.value)
    }

    /// The charter metric the crawl phase names.
    public static func metric(of partner: Partner) -> Metric? {
        guard let named = partner.charter?.timeline?.crawl?.metric?.value else { return nil }
        let key = Trim.whitespace(named).lowercased()
        let metrics = partner.charter?.measurement?.metrics?.value ?? []
        return metrics.first { $0.id?.value.lowercased() == key } ?? metrics.first { $0.name.map { Trim.whitespace($0.value).lowercased() } == key }
    }
}
