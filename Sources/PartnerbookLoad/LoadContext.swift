import PartnerbookModel
import PartnerbookSupport
/// Collects the diagnostics raised while one file is loaded.
public final class LoadContext {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    /// The program's year, for quarters (`fiscal_year_start`); program.yaml's loader sets it as it reads it.
    public internal(set) var calendar: FiscalCalendar

    public init(file: String, calendar: FiscalCalendar) {
        self.file = file
        self.calendar = calendar
    }

    func report(_ rule: Rule, at position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(rule, file: file, at: position, message))
    }
}
