import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// Every rule Partnerbook reports, with its documentation: what `explain`
/// prints, what the site's rules page and `docs/reference/rules.md` are made from.
/// Each list is declared beside the code that checks its rules.
package enum RuleCatalog {
    package static let all: [RuleInfo] = (LoaderRules.rules + ProgramRules.rules + Validator.families.flatMap { $0.rules }
        + RecordProblem.rules + [TemplateError.rule]).sorted { $0.rule.id < $1.rule.id }

    package static func info(_ id: String) -> RuleInfo? { all.first { $0.rule.id == id } }

    /// The closest ids to an unknown one, for "did you mean".
    package static func closest(to id: String) -> [String] {
        let ids = all.map(\.rule.id)
        guard id.count <= Suggestion.maxLength else { return [] }
        let prefix = ids.filter { $0.hasPrefix(id) || id.hasPrefix($0) }
        if !prefix.isEmpty { return Array(prefix.prefix(5)) }
        return ids.map { ($0, Suggestion.editDistance(id, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }
}
