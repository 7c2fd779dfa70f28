import PartnerbookLoad
import PartnerbookModel
import PartnerbookRules

extension Validator {
    /// Loader findings plus every rule's, in a stable order (git history not searched).
    package static func validate(_ content: LoadedContent, asOf: Day) -> [Diagnostic] {
        let context = RuleContext(program: content.program, asOf: asOf)
        var diagnostics = content.diagnostics + ProgramRules.check(content.program, partnerCount: content.partnerFileCount)
        for partner in content.partners { diagnostics += check(partner, context) }
        return diagnostics.sorted(by: Diagnostic.ordered)
    }
}
