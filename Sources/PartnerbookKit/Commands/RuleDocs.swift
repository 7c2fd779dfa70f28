import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// A rule's documentation as Markdown: what `partnerbook explain` prints and
/// what `docs/reference/rules.md` holds (a test keeps the file equal to this).
package enum RuleDocs {
    package static func page(_ info: RuleInfo) -> String {
        """
        ## `\(info.rule.id)`

        **Severity:** \(info.severityText)

        **When it fires.** \(info.summary)

        **Why.** \(info.why)

        **How to fix it.** \(info.fix)

        **Example** (this fires it):

        ```yaml
        \(info.example)
        ```

        """
    }

    /// `docs/reference/rules.md`: every rule, in id order.
    package static var markdown: String {
        var text = """
        # Rules

        Every rule `partnerbook check` (and `record`) applies. This page is generated from the rules'
        declarations in the source (`partnerbook explain RULE` prints one); a test fails when it is stale.
        Severities: an **error** fails `check` and stops `build`; a **warning** fails only under `--strict`;
        a **notice** (how a partnership is going) never fails a run.

        | rule | severity | when it fires |
        |---|---|---|

        """
        for info in RuleCatalog.all {
            text += "| [`\(info.rule.id)`](#\(anchor(info.rule.id))) | \(info.severityText) | \(info.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        text += "\n"
        for info in RuleCatalog.all { text += page(info) + "\n" }
        return text
    }

    /// GitHub's anchor for a heading of the id in backticks.
    static func anchor(_ id: String) -> String {
        String(id.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }).lowercased()
    }
}
