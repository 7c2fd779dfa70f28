import Foundation
import PartnerbookSupport

/// How an export writes numbers and dates: `--locale de` or program.yaml
/// `record.locale` (`38.250,00 €`, `14.01.2027`); English by default
/// (`38,250.00`, `1/14/2027`). The separators and the order of day and month
/// come from Foundation's locale data, so any locale it knows works
/// (`fr`: `38 250,00`, `en_GB`: `14/01/2027`).
package struct NumberConvention: Sendable, Equatable {
    package var identifier: String
    /// The decimal mark: `.` or `,`.
    package var decimal: Character
    /// The thousands separator, besides spaces and `_`, which are always allowed.
    package var grouping: Character
    /// Whether a date written with slashes puts the day first.
    package var dayFirst: Bool

    package static let english = NumberConvention(identifier: "en_US", decimal: ".", grouping: ",", dayFirst: false)

    private init(identifier: String, decimal: Character, grouping: Character, dayFirst: Bool) {
        self.identifier = identifier
        self.decimal = decimal
        self.grouping = grouping
        self.dayFirst = dayFirst
    }

    /// A locale Foundation knows (`de`, `de-DE`, `de_DE`, `fr`, `en_GB`); nil for any other text.
    package init?(locale text: String) {
        let identifier = text.replacingOccurrences(of: "-", with: "_")
        guard Locale.availableIdentifiers.contains(identifier) else { return nil }
        let locale = Locale(identifier: identifier)
        guard let decimal = locale.decimalSeparator?.first, let grouping = locale.groupingSeparator?.first, decimal != grouping else { return nil }
        let pattern = DateFormatter.dateFormat(fromTemplate: "yMd", options: 0, locale: locale) ?? "M/d/y"
        let dayAt = pattern.firstIndex(of: "d"), monthAt = pattern.firstIndex(of: "M")
        self.init(identifier: identifier, decimal: decimal, grouping: grouping,
                  dayFirst: dayAt != nil && monthAt != nil && dayAt! < monthAt!)
    }

    /// "a decimal comma" or "a decimal point", for messages.
    var decimalWords: String { decimal == "," ? "a decimal comma" : "a decimal point" }
}
