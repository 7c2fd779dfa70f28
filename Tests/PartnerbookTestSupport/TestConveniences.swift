import Foundation
import PartnerbookLoad
import PartnerbookModel
import PartnerbookRules
import PartnerbookRender

// Shortcuts the tests use and the program does not: a whole program
// validated at once, and the signing calls with only our company's name on
// our side (no legal frame in program.yaml) and the built-in charter template.

extension Validator {
    /// Loader findings plus every rule's, in a stable order (git history not searched).
    package static func validate(_ content: LoadedContent, asOf: Day) -> [Diagnostic] {
        let context = RuleContext(program: content.program, asOf: asOf,
                                  frame: content.program.charterFrame(template: CharterWording.builtIn))
        var diagnostics = content.diagnostics + ProgramRules.check(content.program, partnerCount: content.partnerFileCount)
        for partner in content.partners { diagnostics += check(partner, context) }
        return diagnostics.sorted(by: Diagnostic.ordered)
    }
}

extension Fingerprint {
    package static func of(_ partner: Partner, company: String?, form: CanonicalVersion = .two) -> String {
        of(partner, frame: CharterFrame(company: company, template: CharterWording.builtIn), form: form)
    }
}

extension CanonicalForm {
    package static func text(of partner: Partner, company: String?, form: CanonicalVersion = .two) -> String {
        text(of: partner, frame: CharterFrame(company: company, template: CharterWording.builtIn), form: form)
    }
}

extension SignatureState {
    package init(_ partner: Partner, company: String?) {
        self.init(partner, frame: CharterFrame(company: company, template: CharterWording.builtIn))
    }
}

extension CharterDiff {
    package init(from old: Partner, oldCompany: String?, to new: Partner, newCompany: String?, form: CanonicalVersion = .two) {
        self.init(from: old, oldFrame: CharterFrame(company: oldCompany, template: CharterWording.builtIn), to: new,
                  newFrame: CharterFrame(company: newCompany, template: CharterWording.builtIn), form: form)
    }
}
