import Testing
@testable import PartnerbookModel
@testable import PartnerbookSupport

/// Documents print the months a fiscal quarter covers beside its name (SPEC 23).
@Suite struct FiscalQuarterWordsTests {
    @Test(arguments: [
        ("FY2027-Q1", "February to April 2026"),
        ("FY2027-Q3", "August to October 2026"),
        ("FY2027-Q4", "November 2026 to January 2027"),
    ])
    func aFebruaryYear(_ text: String, _ months: String) throws {
        let quarter = try #require(FiscalCalendar(startMonth: 2).quarter(text))
        #expect(Format.monthsCovered(quarter) == months)
        #expect(Format.quarter(quarter) == "\(text) (\(months))")
        #expect(Format.period(.quarter(quarter)) == "\(text) (\(months))")
    }

    @Test func aCalendarQuarterNeedsNoMonths() throws {
        #expect(Format.quarter(try #require(FiscalCalendar.calendarYear.quarter("2026-Q3"))) == "2026-Q3", "a calendar quarter needs no months")
        #expect(Format.period(.month(Month("2026-11")!)) == "2026-11")
    }
}
