import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// Records metric values in one quarter's review of a partner file's text,
/// leaving every other byte as it was:
///
/// - no review for the quarter: a new review is appended to `reviews`
///   (see `YAMLList`) with the quarter, the date when one is given, and a
///   flow mapping of the values;
/// - a review with a flow `metrics: { ... }`: values go before the closing
///   brace, replaced ones in place;
/// - a review with a block `metrics:` mapping: values go on new lines after
///   its last entry, at its indentation, replaced ones in place;
/// - a review without metrics (or with an empty `metrics:`): a
///   `metrics: { ... }` line is added to the review.
///
/// Which values may be replaced is the caller's decision (`record --replace`).
package enum ReviewWriter {
    struct Value {
        var metric: String
        var number: Double

        var text: String { ReviewWriter.text(number) }
    }

    /// A number as YAML text: integers without a fraction.
    static func text(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    static func recording(_ values: [Value], period: Period, date: Day?, in source: String, root: YNode) throws -> String {
        var text = YAMLText(source)
        let quarter = period
        let flowValues = values.map { "\($0.metric): \($0.text)" }.joined(separator: ", ")
        guard let review = reviewItem(for: period, in: root) else {
            try appendReview(period, date: date, metrics: flowValues, to: &text, root: root)
            return text.text
        }
        guard review.isMapping else {
            throw YAMLList.Unsupported(description: "the \(quarter) review is not a mapping; fix the file first")
        }
        let itemMark = review.position
        let itemIsFlow = text.character(at: itemMark) == "{"
        guard let (metricsKey, metrics) = review.pairs.first(where: { $0.key.text == "metrics" }) else {
            if itemIsFlow {
                try text.insertEntry("metrics: { \(flowValues) }", intoFlowMappingAt: itemMark)
            } else {
                let indent = itemMark.column - 1
                let end = text.blockEnd(first: itemMark.line - 1, indent: indent)
                text.insertLines([String(repeating: " ", count: indent) + "metrics: { \(flowValues) }"], after: end)
            }
            return text.text
        }

        let keyMark = metricsKey.position
        if metrics.isMapping {
            let entries = metrics.pairs
            let metricsMark = metrics.position
            let isFlow = text.character(at: metricsMark) == "{"
            let existing = Dictionary(entries.map { ($0.key.text ?? "", $0.value) }, uniquingKeysWith: { a, _ in a })
            // Replace in place, right to left so earlier columns stay valid.
            let replaced = values.compactMap { value in existing[value.metric].map { (value, $0.position) } }
                .sorted { ($0.1.line, $0.1.column) > ($1.1.line, $1.1.column) }
            for (value, mark) in replaced {
                guard let end = text.scalarEnd(line: mark.line - 1, column: mark.column - 1, inFlow: isFlow) else {
                    throw YAMLList.Unsupported(description: "cannot replace the value of \(value.metric): it spans lines")
                }
                text.replace(line: mark.line - 1, from: mark.column - 1, to: end, with: value.text)
            }
            let added = values.filter { existing[$0.metric] == nil }
            guard !added.isEmpty else { return text.text }
            let addedText = added.map { "\($0.metric): \($0.text)" }.joined(separator: ", ")
            if isFlow {
                try text.insertEntry(addedText, intoFlowMappingAt: metricsMark)
            } else {
                let indent = metricsMark.column - 1
                let last = entries.map { $0.value.position.line }.max() ?? metricsMark.line
                let end = text.blockEnd(first: last - 1, indent: indent + 1)
                text.insertLines(added.map { String(repeating: " ", count: indent) + "\($0.metric): \($0.text)" }, after: end)
            }
        } else if metrics.isNull {
            // `metrics:` or `metrics: ~`: the empty value becomes the mapping.
            text.replaceEmptyValue(of: "metrics", at: keyMark, with: "{ \(flowValues) }")
        } else {
            throw YAMLList.Unsupported(description: "the \(quarter) review's metrics is not a mapping; fix the file first")
        }
        return text.text
    }

    /// Appends a review of `period` to the file's `reviews`, with its date and
    /// its values (`a: 1, b: 2`) when given, in the list's style.
    static func appendReview(_ period: Period, date: Day?, metrics: String? = nil, to text: inout YAMLText, root: YNode) throws {
        var fields = ["\(period.isMonth ? "month" : "quarter"): \(period)"]
        if let date { fields.append("date: \(date)") }
        if let metrics { fields.append("metrics: { \(metrics) }") }
        try YAMLList.append(to: &text, key: "reviews", root: root, block: fields, flow: "{ " + fields.joined(separator: ", ") + " }")
    }

    /// The review of `period` in the file's `reviews` list, if there is one.
    static func reviewItem(for period: Period, in root: YNode) -> YNode? {
        guard let reviews = root["reviews"], reviews.isSequence else { return nil }
        let key = period.isMonth ? "month" : "quarter"
        // The text read in the period's own year (a fiscal quarter's `FY2027-Q1`).
        var calendar = FiscalCalendar.calendarYear
        if case .quarter(let quarter) = period { calendar = FiscalCalendar(startMonth: quarter.startMonth) }
        return reviews.items.first { item in
            guard let value = item[key]?.text else { return false }
            return calendar.period(Trim.spaces(value)) == period
        }
    }
}
