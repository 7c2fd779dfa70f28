import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// Section 17: SSH signatures over the charter's canonical form, made and
/// checked by OpenSSH's ssh-keygen -Y, with keys generated here for the test.
@Suite(.serialized) struct SSHSignatureTests {
    static let hasKeygen = SSHKeygen() != nil
    typealias F = Fixtures

    /// Runs ssh-keygen with `arguments` in `folder`; its status.
    @discardableResult
    private func keygen(_ arguments: [String], in folder: TemporaryFolder, stdin: URL? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = try #require(SSHKeygen()).executable
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A project with the test partner, unsigned, and two keys: ours and the partner's, both in allowed_signers.
    private func project() throws -> TemporaryFolder {
        let folder = TemporaryFolder.project(["acme": F.partnerBody])
        for name in ["ours", "theirs"] {
            try #require(try keygen(["-q", "-t", "ed25519", "-N", "", "-C", "test key", "-f", name], in: folder) == 0)
        }
        try allow(["dana@northwind.example": "ours", "sam@acme.example": "theirs"], in: folder)
        return folder
    }

    /// Writes content/allowed_signers: each email with a key's public half.
    private func allow(_ entries: [String: String], in folder: TemporaryFolder) throws {
        var lines: [String] = []
        for (email, key) in entries.sorted(by: { $0.key < $1.key }) {
            let pub = try String(contentsOf: folder.url.appendingPathComponent(key + ".pub"), encoding: .utf8)
            lines.append("\(email) \(pub.split(separator: " ").prefix(2).joined(separator: " "))")
        }
        folder.write("content/allowed_signers", lines.joined(separator: "\n") + "\n")
    }

    private func run(_ arguments: [String], in folder: TemporaryFolder) throws -> Binary.Result {
        try Binary.run(arguments + ["--content", "content"], in: folder.url)
    }

    private func partnerFile(_ folder: TemporaryFolder) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("content/partners/acme.yaml"), encoding: .utf8)
    }

    /// Both parties sign: we with our key, the partner outside with ssh-keygen over `canonical`, recorded with --signature.
    private func signBoth(_ folder: TemporaryFolder) throws {
        let ours = try run(["sign", "acme", "--party", "us", "--name", "Dana Ruiz", "--title", "Director",
                            "--email", "dana@northwind.example", "--key", "ours", "--date", "2026-11-01"], in: folder)
        #expect(ours.status == 0, "\(ours.stderr)")
        let canonical = try run(["canonical", "acme"], in: folder)
        folder.write("charter.txt", canonical.stdout)
        try #require(try keygen(["-Y", "sign", "-f", "theirs", "-n", "partnerbook-charter", "charter.txt"], in: folder) == 0)
        let theirs = try run(["sign", "acme", "--party", "partner", "--name", "Sam Okafor", "--title", "VP Alliances",
                              "--email", "sam@acme.example", "--signature", "charter.txt.sig", "--date", "2026-11-02"], in: folder)
        #expect(theirs.status == 0, "\(theirs.stderr)")
    }

    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"))
    func canonicalPrintsTheBytesTheFingerprintHashes() throws {
        let folder = TemporaryFolder.project(["acme": F.partner])
        let canonical = try run(["canonical", "acme"], in: folder)
        #expect(canonical.status == 0)
        #expect("sha256:" + Digest.hex(Data(canonical.stdout.utf8)) == F.fingerprint)
        #expect(!canonical.stdout.hasSuffix("\n"), "nothing added to the signed bytes")
    }

    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"))
    func signWithAKeyAndFromASigFileThenVerify() throws {
        let folder = try project()
        let before = try partnerFile(folder)
        try signBoth(folder)
        let after = try partnerFile(folder)
        #expect(after.hasPrefix(before), "every other byte of the file is kept")
        #expect(after.contains("    email: \"dana@northwind.example\"\n"))
        #expect(after.contains("    ssh:\n      key: \"SHA256:"))
        #expect(after.contains("      signature: |\n        -----BEGIN SSH SIGNATURE-----\n"))
        let verify = try run(["verify"], in: folder)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("acme: Dana Ruiz <dana@northwind.example> for us signed sha256:"))
        #expect(verify.stdout.components(separatedBy: ": verified with key SHA256:").count == 3)
        #expect(verify.stdout.hasSuffix("2 SSH signatures verified against allowed_signers\n"))
        let check = try run(["check"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("signature.unverified"))
        // The charter says so, per signature.
        let build = try Binary.run(["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path],
                                   in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        let charter = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8)
        #expect(charter.components(separatedBy: "| SSH signature | verified with key SHA256:").count == 3)
    }

    /// Each way a signature can be wrong fails verify (exit 1) and check
    /// (signature.unverified, an error), saying which.
    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"),
          arguments: ["flipped byte", "edited charter", "key not allowed", "key allowed for another email"])
    func aWrongSignatureFailsVerifyAndCheck(_ attack: String) throws {
        let folder = try project()
        try signBoth(folder)
        var text = try partnerFile(folder)
        let expected: String
        switch attack {
        case "flipped byte":
            // One base64 character of the partner's stored signature, changed.
            let armor = try #require(text.range(of: "-----BEGIN SSH SIGNATURE-----\n", options: .backwards))
            let line = text.index(armor.upperBound, offsetBy: 8 + 40)
            let old = text[line]
            text.replaceSubrange(line...line, with: old == "A" ? "B" : "A")
            expected = "is not a good signature of the charter text"
        case "edited charter":
            // The text changed after signing, and the fingerprints edited to match: the signatures do not cover it.
            let old = try run(["fingerprint", "acme"], in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            folder.write("content/partners/acme.yaml", text.replacingOccurrences(of: "us: Revenue", with: "us: Revenue, and more"))
            let new = try run(["fingerprint", "acme"], in: folder).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            text = text.replacingOccurrences(of: "us: Revenue", with: "us: Revenue, and more").replacingOccurrences(of: old, with: new)
            expected = "is not a good signature of the charter text"
        case "key not allowed":
            try allow(["dana@northwind.example": "ours"], in: folder)
            expected = "is not in allowed_signers for any email"
        default:
            try allow(["dana@northwind.example": "ours", "someone.else@acme.example": "theirs"], in: folder)
            expected = "is allowed for someone.else@acme.example in allowed_signers, not for sam@acme.example"
        }
        folder.write("content/partners/acme.yaml", text)
        let verify = try run(["verify", "acme"], in: folder)
        #expect(verify.status == 1, "\(attack): \(verify.stdout)")
        #expect(verify.stdout.contains("for the partner signed sha256:") && verify.stdout.contains(": FAILED: "), "\(verify.stdout)")
        #expect(verify.stdout.contains(expected), "\(attack): \(verify.stdout)")
        let check = try run(["check"], in: folder)
        #expect(check.status == 1, "\(attack): \(check.stdout)")
        let finding = check.stdout.split(separator: "\n").filter { $0.contains("[signature.unverified]") }
        #expect(!finding.isEmpty && finding.allSatisfy { $0.contains(": error: the SSH signature of ") }, "\(check.stdout)")
        #expect(finding.contains { $0.contains(expected) }, "\(attack): \(check.stdout)")
    }

    /// A signature over other bytes, or by a key allowed_signers does not list
    /// for the email, is refused and the partner file is left byte for byte.
    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"))
    func aRefusedSignatureWritesNothing() throws {
        let folder = try project()
        let before = try partnerFile(folder)
        folder.write("other.txt", "not the charter")
        try #require(try keygen(["-Y", "sign", "-f", "theirs", "-n", "partnerbook-charter", "other.txt"], in: folder) == 0)
        let overOther = try run(["sign", "acme", "--party", "partner", "--name", "Sam Okafor", "--title", "VP Alliances",
                                 "--email", "sam@acme.example", "--signature", "other.txt.sig"], in: folder)
        #expect(overOther.status == 1)
        #expect(overOther.stderr.contains("is not a good signature of this charter"))
        #expect(overOther.stderr.contains("nothing was written"))
        // Our key, claiming the partner's email.
        let wrongEmail = try run(["sign", "acme", "--party", "partner", "--name", "Sam Okafor", "--title", "VP Alliances",
                                  "--email", "sam@acme.example", "--key", "ours"], in: folder)
        #expect(wrongEmail.status == 1)
        #expect(wrongEmail.stderr.contains("not for sam@acme.example"), "\(wrongEmail.stderr)")
        #expect(try partnerFile(folder) == before)
        let noEmail = try run(["sign", "acme", "--party", "us", "--name", "Dana Ruiz", "--title", "Director", "--key", "ours"], in: folder)
        #expect(noEmail.status == 64, "--key without --email is a usage error")
        #expect(try partnerFile(folder) == before)
    }

    /// A typed signature (no ssh) works as before and is never run through OpenSSH.
    @Test func typedSignaturesNeedNoOpenSSH() throws {
        let (partner, _) = F.load(F.partner)
        let outcomes = SSHVerifier.verify(try #require(partner), us: OurSide(company: "Northwind Analytics"), texts: SignedTexts(),
                                          allowed: nil, keygen: nil)
        #expect(outcomes.outcomes.isEmpty)
    }

    @Test func keyFingerprintIsReadFromOpenSSHsLine() {
        #expect(SSHKeygen.keyFingerprint(in: "Good \"partnerbook-charter\" signature for a@b.example with ED25519 key SHA256:tHqTXQF/p6Fr+MI14Dlt44\n")
                == "SHA256:tHqTXQF/p6Fr+MI14Dlt44")
        #expect(SSHKeygen.keyFingerprint(in: "Could not verify signature.") == nil)
    }
}
