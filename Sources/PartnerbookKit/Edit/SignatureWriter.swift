import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// Adds one signature entry to a partner file's text, leaving every other
/// byte as it was (comments, quoting, order, line endings); see `YAMLList`
/// for where it goes.
package enum SignatureWriter {
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

