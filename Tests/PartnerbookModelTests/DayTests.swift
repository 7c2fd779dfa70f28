import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct DayTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00", "next week", "",
                      "2026-00-10", "2026-01-00", "0000-01-01", "+026-01-01", "2026--1-01", "2026/01/01", " 2026-01-01",
                      "2026-01-0\u{0661}", "２０２６-01-01", "2026-01-1\u{0301}"])
    func rejectsWhatIsNotACalendarDate(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func readsEveryDigit() throws {
        let day = try #require(Day("1987-12-31"))
        #expect(day.year == 1987 && day.month == 12 && day.day == 31)
        #expect(try #require(Day("0001-01-01")).year == 1)
    }

    @Test func roundTripsAndCountsDays() throws {
        let day = try #require(Day("2024-02-29"))
        #expect(day.description == "2024-02-29")
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(day.adding(days: 1).description == "2024-03-01")
        #expect(try #require(Day("2025-01-13")).days(until: try #require(Day("2025-03-03"))) == 49)
    }

    @Test func addingMonthsClampsToTheMonthEnd() throws {
        #expect(try #require(Day("2026-11-30")).adding(months: 3).description == "2027-02-28")
        #expect(try #require(Day("2026-10-08")).adding(months: 3).description == "2027-01-08")
    }

    @Test func quartersParseStrictly() throws {
        #expect(Quarter("2026-Q5") == nil)
        #expect(Quarter("2026-q1") == nil)
        let q = try #require(Quarter("2026-Q4"))
        #expect(q.next.description == "2027-Q1")
        #expect(q.previous.description == "2026-Q3")
        #expect(FiscalCalendar.calendarYear.quarter(containing: try #require(Day("2026-08-15"))).description == "2026-Q3")
    }
}
