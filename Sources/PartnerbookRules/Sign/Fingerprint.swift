import Foundation
import PartnerbookModel
import PartnerbookSupport

/// `sha256:` and the SHA-256 of the canonical form, in lowercase hex.
public enum Fingerprint {
    public static let prefix = "sha256:"

    public static func of(_ partner: Partner, frame: CharterFrame, form: CanonicalVersion = .two) -> String {
        prefix + Digest.hex(Data(CanonicalForm.bytes(of: partner, frame: frame, form: form)))
    }

    /// Whether `text` has the form of a fingerprint.
    public static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let hex = text.dropFirst(prefix.count)
        return hex.count == 64 && hex.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
