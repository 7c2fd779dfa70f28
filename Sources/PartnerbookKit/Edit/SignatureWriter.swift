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
        var email: String?
        /// The canonical form the fingerprint was made over (always 2 now).
        var canonical = CanonicalVersion.two
        /// What else shows the signature was given (`sign --evidence`).
        var evidence: String?
        /// The signing key's fingerprint and the armored signature.
        var ssh: (key: String, signature: String)?

        /// One flow mapping; text values double-quoted so any name stays
        /// valid YAML (an armored signature's line breaks as `\n`).
        var yaml: String {
            var fields = ["party: \(party.rawValue)", "name: \(quoted(name))", "title: \(quoted(title))"]
            if let email { fields.append("email: \(quoted(email))") }
            fields += ["date: \(date)", "canonical: \(canonical.rawValue)", "fingerprint: \(quoted(fingerprint))"]
            if let evidence { fields.append("evidence: \(quoted(evidence))") }
            if let ssh { fields.append("ssh: { key: \(quoted(ssh.key)), signature: \(quoted(ssh.signature)) }") }
            return "{ " + fields.joined(separator: ", ") + " }"
        }

        /// The entry in block style: a plain signature on one line as before;
        /// an SSH signature as a mapping, its armor in a literal block.
        var block: [String] {
            guard let ssh else { return [yaml] }
            var lines = ["party: \(party.rawValue)", "name: \(quoted(name))", "title: \(quoted(title))"]
            if let email { lines.append("email: \(quoted(email))") }
            lines += ["date: \(date)", "canonical: \(canonical.rawValue)", "fingerprint: \(quoted(fingerprint))"]
            if let evidence { lines.append("evidence: \(quoted(evidence))") }
            lines += ["ssh:", "  key: \(quoted(ssh.key))", "  signature: |"]
            lines += ssh.signature.split(whereSeparator: \.isNewline).map { "    " + $0 }
            return lines
        }
    }

    static func adding(_ entry: Entry, to text: String, root: YNode) throws -> String {
        var edited = YAMLText(text)
        try YAMLList.append(to: &edited, key: "signatures", root: root, block: entry.block, flow: entry.yaml)
        return edited.text
    }
}

