import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookOutput

/// `partnerbook signer add EMAIL KEY.pub --party us|partner`: appends one
/// checked line to the content folder's allowed_signers, in place of the
/// shell recipe `echo "EMAIL ... $(cut -d' ' -f1,2 KEY.pub)"`, which a
/// `.pub` file with a second line could use to add a principal of its own.
///
/// The `.pub` file must hold exactly one line, and that line exactly one
/// public key (type, base64, an optional comment), which OpenSSH must read
/// as a key; the email must be one address with none of the characters that
/// separate principals or options. Only the key's type and base64 are
/// written, after the email and the charter namespace, so nothing from the
/// file but the key reaches allowed_signers.
package enum SignerAdd {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package struct Outcome: Sendable {
        /// The line appended (without its comment line).
        package var line: String
        package var keyFingerprint: String
        /// What the signer of the program should look at: a partner key allowed for our domain, one key for two principals.
        package var warnings: [String]
    }

    /// Largest `.pub` file read: an RSA-16384 key is under 3 KiB.
    static let maxKeyFileBytes = 16 << 10

    package static func add(email rawEmail: String, keyFile: URL, party: Party, content: URL, today: Day) throws -> Outcome {
        let email = Trim.whitespace(rawEmail)
        guard isPrincipal(email) else {
            throw Failure(description: "'\(rawEmail)' is not one email address: an allowed_signers principal holds letters, digits and . _ + - around one @, nothing else (no comma, blank, quote or line break); nothing was written")
        }
        let publicKey = try readKey(keyFile)
        guard let keygen = SSHKeygen() else { throw Failure(description: SSHKeygen.missing + "; nothing was written") }
        let fingerprint: String
        switch keygen.keyFingerprint(ofPublicKey: publicKey.keyType + " " + publicKey.keyData) {
        case .failure(let failure): throw Failure(description: "\(keyFile.path) is not a public key OpenSSH can read (\(failure.description)); nothing was written")
        case .success(let found): fingerprint = found
        }
        guard fingerprint == publicKey.fingerprint else {
            throw Failure(description: "OpenSSH reads \(keyFile.path) as key \(fingerprint), not as the key it spells out; nothing was written")
        }

        let root = try ContentLoader.contentRoot(content)
        let file = root.appendingPathComponent(SSHVerifier.allowedSignersFile)
        var existing = ""
        let exists = FileManager.default.fileExists(atPath: file.path)
        if exists {
            switch ContentFile.read(file.path, root: root.path, inRealFolder: false) {
            case .success(let data):
                guard let text = String(data: data, encoding: .utf8) else {
                    throw Failure(description: "\(SSHVerifier.allowedSignersFile) is not UTF-8 text; nothing was written")
                }
                existing = text
            case .failure(let refusal):
                throw Failure(description: "cannot read \(SSHVerifier.allowedSignersFile): \(refusal.token); nothing was written")
            }
        }
        let lines = AllowedSigners(text: existing).lines
        if lines.contains(where: { $0.fingerprint == fingerprint && $0.principals.contains(email) }) {
            throw Failure(description: "\(SSHVerifier.allowedSignersFile) already allows key \(fingerprint) for \(email); nothing was written")
        }
        var warnings: [String] = []
        let others = Set(lines.filter { $0.fingerprint == fingerprint }.flatMap(\.principals)).subtracting([email]).sorted()
        if !others.isEmpty {
            warnings.append("key \(fingerprint) is already allowed for \(others.joined(separator: ", ")): one key signing for two people (or for both parties) makes signature.signer fail; give each signer a key of their own")
        }
        let domain = email.split(separator: "@").last.map { $0.lowercased() } ?? ""
        let ours = ourDomains(root: root)
        if party == .partner, ours.contains(domain) {
            warnings.append("\(email) is on our own email domain (\(domain)), but the key is added for the partner: a partner's signature should come from the partner's address")
        }

        let line = "\(email) namespaces=\"\(Signatures.sshNamespace)\" \(publicKey.keyType) \(publicKey.keyData)"
        let comment = "# \(party == .us ? "us" : "the partner"): \(email), added \(today) by partnerbook signer add"
        var text = existing
        if !exists {
            text = "# Whose SSH key may sign charters for which email (OpenSSH allowed-signers format).\n"
        } else if !text.isEmpty && !text.hasSuffix("\n") {
            text += "\n"
        }
        text += comment + "\n" + line + "\n"
        // What is written must read back as the lines before and exactly this one more.
        let after = AllowedSigners(text: text).lines
        guard after.count == lines.count + 1, after.last?.principals == [email], after.last?.fingerprint == fingerprint else {
            throw Failure(description: "internal check failed: the new line would not read back as written; nothing was written")
        }
        do {
            if exists {
                try FileReplacement.replace([FileReplacement.Change(path: file.path, data: Data(text.utf8))], root: root)
            } else {
                try create(file.path, Data(text.utf8))
            }
        } catch {
            throw Failure(description: "cannot write \(SSHVerifier.allowedSignersFile): \(error)")
        }
        return Outcome(line: line, keyFingerprint: fingerprint, warnings: warnings)
    }

    /// One address, as an allowed_signers principal may be: no comma (which
    /// separates principals), blank, quote or control character.
    static func isPrincipal(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return email.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "@._+-".utf8.contains(byte)
        }
    }

    /// The one key a `.pub` file holds: one line, `type base64 [comment]`, no options before it.
    static func readKey(_ url: URL) throws -> AllowedSigners.Line {
        let data: Data
        do {
            data = try BoundedFile.read(url.path, limit: maxKeyFileBytes, followLinks: true)
        } catch let refusal as BoundedFile.Refusal {
            throw Failure(description: "cannot read \(url.path): \(refusal.message(for: "a public key")); nothing was written")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "\(url.path) is not a text public key; nothing was written")
        }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .filter { !Trim.whitespace(String($0)).isEmpty }
        guard lines.count == 1, let only = lines.first else {
            throw Failure(description: "\(url.path) holds \(lines.count) lines; a public key file holds exactly one (a second line could add another signer); nothing was written")
        }
        let line = Trim.whitespace(String(only))
        guard !line.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F || $0 == "\r" }) else {
            throw Failure(description: "\(url.path) holds a control character; nothing was written")
        }
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count >= 2, AllowedSigners.keyTypes.contains(fields[0]),
              let fingerprint = AllowedSigners.fingerprint(ofKey: fields[1]) else {
            throw Failure(description: "\(url.path) does not start with a key type and its base64 (ssh-ed25519 AAAA…); options or principals before the key are refused; nothing was written")
        }
        return AllowedSigners.Line(principals: [], options: nil, keyType: fields[0], keyData: fields[1], fingerprint: fingerprint)
    }

    /// The email domains our side signs and works from, as the partner files
    /// name them (signatories.us.email, contacts.us.email).
    static func ourDomains(root: URL) -> Set<String> {
        guard let loaded = try? ContentLoader.load(from: root) else { return [] }
        var domains = Set<String>()
        for partner in loaded.partners {
            for email in [partner.signatories?.us?.email?.value, partner.contacts?.us?.email?.value].compactMap({ $0 }) {
                if let domain = email.split(separator: "@").last { domains.insert(Trim.whitespace(String(domain)).lowercased()) }
            }
        }
        return domains
    }

    /// A new file, never through a link or over one that appeared meanwhile.
    private static func create(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress!, raw.count) }
        guard written == data.count else { throw Failure(description: "short write") }
    }
}
