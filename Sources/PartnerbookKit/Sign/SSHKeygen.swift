import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// OpenSSH's `ssh-keygen -Y` (Debian package `openssh-client`), the way git
/// signs and verifies commits with SSH keys: signatures are made and checked
/// by OpenSSH itself, never parsed or verified by hand here.
///
/// Every call writes what it signs or checks to a private temporary folder
/// and reads it from there (no pipe to fill), and passes file names as
/// separate arguments (no shell).
package struct SSHKeygen: Sendable {
    /// The namespace every charter signature is made in: a signature made for
    /// git or for a file cannot be replayed as a charter signature.
    package static let namespace = Signatures.sshNamespace

    package let executable: URL

    package struct Failure: Error, CustomStringConvertible, Equatable {
        package var description: String
        /// allowed_signers lists the key, but its `valid-after`/`valid-before` exclude the time checked.
        package var outsideValidity = false

        package init(description: String, outsideValidity: Bool = false) {
            self.description = description
            self.outsideValidity = outsideValidity
        }
    }

    /// `-Overify-time=` for a signature dated `day`: noon UTC that day, so a
    /// `valid-after`/`valid-before` date written in any time zone is judged
    /// on the day the signature carries, never on today's clock.
    static func verifyTime(_ day: Day?) -> [String] {
        guard let day else { return [] }
        let digits = day.description.replacingOccurrences(of: "-", with: "")
        return ["-Overify-time=\(digits)120000Z"]
    }

    /// ssh-keygen's lines saying a listed key is outside its validity dates, if it said any.
    static func validityComplaint(_ message: String) -> String? {
        let lines = message.split(whereSeparator: \.isNewline).map(String.init)
            .filter { $0.contains("key is not yet valid") || $0.contains("key has expired") }
        return lines.isEmpty ? nil : lines.joined(separator: "; ")
    }

    /// Finds `ssh-keygen` on the PATH; nil when OpenSSH is not installed.
    package init?() {
        guard let found = Executable.find("ssh-keygen") else { return nil }
        executable = found
    }

    static let missing = "ssh-keygen (OpenSSH, Debian package openssh-client) is not installed, so SSH signatures cannot be checked"

    /// Signs `data` with `key` (a private key file, or a public key whose
    /// private half ssh-agent holds); the armored signature.
    package func sign(_ data: Data, key: String) throws -> String {
        try withFiles(["data": data]) { folder in
            let key = URL(fileURLWithPath: key).standardizedFileURL.path
            let result = try run(["-Y", "sign", "-f", key, "-n", Self.namespace, folder.appendingPathComponent("data").path], in: folder)
            let signature = folder.appendingPathComponent("data.sig")
            guard result.status == 0 else { throw Failure(description: "ssh-keygen could not sign with \(key): \(result.message)") }
            do {
                return try String(contentsOf: signature, encoding: .utf8)
            } catch {
                throw Failure(description: "ssh-keygen signed with \(key) but its signature cannot be read: \(error.localizedDescription)")
            }
        }
    }

    /// Whether `signature` is a good signature of `data` in the charter
    /// namespace, whoever made it; the signing key's fingerprint (`SHA256:…`).
    package func signingKey(of signature: String, over data: Data) -> Result<String, Failure> {
        checked(["data.sig": Data(signature.utf8)]) { folder in
            let result = try run(["-Y", "check-novalidate", "-n", Self.namespace, "-s", folder.appendingPathComponent("data.sig").path],
                                 in: folder, input: data)
            guard result.status == 0, let key = Self.keyFingerprint(in: result.text) else {
                throw Failure(description: result.message.isEmpty ? "the signature does not verify" : result.message)
            }
            return key
        }
    }

    /// The principals `allowed` lets the signature's key sign for on `day`
    /// (empty: the key is not in it); a failure marked `outsideValidity` when
    /// it is listed but not valid that day.
    package func principals(of signature: String, allowed: URL, on day: Day? = nil) -> Result<[String], Failure> {
        checked(["data.sig": Data(signature.utf8)]) { folder in
            let result = try run(["-Y", "find-principals", "-s", folder.appendingPathComponent("data.sig").path, "-f", allowed.path]
                                    + Self.verifyTime(day), in: folder)
            // find-principals fails saying "No principal matched." when the key is in no line valid then.
            guard result.status == 0 else {
                if result.output.isEmpty && result.message.contains("No principal matched") {
                    if let complaint = Self.validityComplaint(result.message) {
                        throw Failure(description: complaint, outsideValidity: true)
                    }
                    return []
                }
                throw Failure(description: "ssh-keygen could not read \(allowed.lastPathComponent): \(result.message)")
            }
            return result.text.split(whereSeparator: \.isNewline).map { String($0) }.filter { !$0.isEmpty }
        }
    }

    /// The full check OpenSSH makes: a good signature of `data`, by a key
    /// `allowed` lists for `principal`, in the charter namespace. The
    /// failure says what OpenSSH said.
    package func verify(_ signature: String, over data: Data, principal: String, allowed: URL, on day: Day? = nil) -> Result<Void, Failure> {
        checked(["data.sig": Data(signature.utf8)]) { folder in
            let result = try run(["-Y", "verify", "-f", allowed.path, "-I", principal, "-n", Self.namespace,
                                  "-s", folder.appendingPathComponent("data.sig").path] + Self.verifyTime(day), in: folder, input: data)
            guard result.status == 0 else {
                let complaint = Self.validityComplaint(result.message)
                throw Failure(description: complaint ?? (result.message.isEmpty ? "not accepted" : result.message),
                              outsideValidity: complaint != nil)
            }
        }
    }

    /// The fingerprint OpenSSH gives a public key (`ssh-keygen -l`), which
    /// also proves OpenSSH reads it as a key.
    package func keyFingerprint(ofPublicKey line: String) -> Result<String, Failure> {
        checked(["key.pub": Data((line + "\n").utf8)]) { folder in
            let result = try run(["-l", "-E", "sha256", "-f", folder.appendingPathComponent("key.pub").path], in: folder)
            guard result.status == 0, let key = result.text.split(separator: " ").dropFirst().first, key.hasPrefix("SHA256:") else {
                throw Failure(description: result.message.isEmpty ? "not a public key OpenSSH can read" : result.message)
            }
            return String(key)
        }
    }

    /// `SHA256:…` in ssh-keygen's "Good … signature … with ED25519 key SHA256:…" line.
    static func keyFingerprint(in output: String) -> String? {
        guard let range = output.range(of: "key SHA256:") else { return nil }
        let rest = output[range.upperBound...].prefix { !$0.isWhitespace }
        return rest.isEmpty ? nil : "SHA256:" + rest
    }

    // MARK: - Running ssh-keygen

    /// ssh-keygen through the one helper every program is run by (no shell, output bounded).
    private func run(_ arguments: [String], in folder: URL, input: Data? = nil) throws -> Subprocess.Result {
        do {
            return try Subprocess.run(executable, arguments, in: folder, input: input, outputLimit: 1 << 20)
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    /// `body` in a private temporary folder holding `files`; any failure
    /// (the folder or a file could not be written, ssh-keygen could not
    /// start) is the result's, never taken for a verdict on the signature.
    private func checked<T>(_ files: [String: Data], _ body: (URL) throws -> T) -> Result<T, Failure> {
        do {
            return .success(try withFiles(files, body))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }

    /// A private temporary folder holding `files`, removed afterwards.
    private func withFiles<T>(_ files: [String: Data], _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerbook-ssh-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(description: "cannot make a private temporary folder for ssh-keygen: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in files {
            guard FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: data,
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw Failure(description: "cannot write a temporary file for ssh-keygen in \(folder.path)")
            }
        }
        return try body(folder)
    }
}
