/// A rule: its id (`charter.governance.exit-criteria`) and its default
/// severity (some are raised to errors by context, as the rule says).
///
/// Each rule is declared where it is checked, with its documentation
/// (`RuleInfo`): a rule family's file holds its rules, so adding a rule
/// touches that file and its test; `partnerbook explain`, the rules page of
/// the site and `docs/reference/rules.md` are made from the declarations.
public struct Rule: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let id: String
    public let severity: Severity

    public init(_ id: String, _ severity: Severity = .error) {
        self.id = id
        self.severity = severity
    }

    /// A rule by id alone (its severity unknown here: error), as tests and caches name it.
    public init(stringLiteral id: String) {
        self.init(id)
    }

    public var description: String { id }

    /// Whether a failing finding of this rule is about the files themselves
    /// (they cannot be read as written, or a figure made from them could be
    /// wrong), so `build` writes nothing; the other rules judge the state of
    /// a partnership (unsigned, a gate not passed, a section missing), and a
    /// build still writes that partner's documents, marked DRAFT with the
    /// findings on them, while exiting 1 so CI fails.
    public var stopsWriting: Bool {
        Rule.aboutTheFiles.contains(id) || Rule.aboutTheFilesFamilies.contains { id.hasPrefix($0) }
    }

    static let aboutTheFilesFamilies = ["yaml.", "schema.", "outcomes.", "record."]
    static let aboutTheFiles: Set<String> = [
        "partner.id", "content.file", "content.too-long", "template", "program.weights", "program.outcomes",
        "review.unknown-metric", "review.duplicate-quarter",
    ]

    /// Rules are the same rule when their ids are.
    public static func == (a: Rule, b: Rule) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (a: Rule, b: Rule) -> Bool { a.id < b.id }
}

/// What a rule's documentation says: when it fires, why it matters in the
/// playbook's terms, how to fix it, and a piece of YAML that fires it.
public struct RuleInfo: Sendable {
    public var rule: Rule
    /// When the default severity changes with context ("error in walk and run").
    public var raised: String?
    /// When it fires, in one sentence.
    public var summary: String
    /// Why it matters.
    public var why: String
    /// What to do about it.
    public var fix: String
    /// YAML that fires it.
    public var example: String

    public init(_ rule: Rule, raised: String? = nil, summary: String, why: String, fix: String, example: String) {
        self.rule = rule
        self.raised = raised
        self.summary = summary
        self.why = why
        self.fix = fix
        self.example = example
    }

    public var severityText: String { rule.severity.rawValue + (raised.map { "; \($0)" } ?? "") }
}
