import PartnerbookModel
import PartnerbookSupport
/// Collects the diagnostics raised while one file is loaded.
public final class LoadContext {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    func report(_ rule: Rule, at position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(rule, file: file, at: position, message))
    }
}
