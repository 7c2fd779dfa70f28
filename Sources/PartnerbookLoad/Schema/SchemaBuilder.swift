import Foundation
import PartnerbookModel
import PartnerbookSupport

/// Pieces of a JSON Schema (draft 2020-12), as plain dictionaries.
public enum SchemaBuilder {
    public typealias Node = [String: Any]

    /// A mapping whose keys are exactly `properties`, in the order written.
    static func object(_ description: String, _ properties: [(String, Node)], required: [String] = [], nullable: Bool = true) -> Node {
        var node: Node = ["type": nullable ? ["object", "null"] : "object", "additionalProperties": false,
                          "properties": Dictionary(uniqueKeysWithValues: properties)]
        if !description.isEmpty { node["description"] = description }
        if !required.isEmpty { node["required"] = required }
        return node
    }

    static func ref(_ name: String, _ description: String) -> Node {
        ["$ref": "#/$defs/\(name)", "description": description]
    }

    static func list(_ item: Node, _ description: String) -> Node {
        ["type": ["array", "null"], "items": item, "description": description]
    }

    static func choice(_ words: [String], _ description: String) -> Node {
        ["enum": words, "description": description]
    }

    /// The shared definitions every file kind uses.
    static var definitions: Node { [
        "text": ["type": ["string", "number", "boolean"],
                 "description": "Text: whatever it looks like (no, 1.0, 2026-01-01), Partnerbook reads it as text."],
        "prose": ["type": ["string", "number", "boolean", "null"],
                  "description": "GitHub-flavoured Markdown."],
        "proseList": ["anyOf": [["$ref": "#/$defs/prose"], ["type": "array", "items": ["$ref": "#/$defs/prose"]]],
                      "description": "A list of Markdown items; a single line is read as a one-item list."],
        "date": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date written YYYY-MM-DD."],
        "quarter": ["type": "string", "pattern": "^(FY)?[0-9]{4}-Q[1-4]$", "description": "A quarter written YYYY-Qn, n from 1 to 4; FYyyyy-Qn when program.yaml sets fiscal_year_start."],
        "number": ["anyOf": [["type": "number"], ["type": "string", "pattern": "^[+-]?[0-9][0-9_,]*(\\.[0-9]+)?$"]],
                   "description": "A number; digits may be grouped with _ or ,."],
        "count": ["anyOf": [["type": "integer", "minimum": 0], ["type": "string", "pattern": "^[0-9][0-9_]*$"]],
                  "description": "A whole number of zero or more."],
        "percent": ["anyOf": [["type": "number", "minimum": 0, "maximum": 100], ["type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?%$"]],
                    "description": "A percentage from 0 to 100; may end in %."],
        "boolean": ["anyOf": [["type": "boolean"], ["enum": ["yes", "no", "on", "off", "true", "false", "Yes", "No", "True", "False"]]],
                    "description": "true or false (yes/no and on/off are read the same way)."],
    ] }

    /// The whole schema of one file kind, as JSON text with sorted keys.
    static func document(id: String, title: String, description: String, root: Node) -> String {
        var schema = root
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = "https://partnerbook.invalid/schema/\(PartnerbookVersion.current)/\(id).json"
        schema["title"] = title
        schema["description"] = description
        schema["type"] = "object"
        schema["$defs"] = definitions
        // The schema is built of dictionaries, arrays, text and numbers only: always valid JSON.
        guard JSONSerialization.isValidJSONObject(schema),
              let data = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { preconditionFailure("the JSON Schema holds a value JSON cannot write") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
