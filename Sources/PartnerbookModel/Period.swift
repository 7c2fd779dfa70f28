/// A calendar month written `YYYY-MM`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    public var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }
    public var previous: Month { month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)! }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

extension Quarter {
    /// The quarter's three months, in order.
    public var months: [Month] {
        let first = firstDay.calendarMonth
        return [first, first.next, first.next.next]
    }
}

extension Day {
    /// The month the day falls in.
    public var calendarMonth: Month { Month(year: year, month: month)! }
}

/// What a review or a reading covers: a quarter (`2026-Q3`) or, for a
/// partner reviewed monthly, a month (`2026-11`).
public enum Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    case quarter(Quarter)
    case month(Month)

    /// Parses `YYYY-Qn` or `YYYY-MM` (a fiscal program's quarters: `FiscalCalendar.period`).
    public init?(_ text: String) {
        guard let period = FiscalCalendar.calendarYear.period(text) else { return nil }
        self = period
    }

    public var firstDay: Day {
        switch self {
        case .quarter(let q): q.firstDay
        case .month(let m): m.firstDay
        }
    }

    /// The day a reading of this period is as of.
    public var lastDay: Day {
        switch self {
        case .quarter(let q): q.lastDay
        case .month(let m): m.lastDay
        }
    }


    public var next: Period {
        switch self {
        case .quarter(let q): .quarter(q.next)
        case .month(let m): .month(m.next)
        }
    }

    public var previous: Period {
        switch self {
        case .quarter(let q): .quarter(q.previous)
        case .month(let m): .month(m.previous)
        }
    }

    public var isMonth: Bool { if case .month = self { true } else { false } }

    /// "quarter" or "month".
    public var unitWord: String { isMonth ? "month" : "quarter" }

    /// Whether the two periods share a day (a month inside a quarter, or the same period).
    public func overlaps(_ other: Period) -> Bool {
        firstDay <= other.lastDay && other.firstDay <= lastDay
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }

    public var description: String {
        switch self {
        case .quarter(let q): q.description
        case .month(let m): m.description
        }
    }
}
