/// A calendar quarter written `YYYY-Qn`.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Parses exactly `YYYY-Qn` with n in 1...4.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].count == 2, parts[1].first == "Q", let n = Int(parts[1].dropFirst()),
              let y = Int(parts[0]) else { return nil }
        self.init(year: y, number: n)
    }

    public var next: Quarter {
        number == 4 ? Quarter(year: year + 1, number: 1)! : Quarter(year: year, number: number + 1)!
    }

    public var previous: Quarter {
        number == 1 ? Quarter(year: year - 1, number: 4)! : Quarter(year: year, number: number - 1)!
    }

    public var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }

    public var lastDay: Day { next.firstDay.adding(days: -1) }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool {
        (lhs.year, lhs.number) < (rhs.year, rhs.number)
    }

    public var description: String { "\(year)-Q\(number)" }
}
