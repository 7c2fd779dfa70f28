/// A calendar month written `YYYY-MM`.
package struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int

    package init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    package var firstDay: Day { Day(year: year, month: month, day: 1)! }
    package var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }
    package var next: Month { month == 12 ? Month(year: year + 1, month: 1)! : Month(year: year, month: month + 1)! }
    package var previous: Month { month == 1 ? Month(year: year - 1, month: 12)! : Month(year: year, month: month - 1)! }
    /// The quarter the month falls in.
    package var quarter: Quarter { Quarter(year: year, number: (month - 1) / 3 + 1)! }

    package static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    package var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

extension Quarter {
    /// The quarter's three months, in order.
    package var months: [Month] { (0..<3).map { Month(year: year, month: (number - 1) * 3 + 1 + $0)! } }
}

extension Day {
    /// The month the day falls in.
    package var calendarMonth: Month { Month(year: year, month: month)! }
}

/// What a review or a reading covers: a quarter (`2026-Q3`) or, for a
/// partner reviewed monthly, a month (`2026-11`).
package enum Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    case quarter(Quarter)
    case month(Month)

    /// Parses `YYYY-Qn` or `YYYY-MM`.
    package init?(_ text: String) {
        if let quarter = Quarter(text) { self = .quarter(quarter) } else if let month = Month(text) { self = .month(month) } else { return nil }
    }

    package var firstDay: Day {
        switch self {
        case .quarter(let q): q.firstDay
        case .month(let m): m.firstDay
        }
    }

    /// The day a reading of this period is as of.
    package var lastDay: Day {
        switch self {
        case .quarter(let q): q.lastDay
        case .month(let m): m.lastDay
        }
    }

    /// The quarter the period is, or falls in.
    package var quarter: Quarter {
        switch self {
        case .quarter(let q): q
        case .month(let m): m.quarter
        }
    }

    package var next: Period {
        switch self {
        case .quarter(let q): .quarter(q.next)
        case .month(let m): .month(m.next)
        }
    }

    package var previous: Period {
        switch self {
        case .quarter(let q): .quarter(q.previous)
        case .month(let m): .month(m.previous)
        }
    }

    package var isMonth: Bool { if case .month = self { true } else { false } }

    /// "quarter" or "month".
    package var unitWord: String { isMonth ? "month" : "quarter" }

    /// Whether the two periods share a day (a month inside a quarter, or the same period).
    package func overlaps(_ other: Period) -> Bool {
        firstDay <= other.lastDay && other.firstDay <= lastDay
    }

    package static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.firstDay, lhs.lastDay) < (rhs.firstDay, rhs.lastDay)
    }

    package var description: String {
        switch self {
        case .quarter(let q): q.description
        case .month(let m): m.description
        }
    }
}
