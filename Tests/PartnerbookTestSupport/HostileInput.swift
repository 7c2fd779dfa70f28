import Foundation

/// Partner files that attack the reader (an alias bomb, deep nesting, huge
/// values, …), each with the rule that must refuse it and the line it names:
/// the load tests run them one by one, the check tests all at once.
package enum HostileInput {
    package static func billionLaughs() -> String {
        var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for i in 1...9 {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\nname: *a9\n"
    }

    package static let cases: [(id: String, text: String, rule: String, line: Int?)] = [
        ("alias-bomb", billionLaughs(), "yaml.limits", 6),
        ("deep-block", "name:\n" + (1...200).map { String(repeating: "  ", count: $0) + "- \n" }.joined(), "yaml.limits", 65),
        ("deep-flow", "name: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n", "yaml.syntax", 1),
        ("deep-dashes", "name:\n  " + String(repeating: "- ", count: 5_000) + "x\n", "yaml.limits", 2),
        ("alias-key", "a: &a [1]\n? *a\n: x\n", "yaml.limits", 2),
        ("list-key", "{[1, 2]: x}\n", "yaml.limits", 1),
        ("duplicate-keys", "name: A\ntier: 1\nname: B\n", "yaml.syntax", 1),
        ("two-documents", "name: A\n---\nname: B\n", "yaml.syntax", 2),
        ("tabs", "name: A\ncharter:\n\tgoals: {}\n", "yaml.syntax", 3),
        ("a-list", "- name: A\n- name: B\n", "schema.type", 1),
        ("a-scalar", "just some words\n", "schema.type", 1),
        ("empty", "", "schema.type", 1),
        ("only-comments", "# nothing here\n", "schema.type", 1),
        ("undefined-alias", "name: *nowhere\n", "yaml.syntax", 1),
        ("huge-value", "name: A\nsummary: \"" + String(repeating: "x", count: 40_000) + "\"\n", "content.too-long", 2),
    ]
}
