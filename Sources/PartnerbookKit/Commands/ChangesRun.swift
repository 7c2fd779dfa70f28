import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook changes ID`: what changed in the signed text since each
/// party's latest signature, field by field, from the partner file's git history.
package struct ChangesRun: Sendable {
    package struct PartyChanges: Sendable, Encodable {
        package var party: String
        /// valid, stale or missing.
        package var state: String
        package var signer: String?
        package var date: String?
        /// The commit whose text the signature carries, when it was found.
        package var signedCommit: String?
        package var changes: [Change]
        /// Why the changes cannot be listed, when they cannot.
        package var note: String?

        enum CodingKeys: String, CodingKey {
            case party, state, signer, date, changes, note
            case signedCommit = "signed_commit"
        }
    }

    package struct Change: Sendable, Encodable {
        package var path: String
        package var old: String?
        package var new: String?
    }

    package var partner: String
    package var fingerprint: String
    package var parties: [PartyChanges]

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package init(_ configuration: BuildConfiguration, id: String) throws {
        let input = try ProgramInput(configuration)
        let file = ContentPaths.partnerFile(id)
        guard input.files.names.contains("\(id).yaml") else {
            throw Failure(description: "no partner '\(id)': \(file) does not exist")
        }
        guard let partner = input.files.load("\(id).yaml").partner else {
            throw Failure(description: "\(file) cannot be read; run partnerbook check")
        }
        let frame = input.frame
        let state = SignatureState(partner, frame: frame)
        let texts = input.history.texts(for: partner, frame: frame, state: state)
        self.partner = id
        fingerprint = state.fingerprint
        parties = state.parties.map { entry in
            let signature = entry.signature
            var result = PartyChanges(party: entry.party.rawValue, state: "\(entry.standing)", signer: signature?.name?.value,
                                      date: signature?.date?.value.description, signedCommit: nil, changes: [], note: nil)
            guard entry.standing == .stale, let signature else { return result }
            let (diff, commit, _, note) = texts.changes(since: signature, of: partner, frame: frame)
            result.signedCommit = commit
            result.note = note
            result.changes = (diff?.changes ?? []).map { Change(path: $0.path, old: $0.old, new: $0.new) }
            return result
        }
    }

    /// One block per party: its state, then each change with the signed text and the text now.
    package var text: String {
        var lines = ["\(partner): current charter \(fingerprint)"]
        for party in parties {
            let who = party.signer.map { "\($0)" + (party.date.map { ", \($0)" } ?? "") } ?? ""
            switch party.state {
            case "valid":
                lines.append("\(party.party): signed by \(who); covers the current charter, nothing changed")
            case "missing":
                lines.append("\(party.party): never signed")
            default:
                lines.append("\(party.party): signed by \(who); stale" + (party.signedCommit.map { ", signed text in commit \($0.prefix(12))" } ?? ""))
                if let note = party.note { lines.append("  what changed cannot be shown: \(note)") }
                for change in party.changes {
                    lines.append("  \(change.path)")
                    lines.append("    signed: " + (change.old.map(ChangesRun.oneLine) ?? "(not there)"))
                    lines.append("    now:    " + (change.new.map(ChangesRun.oneLine) ?? "(removed)"))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package var json: String {
        struct Document: Encodable {
            var partner: String
            var fingerprint: String
            var parties: [PartyChanges]
        }
        return JSONText.encode(Document(partner: partner, fingerprint: fingerprint, parties: parties))
    }

    private static func oneLine(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
