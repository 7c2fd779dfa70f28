/// A quarter of the program's year, written `YYYY-Qn` when the year is the
/// calendar year, or `FYyyyy-Qn` when program.yaml sets `fiscal_year_start`
/// to another month. A fiscal year is named by the calendar year it ends
/// in (as Salesforce and most US companies name theirs): with a February
/// start, FY2027 runs from 1 February 2026 to 31 January 2027, and
/// FY2027-Q1 is February to April 2026.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year, or the fiscal year's name.
    public let year: Int
    public let number: Int
    /// The month the year starts in: 1 for the calendar year.
    public let startMonth: Int

    public init?(year: Int, number: Int, startMonth: Int = 1) {
        guard (1...9999).contains(year), (1...4).contains(number), (1...12).contains(startMonth) else { return nil }
        self.year = year
        self.number = number
        self.startMonth = startMonth
    }

    /// Parses `YYYY-Qn` for the calendar year, `FYyyyy-Qn` for a fiscal
    /// year starting in `startMonth` (with January, `FY2027-Q1` is
    /// `2027-Q1`). A calendar quarter in a fiscal program is not a quarter:
    /// it would name three other months.
    public init?(_ text: String, startMonth: Int = 1) {
        let fiscal = text.hasPrefix("FY")
        guard fiscal || startMonth == 1 else { return nil }
        let parts = text.dropFirst(fiscal ? 2 : 0).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].count == 2, parts[1].first == "Q", let n = Int(parts[1].dropFirst()),
              let y = Int(parts[0]) else { return nil }
        self.init(year: y, number: n, startMonth: startMonth)
    }

    /// The quarter of a year starting in `startMonth` that a day falls in.
    public init(containing day: Day, startMonth: Int = 1) {
        let offset = (day.month - startMonth + 12) % 12
        let year = startMonth == 1 || day.month < startMonth ? day.year : day.year + 1
        self.init(year: year, number: offset / 3 + 1, startMonth: startMonth)!
    }

    public var isFiscal: Bool { startMonth != 1 }

    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1, startMonth: startMonth)! : Quarter(year: year, number: number + 1, startMonth: startMonth)!
    }

    public var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4, startMonth: startMonth)! : Quarter(year: year, number: number - 1, startMonth: startMonth)!
    }

    public var firstDay: Day {
        // A fiscal year named Y that does not start in January starts in the calendar year Y - 1.
        let index = (startMonth - 1) + (number - 1) * 3
        return Day(year: (startMonth == 1 ? year : year - 1) + index / 12, month: index % 12 + 1, day: 1)!
    }

    public var lastDay: Day { next.firstDay.adding(days: -1) }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        lhs.firstDay < rhs.firstDay
    }

    public var description: String { (isFiscal ? "FY" : "") + "\(year)-Q\(number)" }

}

/// The program's year: when its quarters start (program.yaml `fiscal_year_start: MONTH`, default January).
public struct FiscalCalendar: Hashable, Sendable {
    public let startMonth: Int

    public init(startMonth: Int = 1) {
        self.startMonth = (1...12).contains(startMonth) ? startMonth : 1
    }

    public static let calendarYear = FiscalCalendar()

    public func quarter(containing day: Day) -> Quarter { Quarter(containing: day, startMonth: startMonth) }
    public func quarter(of month: Month) -> Quarter { quarter(containing: month.firstDay) }
    public func quarter(of period: Period) -> Quarter {
        switch period {
        case .quarter(let q): q
        case .month(let m): quarter(of: m)
        }
    }

    public func quarter(_ text: String) -> Quarter? { Quarter(text, startMonth: startMonth) }

    /// `YYYY-Qn` (or `FYyyyy-Qn`) or `YYYY-MM`.
    public func period(_ text: String) -> Period? {
        if let quarter = quarter(text) { return .quarter(quarter) }
        return Month(text).map { .month($0) }
    }

    /// How a quarter is written in this program, for messages.
    public var quarterForm: String { startMonth == 1 ? "YYYY-Qn" : "FYyyyy-Qn" }
}
