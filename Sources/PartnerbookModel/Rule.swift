/// A rule: its id (`charter.governance.exit-criteria`) and its default
/// severity (some are raised to errors by context, as the rule says).
///
/// Each rule is declared where it is checked, with its documentation
/// (`RuleInfo`): a rule family's file holds its rules, so adding a rule
/// touches that file and its test; `partnerbook explain`, the rules page of
/// the site and `docs/reference/rules.md` are made from the declarations.
package struct Rule: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let id: String
    package let severity: Severity

    package init(_ id: String, _ severity: Severity = .error) {
        self.id = id
        self.severity = severity
    }

    /// A rule by id alone (its severity unknown here: error), as tests and caches name it.
    package init(stringLiteral id: String) {
        self.init(id)
    }

    package var description: String { id }

    /// Rules are the same rule when their ids are.
    package static func == (a: Rule, b: Rule) -> Bool { a.id == b.id }
    package func hash(into hasher: inout Hasher) { hasher.combine(id) }
    package static func < (a: Rule, b: Rule) -> Bool { a.id < b.id }
}

/// What a rule's documentation says: when it fires, why it matters in the
/// playbook's terms, how to fix it, and a piece of YAML that fires it.
package struct RuleInfo: Sendable {
    package var rule: Rule
    /// When the default severity changes with context ("error in walk and run").
    package var raised: String?
    /// When it fires, in one sentence.
    package var summary: String
    /// Why it matters.
    package var why: String
    /// What to do about it.
    package var fix: String
    /// YAML that fires it.
    package var example: String

    package init(_ rule: Rule, raised: String? = nil, summary: String, why: String, fix: String, example: String) {
        self.rule = rule
        self.raised = raised
        self.summary = summary
        self.why = why
        self.fix = fix
        self.example = example
    }

    package var severityText: String { rule.severity.rawValue + (raised.map { "; \($0)" } ?? "") }
}
