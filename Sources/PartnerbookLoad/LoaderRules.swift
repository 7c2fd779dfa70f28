import PartnerbookModel
import PartnerbookSupport
/// The rules the loader reports while reading a file (see `LoadContext`).
public enum LoaderRules {}

extension Rule {
    static let yamlSyntax = Rule("yaml.syntax")
    static let yamlLimits = Rule("yaml.limits")
    static let yamlFlowComma = Rule("yaml.flow-comma")
    static let schemaType = Rule("schema.type")
    static let schemaRequired = Rule("schema.required")
    static let schemaUnknownKey = Rule("schema.unknown-key", .warning)
    static let contentPlaceholder = Rule("content.placeholder")
    static let contentFile = Rule("content.file")
    static let contentTooLong = Rule("content.too-long")
    static let partnerID = Rule("partner.id")
}

extension LoaderRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.yamlSyntax,
                 summary: "The file is not valid YAML: a syntax error, a duplicate key, an undefined alias, tabs used for indentation, or more than one document.",
                 why: "A file that cannot be read cannot be checked: every other rule waits until it parses.",
                 fix: "Go to the line and column given and fix the YAML there; keep one document per file and each key once per mapping.",
                 example: "name: Acme Cloud\nname: Acme Cloud Inc.   # the same key twice"),
        RuleInfo(.yamlLimits,
                 summary: "The file goes past a limit no partner file needs: aliases expanding past 200,000 values, nesting deeper than 64, more than 1,000 keys in one mapping, or a list, mapping or alias used as a key.",
                 why: "Partner files come from pull requests by many hands; these shapes only appear in files written to exhaust a reader (the \"billion laughs\").",
                 fix: "Write the file plainly: no anchors and aliases for repeated text, keys that are plain words.",
                 example: "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# ... and so on, nine levels down"),
        RuleInfo(.yamlFlowComma,
                 summary: "Inside { }, an entry has no colon: a comma split a value, so `revenue: 6,200,000` reads as `revenue: 6` plus keys `200` and `000`, and `title: Director, ISV Partnerships` loses its end.",
                 why: "A number that silently becomes 6 is worse than no number: it would flow into the program's partner revenue and into signed text.",
                 fix: "Write the number without commas (6200000 or 6_200_000), or quote the value (\"Director, ISV Partnerships\"), or write the mapping in block style.",
                 example: "outcomes:\n  - { quarter: 2026-Q1, revenue: 6,200,000 }"),
        RuleInfo(.schemaType,
                 summary: "A value has the wrong type or format: a tier of 7, a date that is not YYYY-MM-DD, a quarter 2026-Q5, a list where a mapping belongs, an empty file.",
                 why: "Every decision the documents show is computed from these values; a value that cannot be read is never guessed.",
                 fix: "Write the value in the form the message names (see the content reference, docs/content.md).",
                 example: "tier: 7"),
        RuleInfo(.schemaRequired,
                 summary: "A required key is missing: name, tier or status in a partner file; name or company in program.yaml; a review's quarter (or month); program.yaml itself.",
                 why: "Without them a partner cannot be placed in the program at all.",
                 fix: "Add the key the message names.",
                 example: "name: Acme Cloud\ntier: strategic\n# status: is missing"),
        RuleInfo(.schemaUnknownKey,
                 summary: "A key the schema does not know, with the closest known key when one is close.",
                 why: "A misspelled key is a value silently ignored: `exit_critera` would leave the charter without exit criteria.",
                 fix: "Use the suggested key, or remove the key.",
                 example: "charter:\n  governance:\n    exit_critera: [ Revenue under half of target ]"),
        RuleInfo(.contentPlaceholder,
                 summary: "A value still starts with TODO, as `partnerbook new` and `init` write it.",
                 why: "A charter with a TODO in it is not ready to sign or to show anyone.",
                 fix: "Replace the placeholder with the real value.",
                 example: "name: TODO partner name"),
        RuleInfo(.contentFile,
                 summary: "A content file cannot be used: over 1 MiB, not UTF-8, a NUL byte, a link out of the content folder, not a regular file, or a partner file ending in .yml.",
                 why: "Content is untrusted; a file that is too big, not text, or elsewhere is refused before it is read.",
                 fix: "Keep partner files as plain UTF-8 .yaml files inside the content folder.",
                 example: "# partners/acme.yml: rename it to partners/acme.yaml"),
        RuleInfo(.contentTooLong,
                 summary: "One text value is over 32 KiB or 500 lines.",
                 why: "No charter field needs that much; the Markdown renderer slows down on such values.",
                 fix: "Shorten the value, or link to the long document instead.",
                 example: "summary: |\n  (a 20,000-line table)"),
        RuleInfo(.partnerID,
                 summary: "The file name is not a valid partner ID: lowercase letters, digits and dashes, starting with a letter or digit.",
                 why: "The ID becomes a path segment of the site; other names would break links or escape the folder.",
                 fix: "Rename the file, for example `Acme Cloud.yaml` to `acme-cloud.yaml`.",
                 example: "# partners/Acme Cloud.yaml"),
    ]
}
