import Testing
@testable import PartnerbookModel

/// Fiscal quarters (SPEC 23): a year starting in February is named by the
/// calendar year it ends in, FY2027 = 1 February 2026 to 31 January 2027.
@Suite struct FiscalQuarterTests {
    private let february = FiscalCalendar(startMonth: 2)

    @Test(arguments: [
        ("FY2027-Q1", "2026-02-01", "2026-04-30"),
        ("FY2027-Q3", "2026-08-01", "2026-10-31"),
        ("FY2027-Q4", "2026-11-01", "2027-01-31"),
    ])
    func aFebruaryYear(_ text: String, _ first: String, _ last: String) throws {
        let quarter = try #require(february.quarter(text))
        #expect(quarter.firstDay == Day(first) && quarter.lastDay == Day(last))
        #expect(quarter.description == text)
        #expect(february.quarter(containing: quarter.firstDay) == quarter && february.quarter(containing: quarter.lastDay) == quarter)
    }

    @Test func quartersFollowEachOtherAcrossYears() throws {
        let q4 = try #require(february.quarter("FY2027-Q4"))
        #expect(q4.next.description == "FY2028-Q1" && q4.next.firstDay == Day("2027-02-01"))
        #expect(q4.next.previous == q4)
        #expect(q4.months.map(\.description) == ["2026-11", "2026-12", "2027-01"])
        #expect(february.quarter(of: Month("2027-01")!) == q4)
        #expect(february.quarter(containing: Day("2026-01-31")!).description == "FY2026-Q4")
    }

    @Test func aCalendarYearIsUnchanged() throws {
        let calendar = FiscalCalendar.calendarYear
        #expect(calendar.quarter(containing: Day("2026-08-15")!).description == "2026-Q3")
        #expect(calendar.quarter("FY2026-Q3") == calendar.quarter("2026-Q3"), "FY with a January start is the calendar year")
        #expect(february.quarter("2026-Q3") == nil, "a calendar quarter in a fiscal program would name other months")
        #expect(FiscalCalendar(startMonth: 10).quarter("FY2027-Q1")?.firstDay == Day("2026-10-01"))
    }
}
