import Foundation
import PartnerbookModel
import PartnerbookSupport

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
    package static let namespace = "partnerbook-charter"

    let executable: URL

    package struct Failure: Error, CustomStringConvertible, Equatable {
        package var description: String
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
            let result = run(["-Y", "sign", "-f", key, "-n", Self.namespace, folder.appendingPathComponent("data").path], in: folder)
            let signature = folder.appendingPathComponent("data.sig")
            guard result.status == 0, let armored = try? String(contentsOf: signature, encoding: .utf8) else {
                throw Failure(description: "ssh-keygen could not sign with \(key): \(result.message)")
            }
            return armored
        }
    }

    /// Whether `signature` is a good signature of `data` in the charter
    /// namespace, whoever made it; the signing key's fingerprint (`SHA256:…`).
    package func signingKey(of signature: String, over data: Data) -> Result<String, Failure> {
        let outcome: Result<String, Failure>? = try? withFiles(["data": data, "data.sig": Data(signature.utf8)]) { folder in
            let result = run(["-Y", "check-novalidate", "-n", Self.namespace, "-s", folder.appendingPathComponent("data.sig").path],
                             in: folder, stdin: folder.appendingPathComponent("data"))
            guard result.status == 0, let key = Self.keyFingerprint(in: result.output) else {
                return .failure(Failure(description: result.message.isEmpty ? "the signature does not verify" : result.message))
            }
            return .success(key)
        }
        return outcome ?? .failure(Failure(description: "cannot write a temporary file to check the signature"))
    }

    /// The principals `allowed` lets the signature's key sign for (empty: the key is not in it).
    package func principals(of signature: String, allowed: URL) -> [String] {
        (try? withFiles(["data.sig": Data(signature.utf8)]) { folder -> [String] in
            let result = run(["-Y", "find-principals", "-s", folder.appendingPathComponent("data.sig").path, "-f", allowed.path], in: folder)
            guard result.status == 0 else { return [] }
            return result.output.split(whereSeparator: \.isNewline).map { String($0) }.filter { !$0.isEmpty }
        }) ?? []
    }

    /// The full check OpenSSH makes: a good signature of `data`, by a key
    /// `allowed` lists for `principal`, in the charter namespace.
    package func verify(_ signature: String, over data: Data, principal: String, allowed: URL) -> Bool {
        (try? withFiles(["data": data, "data.sig": Data(signature.utf8)]) { folder in
            run(["-Y", "verify", "-f", allowed.path, "-I", principal, "-n", Self.namespace,
                 "-s", folder.appendingPathComponent("data.sig").path], in: folder, stdin: folder.appendingPathComponent("data")).status == 0
        }) ?? false
    }

    /// `SHA256:…` in ssh-keygen's "Good … signature … with ED25519 key SHA256:…" line.
    static func keyFingerprint(in output: String) -> String? {
        guard let range = output.range(of: "key SHA256:") else { return nil }
        let rest = output[range.upperBound...].prefix { !$0.isWhitespace }
        return rest.isEmpty ? nil : "SHA256:" + rest
    }

    // MARK: - Running ssh-keygen

    private struct Run {
        var status: Int32
        var output: String
        /// What ssh-keygen said on standard error, on one line.
        var message: String
    }

    private func run(_ arguments: [String], in folder: URL, stdin: URL? = nil) -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        guard let outHandle = try? FileHandle(forWritingTo: out), let errHandle = try? FileHandle(forWritingTo: err) else {
            return Run(status: -1, output: "", message: "cannot capture ssh-keygen's output")
        }
        defer { try? outHandle.close(); try? errHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        let input = stdin.flatMap { try? FileHandle(forReadingFrom: $0) }
        defer { try? input?.close() }
        process.standardInput = input ?? FileHandle.nullDevice
        do { try process.run() } catch { return Run(status: -1, output: "", message: "ssh-keygen could not start: \(error)") }
        process.waitUntilExit()
        let output = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        let message = ((try? String(contentsOf: err, encoding: .utf8)) ?? "")
            .split(whereSeparator: \.isNewline).map { Trim.whitespace(String($0)) }.filter { !$0.isEmpty }.joined(separator: "; ")
        return Run(status: process.terminationStatus, output: output, message: message)
    }

    /// A private temporary folder holding `files`, removed afterwards.
    private func withFiles<T>(_ files: [String: Data], _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerbook-ssh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in files {
            guard FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: data,
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw Failure(description: "cannot write a temporary file for ssh-keygen")
            }
        }
        return try body(folder)
    }
}
