import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// Checks one partner file given as bytes: load, every rule, and the
/// decisions documents are made of. The fuzz target drives this.
package enum PartnerFileCheck {
    package static func run(_ data: Data, id: String = "fuzz", program: Program = Program(),
                           asOf: Day = Day(year: 2026, month: 11, day: 20)!) -> [Diagnostic] {
        let context = LoadContext(file: "partners/\(id).yaml")
        guard let root = YAMLFile.parse(data, context: context) else { return context.diagnostics }
        let partner = PartnerLoader.load(root, id: id, context: context)
        let assessment = PartnerAssessment(partner, program: program, asOf: asOf)
        _ = CMark.Document(MarkdownText.block(partner.summary?.value)).sanitize().html()
        _ = assessment.health.total
        return context.diagnostics + Validator.check(partner, RuleContext(program: program, asOf: asOf))
    }
}
