import PartnerbookModel

extension FiscalCalendar {
    /// Why `text`, given to a command (`record`, `review plan --period`, `review hold`), is not a period of the program's year.
    func notAPeriod(_ text: String) -> String {
        "'\(text)' is not a period of this program: write a quarter as \(quarterForm)"
            + (startMonth == 1 ? "" : " (the year starts in month \(startMonth), fiscal_year_start)") + ", or a month as YYYY-MM"
    }
}
