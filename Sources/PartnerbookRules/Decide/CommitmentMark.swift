import PartnerbookModel
import PartnerbookSupport
/// A quarter's commitment is marked done in the review that made it by
/// starting its text with `(done)` or `✓`:
///
///     commitments:
///       us: [ (done) Ship the storage-tier connector, Publish the Keystone case study ]
///
/// Plain text in any YAML style, so marking one never breaks the file.
public enum CommitmentMark {
    public static func parse(_ text: String) -> (done: Bool, text: String) {
        let trimmed = Trim.whitespace(text)
        for marker in ["(done)", "✓", "✔"] where trimmed.lowercased().hasPrefix(marker) {
            return (true, Trim.whitespace(String(trimmed.dropFirst(marker.count))))
        }
        return (false, trimmed)
    }
}
