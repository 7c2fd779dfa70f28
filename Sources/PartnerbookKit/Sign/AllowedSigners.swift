import Foundation
import PartnerbookModel
import PartnerbookSupport

/// The lines of an OpenSSH allowed_signers file (`ssh-keygen(1)`, ALLOWED
/// SIGNERS), read only as far as naming each public key: its principals, its
/// options, its type and base64 blob, and its `SHA256:` fingerprint as
/// OpenSSH prints it. OpenSSH itself judges signatures against the file
/// (`SSHKeygen`); this reading serves the charter's verification appendix
/// (which prints the key a signature was verified with) and `signer add`
/// (which refuses a second line for the same key or principal). OpenSSH has
/// no command that prints a line of the file, hence this reader.
package struct AllowedSigners: Sendable, Equatable {
    package struct Line: Sendable, Equatable {
        package var principals: [String]
        package var options: String?
        /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, ...
        package var keyType: String
        package var keyData: String
        /// `SHA256:` and the unpadded base64 of the SHA-256 of the key blob.
        package var fingerprint: String

        /// The public key as a `.pub` file and an allowed_signers line write it.
        package var publicKey: String { keyType + " " + keyData }
    }

    package var lines: [Line]

    /// Key types OpenSSH signs with.
    static let keyTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    package init(lines: [Line] = []) {
        self.lines = lines
    }

    /// Every line naming a key; comments, blank lines and lines that name none are passed over.
    package init(text: String) {
        lines = text.split(whereSeparator: \.isNewline).compactMap { AllowedSigners.line(String($0)) }
    }

    /// One line: `principals [options] keytype base64 [comment]`.
    static func line(_ text: String) -> Line? {
        let fields = tokens(text)
        guard let first = fields.first, !first.hasPrefix("#"), fields.count >= 3 else { return nil }
        let typeIndex = keyTypes.contains(fields[1]) ? 1 : 2
        guard fields.count > typeIndex + 1, keyTypes.contains(fields[typeIndex]),
              let fingerprint = fingerprint(ofKey: fields[typeIndex + 1]) else { return nil }
        return Line(principals: first.split(separator: ",").map(String.init), options: typeIndex == 2 ? fields[1] : nil,
                    keyType: fields[typeIndex], keyData: fields[typeIndex + 1], fingerprint: fingerprint)
    }

    /// Fields split at blanks outside double quotes (an option's value may hold blanks).
    static func tokens(_ text: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && (character == " " || character == "\t") {
                if !current.isEmpty { fields.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { fields.append(current) }
        return fields
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of a base64 key blob; nil when it is not base64.
    package static func fingerprint(ofKey base64: String) -> String? {
        guard base64.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=") }),
              let blob = Data(base64Encoded: base64), !blob.isEmpty else { return nil }
        var encoded = Digest.bytes(blob).base64EncodedString()
        while encoded.hasSuffix("=") { encoded.removeLast() }
        return "SHA256:" + encoded
    }

    /// The public key (`type base64`) listed for `principal` with fingerprint `key`, if one is.
    package func publicKey(fingerprint key: String, principal: String) -> String? {
        lines.first { $0.fingerprint == key && $0.principals.contains(principal) }?.publicKey
    }
}
