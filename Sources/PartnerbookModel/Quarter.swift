/// A calendar quarter written `YYYY-Qn`.
package struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let number: Int

    package init?(year: Int, number: Int) {
        guard (1...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses exactly `YYYY-Qn` with n in 1...4.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].count == 2, parts[1].first == "Q", let n = Int(parts[1].dropFirst()),
              let y = Int(parts[0]) else { return nil }
        self.init(year: y, number: n)
    }

    package var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)!
    }

    package var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4)! : Quarter(year: year, number: number - 1)!
    }

    package var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }

    package var lastDay: Day { next.firstDay.adding(days: -1) }

    package static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    package var description: String { "\(year)-Q\(number)" }
}
