import Foundation
import PartnerbookLoad
import PartnerbookModel
import PartnerbookRules

// Shortcuts the tests use and the program does not: a whole program
// validated at once, and the signing calls with only our company's name on
// our side (no legal frame in program.yaml).

extension Validator {
    /// Loader findings plus every rule's, in a stable order (git history not searched).
    package static func validate(_ content: LoadedContent, asOf: Day) -> [Diagnostic] {
        let context = RuleContext(program: content.program, asOf: asOf)
        var diagnostics = content.diagnostics + ProgramRules.check(content.program, partnerCount: content.partnerFileCount)
        for partner in content.partners { diagnostics += check(partner, context) }
        return diagnostics.sorted(by: Diagnostic.ordered)
    }
}

extension Fingerprint {
    package static func of(_ partner: Partner, company: String?) -> String {
        of(partner, us: OurSide(company: company))
    }
}

extension CanonicalForm {
    package static func text(of partner: Partner, company: String?) -> String {
        text(of: partner, us: OurSide(company: company))
    }
}

extension SignatureState {
    package init(_ partner: Partner, company: String?) {
        self.init(partner, us: OurSide(company: company))
    }
}

extension CharterDiff {
    package init(from old: Partner, oldCompany: String?, to new: Partner, newCompany: String?) {
        self.init(from: old, oldSide: OurSide(company: oldCompany), to: new, newSide: OurSide(company: newCompany))
    }
}
