import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
import PartnerbookKit

/// Reads bytes as a metrics CSV the way `record` does: the RFC 4180 reader,
/// the long or wide sheet, every value's number. The CSV fuzz target drives this.
package enum CSVFileCheck {
    /// The number of values read, or -1 for a syntax error.
    @discardableResult
    package static func run(_ data: Data) -> Int {
        guard let table = try? CSVTable(data) else { return -1 }
        var problems: [RecordProblem] = []
        let sheet = MetricSheet(table, problems: &problems)
        return sheet.entries.compactMap { MetricSheet.number($0.value.text) }.count
    }
}
