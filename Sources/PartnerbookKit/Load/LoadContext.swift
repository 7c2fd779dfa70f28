/// Collects the diagnostics raised while one file is loaded.
final class LoadContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func report(_ rule: Rule, at position: SourcePosition, _ message: String) {
        diagnostics.append(Diagnostic(rule, file: file, at: position, message))
    }
}
