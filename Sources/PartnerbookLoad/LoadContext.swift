import PartnerbookModel
import PartnerbookSupport
/// Collects the diagnostics raised while one file is loaded.
package final class LoadContext {
    package let file: String
    package private(set) var diagnostics: [Diagnostic] = []

    package init(file: String) {
        self.file = file
    }

    func report(_ rule: Rule, at position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(rule, file: file, at: position, message))
    }
}
