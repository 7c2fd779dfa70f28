import Testing
@testable import PartnerbookSupport

/// Numbers as documents print them: grouped, locale-free, and any finite
/// value digit for digit (a 17-digit target overflowed `Int` before).
@Suite struct FormatTests {
    @Test func numbersOfAnySizeFormatDigitForDigit() {
        #expect(Format.number(1e17) == "100,000,000,000,000,000")
        #expect(Format.number(123_456_789.126) == "123,456,789.13")
        #expect(Format.number(-1e20, decimals: 0) == "-100,000,000,000,000,000,000")
        #expect(Format.number(1e300).count == 301 + 100, "1e300: 301 digits and 100 commas")
        #expect(Format.number(.infinity) == "–")
        #expect(Format.percent(1e20) == "10000000000000000000000%")
        #expect(Format.signedPercent(-2.5) == "−250%")
    }

    @Test func groupsAndDecimalsAsBefore() {
        #expect(Format.number(1234567.5) == "1,234,567.5")
        #expect(Format.number(0.004) == "0")
        #expect(Format.number(-0.5, decimals: 0) == "-1")
        #expect(Format.value(600_000, unit: "USD") == "$600,000")
        #expect(Format.percent(0.875) == "88%")
        #expect(Format.percent(-0.004) == "0%")
        #expect(Format.signedPercent(0.17) == "+17%")
        #expect(Format.signedPercent(0) == "±0%")
    }

    @Test func groupsEveryThreeDigitsFromTheRightOrNotAtAll() {
        #expect(Format.number(999) == "999")
        #expect(Format.number(1000) == "1,000")
        #expect(Format.number(-123456.05) == "-123,456.05")
        #expect(Format.number(0.05, decimals: 2) == "0.05")
        #expect(Format.number(1234567.25, decimals: 1, grouped: false) == "1234567.3")
        #expect(Format.number(-1e20, decimals: 0, grouped: false) == "-100000000000000000000")
    }
}
