/// Adds one signature entry to a partner file's text, leaving every other
/// byte as it was (comments, quoting, order, line endings); see `YAMLList`
/// for where it goes.
enum SignatureWriter {
    struct Entry {
        var party: Party
        var name: String
        var title: String
        var date: Day
        var fingerprint: String

        /// One flow mapping; text values double-quoted so any name stays valid YAML.
        var yaml: String {
            "{ party: \(party.rawValue), name: \(quoted(name)), title: \(quoted(title)), date: \(date), fingerprint: \(quoted(fingerprint)) }"
        }
    }

    static func adding(_ entry: Entry, to text: String, root: YNode) throws -> String {
        var edited = YAMLText(text)
        try YAMLList.append(to: &edited, key: "signatures", root: root, block: [entry.yaml], flow: entry.yaml)
        return edited.text
    }
}

/// A YAML double-quoted scalar holding exactly `text`.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
