import PartnerbookModel

/// `docs/reference/content.md`: every key of program.yaml and of a partner
/// file, its type and words and what it means, walked from the same JSON
/// Schema the editors use (so the page, the schema and the loader agree).
public enum ContentReference {
    public static var markdown: String {
        var text = """
        # Content keys

        Every key Partnerbook reads, generated from the JSON Schemas (`partnerbook schema program|partner`),
        whose key lists are the loader's own. A test fails when this page is stale; run
        `partnerbook docs` to regenerate it. `[]` marks the items of a list. Types:

        | type | what it accepts |
        |---|---|

        """
        let definitions = SchemaBuilder.definitions
        for name in definitions.keys.sorted() {
            let description = (definitions[name] as? [String: Any])?["description"] as? String ?? ""
            text += "| \(name) | \(cell(description)) |\n"
        }
        text += section("program.yaml", ContentSchema.program)
        text += section("partners/ID.yaml", ContentSchema.partner)
        return text
    }

    static func section(_ title: String, _ root: SchemaBuilder.Node) -> String {
        var rows: [String] = []
        walk(root, path: "", required: [], into: &rows)
        return "\n## `\(title)`\n\n| key | type | required | what it means |\n|---|---|---|---|\n" + rows.joined() + ""
    }

    static func walk(_ node: SchemaBuilder.Node, path: String, required: Set<String>, into rows: inout [String]) {
        if let properties = node["properties"] as? [String: Any] {
            let required = Set(node["required"] as? [String] ?? [])
            for key in properties.keys.sorted() {
                guard let child = properties[key] as? SchemaBuilder.Node else { continue }
                let childPath = path.isEmpty ? key : path + "." + key
                rows.append("| `\(childPath)` | \(type(of: child)) | \(required.contains(key) ? "yes" : "") | \(cell(child["description"] as? String ?? "")) |\n")
                walk(child, path: childPath, required: required, into: &rows)
            }
        }
        if let items = node["items"] as? SchemaBuilder.Node {
            walk(items, path: path + "[]", required: [], into: &rows)
        }
        if let patterns = node["patternProperties"] as? [String: Any] {
            for pattern in patterns.keys.sorted() {
                guard let child = patterns[pattern] as? SchemaBuilder.Node else { continue }
                let childPath = path + ".<" + placeholder(pattern) + ">"
                rows.append("| `\(childPath)` | \(type(of: child)) | | \(cell(child["description"] as? String ?? "")) |\n")
                walk(child, path: childPath, required: [], into: &rows)
            }
        }
    }

    /// A node's type in words: a definition's name, the words of an enum, a list of something, a mapping.
    static func type(of node: SchemaBuilder.Node) -> String {
        if let ref = node["$ref"] as? String { return String(ref.split(separator: "/").last ?? "") }
        if let words = node["enum"] as? [Any] {
            var seen: [String] = []
            for word in words.map({ "\($0)" }) where !seen.contains(word) { seen.append(word) }
            return seen.map { "`\($0)`" }.joined(separator: ", ")
        }
        if let items = node["items"] as? SchemaBuilder.Node {
            return items["properties"] != nil ? "list of mappings" : "list of " + type(of: items)
        }
        if node["properties"] != nil || node["patternProperties"] != nil { return "mapping" }
        if let values = node["additionalProperties"] as? SchemaBuilder.Node { return "mapping to " + type(of: values) }
        if let pattern = node["pattern"] as? String { return "text matching `\(pattern)`" }
        if let kind = node["type"] as? String { return kind == "string" ? "text" : kind }
        return "value"
    }

    static func placeholder(_ pattern: String) -> String {
        switch pattern {
        case "^[A-Za-z]{3}$": return "CURRENCY"
        case "^[0-9]{4}-Q[1-4]$": return "YYYY-Qn"
        default: return pattern
        }
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
