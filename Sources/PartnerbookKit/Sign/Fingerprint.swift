import Crypto
import Foundation

/// `sha256:` and the SHA-256 of the canonical form, in lowercase hex.
public enum Fingerprint {
    public static let prefix = "sha256:"

    public static func of(_ partner: Partner, company: String?) -> String {
        let digest = SHA256.hash(data: Data(CanonicalForm.text(of: partner, company: company).utf8))
        return prefix + digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `text` has the form of a fingerprint.
    public static func isWellFormed(_ text: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let hex = text.dropFirst(prefix.count)
        return hex.count == 64 && hex.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
