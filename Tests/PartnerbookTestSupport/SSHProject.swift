import Foundation
import Testing
import PartnerbookKit

/// A project folder (`content/` holding the test program and partners) with
/// two SSH keys made here by OpenSSH: ours (`ours`, for
/// dana@northwind.example) and the partner's (`theirs`, for
/// sam@acme.example), the signatories the fixture names, both listed in
/// content/allowed_signers. For the tests of SSH signatures.
package struct SSHProject {
    package static let available = SSHKeygen() != nil
    package let folder: TemporaryFolder

    package init(partners: [String: String] = ["acme": Fixtures.partnerBody]) throws {
        folder = TemporaryFolder.project(partners)
        for name in ["ours", "theirs"] {
            try #require(try keygen(["-q", "-t", "ed25519", "-N", "", "-C", "test key", "-f", name]) == 0)
        }
        try allow(["dana@northwind.example": "ours", "sam@acme.example": "theirs"])
    }

    /// Runs ssh-keygen with `arguments` in the folder; its status.
    @discardableResult
    package func keygen(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = try #require(SSHKeygen()).executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Writes content/allowed_signers: each email with a key's public half,
    /// and the options given for it (`valid-before="…"`).
    package func allow(_ entries: [String: String], options: [String: String] = [:]) throws {
        var lines: [String] = []
        for (email, key) in entries.sorted(by: { $0.key < $1.key }) {
            let pub = try String(contentsOf: folder.url.appendingPathComponent(key + ".pub"), encoding: .utf8)
            let extra = options[email].map { $0 + " " } ?? ""
            lines.append("\(email) \(extra)\(pub.split(separator: " ").prefix(2).joined(separator: " "))")
        }
        folder.write("content/allowed_signers", lines.joined(separator: "\n") + "\n")
    }

    /// The binary with `--content content`.
    package func run(_ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--content", "content"], in: folder.url)
    }

    package func partnerFile(_ id: String = "acme") throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("content/partners/\(id).yaml"), encoding: .utf8)
    }

    /// Both parties sign: we with our key, the partner outside with
    /// ssh-keygen over `canonical`, recorded with --signature.
    package func signBoth(us: String = "2026-11-01", partner: String = "2026-11-02",
                          sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try run(["sign", "acme", "--party", "us", "--name", "Dana Ruiz", "--title", "Director",
                            "--email", "dana@northwind.example", "--key", "ours", "--date", us])
        #expect(ours.status == 0, "\(ours.stderr)", sourceLocation: sourceLocation)
        let canonical = try run(["canonical", "acme"])
        folder.write("charter.txt", canonical.stdout)
        try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("charter.txt.sig"))
        try #require(try keygen(["-Y", "sign", "-f", "theirs", "-n", "partnerbook-charter", "charter.txt"]) == 0)
        let theirs = try run(["sign", "acme", "--party", "partner", "--name", "Sam Okafor", "--title", "VP Alliances",
                              "--email", "sam@acme.example", "--signature", "charter.txt.sig", "--date", partner])
        #expect(theirs.status == 0, "\(theirs.stderr)", sourceLocation: sourceLocation)
    }
}
