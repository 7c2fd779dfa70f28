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
    static let hasKeygen = SSHProject.available
    typealias F = Fixtures

    private func project() throws -> SSHProject { try SSHProject() }

    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"))
    func canonicalPrintsTheBytesTheFingerprintHashes() throws {
        let folder = TemporaryFolder.project(["acme": F.partner])
        let canonical = try Binary.run(["canonical", "acme", "--content", "content"], in: folder.url)
        #expect(canonical.status == 0)
        #expect("sha256:" + Digest.hex(Data(canonical.stdout.utf8)) == F.fingerprint)
        #expect(!canonical.stdout.hasSuffix("\n"), "nothing added to the signed bytes")
    }

    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"))
    func signWithAKeyAndFromASigFileThenVerify() throws {
        let project = try project()
        let folder = project.folder
        let before = try project.partnerFile()
        try project.signBoth()
        let after = try project.partnerFile()
        #expect(after.hasPrefix(before), "every other byte of the file is kept")
        #expect(after.contains("    email: \"dana@northwind.example\"\n"))
        #expect(after.contains("    ssh:\n      key: \"SHA256:"))
        #expect(after.contains("      signature: |\n        -----BEGIN SSH SIGNATURE-----\n"))
        let verify = try project.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("acme: Dana Ruiz <dana@northwind.example> for us signed sha256:"))
        #expect(verify.stdout.components(separatedBy: ": verified with key SHA256:").count == 3)
        #expect(verify.stdout.hasSuffix("2 SSH signatures verified against allowed_signers\n"))
        let check = try project.run(["check"])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("signature.unverified"))
        // The charter says so, per signature.
        let build = try Binary.run(["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path],
                                   in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        let charter = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8)
        #expect(charter.components(separatedBy: "SSH signature, verified with key `SHA256:").count == 3)
        #expect(charter.contains("| Signature | SSH signature, verified with key `SHA256:"), "both in the one table's Signature row")
    }

    /// Each way a signature can be wrong fails verify (exit 1) and check
    /// (signature.unverified, an error), saying which.
    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"),
          arguments: ["flipped byte", "edited charter", "key not allowed", "key allowed for another email"])
    func aWrongSignatureFailsVerifyAndCheck(_ attack: String) throws {
        let project = try project()
        let folder = project.folder
        try project.signBoth()
        var text = try project.partnerFile()
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
            let old = try project.run(["fingerprint", "acme"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            folder.write("content/partners/acme.yaml", text.replacingOccurrences(of: "us: Revenue", with: "us: Revenue, and more"))
            let new = try project.run(["fingerprint", "acme"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            text = text.replacingOccurrences(of: "us: Revenue", with: "us: Revenue, and more").replacingOccurrences(of: old, with: new)
            expected = "is not a good signature of the charter text"
        case "key not allowed":
            try project.allow(["dana@northwind.example": "ours"])
            expected = "is not in allowed_signers for any email"
        default:
            try project.allow(["dana@northwind.example": "ours", "someone.else@acme.example": "theirs"])
            expected = "is allowed for someone.else@acme.example in allowed_signers, not for sam@acme.example"
        }
        folder.write("content/partners/acme.yaml", text)
        let verify = try project.run(["verify", "acme"])
        #expect(verify.status == 1, "\(attack): \(verify.stdout)")
        #expect(verify.stdout.contains("for the partner signed sha256:") && verify.stdout.contains(": FAILED: "), "\(verify.stdout)")
        #expect(verify.stdout.contains(expected), "\(attack): \(verify.stdout)")
        let check = try project.run(["check"])
        #expect(check.status == 1, "\(attack): \(check.stdout)")
        let finding = check.stdout.split(separator: "\n").filter { $0.contains("[signature.unverified]") }
        #expect(!finding.isEmpty && finding.allSatisfy { $0.contains(": error: the SSH signature of ") }, "\(check.stdout)")
        #expect(finding.contains { $0.contains(expected) }, "\(attack): \(check.stdout)")
    }

    /// A signature over other bytes, or by a key allowed_signers does not list
    /// for the email, is refused and the partner file is left byte for byte.
    @Test(.enabled(if: hasKeygen, "ssh-keygen (openssh-client) is not installed"))
    func aRefusedSignatureWritesNothing() throws {
        let project = try project()
        let folder = project.folder
        let before = try project.partnerFile()
        folder.write("other.txt", "not the charter")
        try #require(try project.keygen(["-Y", "sign", "-f", "theirs", "-n", "partnerbook-charter", "other.txt"]) == 0)
        let overOther = try project.run(["sign", "acme", "--party", "partner", "--name", "Sam Okafor", "--title", "VP Alliances",
                                 "--email", "sam@acme.example", "--signature", "other.txt.sig"])
        #expect(overOther.status == 1)
        #expect(overOther.stderr.contains("is not a good signature of this charter"))
        #expect(overOther.stderr.contains("nothing was written"))
        // Our key, claiming the partner's email.
        let wrongEmail = try project.run(["sign", "acme", "--party", "partner", "--name", "Sam Okafor", "--title", "VP Alliances",
                                  "--email", "sam@acme.example", "--key", "ours"])
        #expect(wrongEmail.status == 1)
        #expect(wrongEmail.stderr.contains("not for sam@acme.example"), "\(wrongEmail.stderr)")
        #expect(try project.partnerFile() == before)
        // Our key, with an email that is not our signatory's: not bound to the signer.
        let notSignatory = try project.run(["sign", "acme", "--party", "us", "--email", "priya@northwind.example", "--key", "ours"])
        #expect(notSignatory.status == 1, "\(notSignatory.stderr)")
        #expect(notSignatory.stderr.contains("is not the signatory's email for us"), "\(notSignatory.stderr)")
        #expect(try project.partnerFile() == before)
    }

    /// A typed signature (no ssh) works as before and is never run through OpenSSH.
    @Test func typedSignaturesNeedNoOpenSSH() throws {
        let (partner, _) = F.load(F.partner)
        let frame = CharterFrame(company: "Northwind Analytics")
        let found = try #require(partner)
        let outcomes = SSHVerifier.verify(found, frame: frame, state: SignatureState(found, frame: frame), texts: SignedTexts(),
                                          allowed: nil, keygen: nil)
        #expect(outcomes.outcomes.isEmpty)
    }

    @Test func keyFingerprintIsReadFromOpenSSHsLine() {
        #expect(SSHKeygen.keyFingerprint(in: "Good \"partnerbook-charter\" signature for a@b.example with ED25519 key SHA256:tHqTXQF/p6Fr+MI14Dlt44\n")
                == "SHA256:tHqTXQF/p6Fr+MI14Dlt44")
        #expect(SSHKeygen.keyFingerprint(in: "Could not verify signature.") == nil)
    }
}
