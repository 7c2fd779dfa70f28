import Foundation
import PartnerbookModel

/// Locale-free formatting for documents, so output never depends on the machine.
public enum Format {
    /// 1234567.5 as "1,234,567.5": grouped thousands, at most `decimals` places, no trailing zeros.
    /// Any finite value formats, however large: past what `decimals` places
    /// can hold exactly (2^53), the whole number is written digit for digit.
    /// `grouped` false leaves the thousands ungrouped (an SVG coordinate).
    public static func number(_ value: Double, decimals: Int = 2, grouped: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = abs(value)
        // Past 2^53 a double holds no fraction, and scaling it could pass Int's range.
        let exact = magnitude * scale < 9_007_199_254_740_992
        let scaled = exact ? (magnitude * scale).rounded() : magnitude.rounded()
        let digits = exact ? String(Int(scaled / scale)) : integerDigits(scaled)
        var fraction = exact ? Int(scaled) - Int(scaled / scale) * Int(scale) : 0
        // Made as bytes: a number is formatted for nearly every cell and chart point.
        var text: [UInt8] = []
        text.reserveCapacity(digits.utf8.count * 4 / 3 + decimals + 3)
        if value < 0 && scaled != 0 { text.append(UInt8(ascii: "-")) }
        let count = digits.utf8.count
        for (index, digit) in digits.utf8.enumerated() {
            if grouped && index > 0 && (count - index) % 3 == 0 { text.append(UInt8(ascii: ",")) }
            text.append(digit)
        }
        if fraction > 0 {
            var places = decimals
            while fraction % 10 == 0 { fraction /= 10; places -= 1 }
            let f = String(fraction)
            text.append(UInt8(ascii: "."))
            text += repeatElement(UInt8(ascii: "0"), count: places - f.utf8.count)
            text += f.utf8
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The decimal digits of a whole, non-negative double, exactly (1e300
    /// has 301 digits): its significand times its power of two, in base 10^9 limbs.
    static func integerDigits(_ whole: Double) -> String {
        if whole < 9_007_199_254_740_992 { return String(UInt64(whole)) }
        var limbs: [UInt64] = [whole.significandBitPattern | (1 << 52)]   // least significant first, each < 10^9
        limbs = [limbs[0] % 1_000_000_000, limbs[0] / 1_000_000_000 % 1_000_000_000, limbs[0] / 1_000_000_000_000_000_000]
        for _ in 0..<(Int(whole.exponent) - 52) {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let doubled = limbs[index] * 2 + carry
                limbs[index] = doubled % 1_000_000_000
                carry = doubled / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        while limbs.count > 1, limbs.last == 0 { limbs.removeLast() }
        var text = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    private static let currencySymbols = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"]

    /// A value with its metric's unit: currency codes get their symbol, others follow the number.
    public static func value(_ value: Double, unit: String?) -> String {
        let unit = unit.map(Trim.spaces) ?? ""
        if let symbol = currencySymbols[unit.uppercased()] {
            return (value < 0 ? "-" : "") + symbol + number(abs(value), decimals: 0)
        }
        if unit.count == 3, unit.allSatisfy({ $0.isUppercase }) {
            return "\(number(value, decimals: 0)) \(unit)"
        }
        if unit == "%" { return number(value, decimals: 1) + "%" }
        return number(value)
    }

    /// A value on a pace line at the precision its metric's numbers are
    /// written with: `decimals` places (6.605 reads 6.6 beside readings
    /// like 6.4, and 22.9 reads 23 beside whole counts).
    public static func expected(_ value: Double, decimals: Int, unit: String?) -> String {
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 6)) { scale *= 10 }
        return Format.value((value * scale).rounded() / scale, unit: unit)
    }

    /// The decimal places `value` is written with, at most `limit`.
    public static func decimals(of value: Double, limit: Int = 2) -> Int {
        var scaled = value
        for places in 0...limit {
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return places }
            scaled *= 10
        }
        return limit
    }

    /// A signed change: "+60,000" or "-1.5".
    public static func change(_ value: Double, unit: String?) -> String {
        (value > 0 ? "+" : value < 0 ? "−" : "±") + Format.value(abs(value), unit: unit)
    }

    /// A change of a percentage, in points: "+3.5 points".
    public static func points(_ value: Double) -> String {
        let magnitude = number(abs(value), decimals: 1)
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + magnitude + (magnitude == "1" ? " point" : " points")
    }

    /// A fraction as a signed whole percentage: 0.17 as "+17%".
    public static func signedPercent(_ fraction: Double) -> String {
        let whole = (fraction * 100).rounded()
        return (whole > 0 ? "+" : whole < 0 ? "−" : "±") + integerDigits(abs(whole)) + "%"
    }

    /// A value already in percent, with at most one decimal: 8.2 as "8.2%", 70 as "70%".
    public static func percentage(_ value: Double) -> String {
        number(value, decimals: 1) + "%"
    }

    /// A fraction as a whole percentage: 0.875 as "88%".
    public static func percent(_ fraction: Double) -> String {
        let whole = (fraction * 100).rounded()
        return (whole < 0 ? "-" : "") + integerDigits(abs(whole)) + "%"
    }

    /// A planned length in words: "8 weeks", or "53 days, about 8 weeks".
    public static func weeks(_ days: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if days % 7 == 0 { return plural(days / 7, "week") }
        return plural(days, "day") + ", about " + plural(max(1, Int((Double(days) / 7).rounded())), "week")
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// 2026-10-08 as "8 October 2026".
    public static func date(_ day: Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    public static func date(_ day: Day?) -> String { day.map(date) ?? "not set" }

    /// The months a fiscal quarter covers: "February to April 2026",
    /// "November 2026 to January 2027". Nil for a calendar quarter, whose name says it.
    public static func monthsCovered(_ quarter: Quarter) -> String? {
        guard quarter.isFiscal else { return nil }
        let first = quarter.firstDay, last = quarter.lastDay
        return first.year == last.year ? "\(months[first.month - 1]) to \(months[last.month - 1]) \(last.year)"
            : "\(months[first.month - 1]) \(first.year) to \(months[last.month - 1]) \(last.year)"
    }

    /// A quarter as documents name it: `2026-Q3`, or `FY2027-Q1 (February to April 2026)`.
    public static func quarter(_ quarter: Quarter) -> String {
        monthsCovered(quarter).map { "\(quarter) (\($0))" } ?? quarter.description
    }

    /// A review's period as documents name it: a quarter as above, a month as `2026-11`.
    public static func period(_ period: Period) -> String {
        switch period {
        case .quarter(let q): quarter(q)
        case .month(let m): m.description
        }
    }
}
