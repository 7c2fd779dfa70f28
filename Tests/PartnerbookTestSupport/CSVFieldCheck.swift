import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
import PartnerbookKit

/// Writes bytes as a field of `partners.csv` and reads it back with the
/// RFC 4180 reader of `record`: the field must come back whole, as one
/// field of one row (with an apostrophe before a formula-looking start).
/// The CSV-writer fuzz target drives this; a test runs it on hostile names.
package enum CSVFieldCheck {
    /// Nil when the field reads back as written; otherwise what came back.
    package static func roundTrip(_ text: String) -> String? {
        let line = "id," + DirectoryData.csvField(text) + "\r\n"
        guard let records = try? CSVTable(text: line).records else { return "(not valid CSV)" }
        guard records.count == 1, records[0].count == 2 else { return "(\(records.count) rows)" }
        let back = records[0][1].text
        let expected = text.unicodeScalars.first.map { "=+-@\t\r\n".unicodeScalars.contains($0) } == true ? "'" + text : text
        return back == expected ? nil : back
    }
}
