import PartnerbookModel
import PartnerbookSupport
/// What changed between two versions of the signed text, field by field.
///
/// Both versions are reduced to their canonical form (in the form the
/// signature was made over) and flattened to paths as a partner file writes them:
/// `charter.value_exchange.we_give[1]` (lists count from 1, as every other
/// message does), `charter.measurement.metrics[2].target`, `name` for the
/// partner's name, `company` for program.yaml's company.
public struct CharterDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var path: String
        /// nil when the field was added.
        public var old: String?
        /// nil when the field was removed.
        public var new: String?
    }

    public var changes: [Change]

    public init(from old: Partner, oldFrame: CharterFrame, to new: Partner, newFrame: CharterFrame, form: CanonicalVersion = .two) {
        let before = CharterDiff.flatten(CanonicalForm.document(old, frame: oldFrame, form: form))
        let after = CharterDiff.flatten(CanonicalForm.document(new, frame: newFrame, form: form))
        let oldValues = Dictionary(before, uniquingKeysWith: { a, _ in a })
        let newValues = Dictionary(after, uniquingKeysWith: { a, _ in a })
        // In the order the fields appear: the new text's, then what was removed.
        var changes: [Change] = []
        for (path, value) in after where oldValues[path] != value {
            changes.append(Change(path: path, old: oldValues[path], new: value))
        }
        for (path, value) in before where newValues[path] == nil {
            changes.append(Change(path: path, old: value, new: nil))
        }
        self.changes = changes
    }

    /// Every leaf of a canonical value as (path, text), in the canonical key order.
    static func flatten(_ value: CanonicalForm.Value) -> [(String, String)] {
        var out: [(String, String)] = []
        func walk(_ value: CanonicalForm.Value, _ path: String) {
            switch value {
            case .string(let text):
                out.append((path, text))
            case .number, .exactNumber:
                var text = ""
                value.write(into: &text)
                out.append((path, text))
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, "\(path)[\(index + 1)]") }
            case .object(let members):
                for (key, member) in members.sorted(by: { CanonicalForm.Value.precedes($0.0, $1.0) }) {
                    guard !(path.isEmpty && key == "format") else { continue }
                    let name = path.isEmpty && key == "partner" ? "name" : key
                    walk(member, path.isEmpty ? name : "\(path).\(name)")
                }
            }
        }
        walk(value, "")
        return out
    }
}
