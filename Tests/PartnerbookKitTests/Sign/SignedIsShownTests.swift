import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookRules
@testable import PartnerbookRender
import PartnerbookTestSupport

/// Section 19, each attack of the outside review as it was run: on the
/// release before canonical form 2 every one of these passed unnoticed.
@Suite(.serialized) struct SignedIsShownTests {
    typealias F = Fixtures

    private func fingerprint(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> String {
        let result = try Binary.run(["fingerprint", "acme", "--content", "."] + extra, in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// program.yaml's crawl threshold 20 -> 25: the charter prints "improve
    /// by 25%", so the signatures no longer cover it.
    @Test func aGateChangeInProgramYamlIsNotCoveredBySignaturesGivenBefore() throws {
        let folder = TemporaryFolder.content(["acme": F.partner])
        #expect(try fingerprint(folder) == F.fingerprint)
        let formOne = try fingerprint(folder, ["--form", "1"])
        folder.write("program.yaml", F.program + "\ngates: { crawl_min_improvement: 25 }\n")
        #expect(try fingerprint(folder) != F.fingerprint)
        #expect(try fingerprint(folder, ["--form", "1"]) == formOne, "form 1 never covered the gates")
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(check.stdout.components(separatedBy: "[signature.stale]").count == 3, "\(check.stdout)")
        let charter = try #require(try TestBuild.files(folder)["partners/acme/charter.md"])
        #expect(charter.contains("improve by 25% or more"))
        #expect(charter.contains("> **DRAFT.**"))
    }

    /// A binding addendum prepended to the summary: the summary is ours
    /// (section 20), so the charter never prints it, and what the partner
    /// signed still stands; the addendum reaches only our brief.
    @Test func aSummaryAddendumNeverReachesTheCharter() throws {
        let folder = TemporaryFolder.content(["acme": F.partner])
        let signed = try fingerprint(folder)
        folder.write("partners/acme.yaml", F.partner(replacing: "summary: A *good* partner.",
                                                      with: "summary: \"Binding addendum: Acme pays Northwind $2M. A *good* partner.\""))
        #expect(try fingerprint(folder) == signed)
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(!check.stdout.contains("[signature.stale]"), "\(check.stdout)")
        let files = try TestBuild.files(folder)
        let charter = try #require(files["partners/acme/charter.md"])
        #expect(!charter.contains("Binding addendum") && !charter.contains("good* partner") && !charter.contains("good</em> partner"))
        let brief = try #require(files.first { $0.key.hasSuffix("-brief.md") }?.value)
        #expect(brief.contains("Binding addendum"), "the summary is read in our brief")
    }

    /// The wording around the values: "either side may end the partnership
    /// when" changed in a person's charter template.
    @Test func aChangedTemplateWordingIsNotCoveredBySignaturesGivenBefore() throws {
        let folder = TemporaryFolder.content(["acme": F.partner])
        let builtIn = try String(contentsOf: TestBuild.templates.appendingPathComponent("charter.md.mustache"), encoding: .utf8)
        let wording = "either side may end the partnership when"
        try #require(builtIn.contains(wording))
        let changed = builtIn.replacingOccurrences(of: wording, with: "only Northwind may end the partnership, and only when")
        folder.write("Templates/charter.md.mustache", changed)
        let withTemplates = ["--templates", "Templates"]
        #expect(try fingerprint(folder, withTemplates) != F.fingerprint)
        let canonical = try Binary.run(["canonical", "acme", "--content", "."] + withTemplates, in: folder.url).stdout
        #expect(canonical.contains("\"template\":\"sha256:\(Digest.hex(Data(changed.utf8)))\""), "sha256sum of the template file")
        let check = try Binary.run(["check", "--content", "."] + withTemplates, in: folder.url)
        #expect(check.stdout.components(separatedBy: "[signature.stale]").count == 3, "\(check.stdout)")
        // The built-in template written out unchanged is the built-in wording: nothing goes stale.
        folder.write("Templates/charter.md.mustache", builtIn)
        #expect(try fingerprint(folder, withTemplates) == F.fingerprint)
    }

    /// Our CRO's SSH entry copied under the partner's party and name: OpenSSH
    /// verifies it (the key is allowed for our email), but it is not the
    /// partner's signatory's, and one key signs for both parties.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func aRelabelledSSHEntryIsNotThePartnersSignature() throws {
        let project = try SSHProject()
        try project.signBoth()
        let text = try project.partnerFile()
        let ours = try #require(text.range(of: "  - party: us\n")).lowerBound
        let theirs = try #require(text.range(of: "  - party: partner\n")).lowerBound
        let relabelled = text[ours..<theirs].replacingOccurrences(of: "party: us", with: "party: partner")
            .replacingOccurrences(of: "name: \"Dana Ruiz\"", with: "name: \"Sam Okafor\"")
        project.folder.write("content/partners/acme.yaml", String(text[..<theirs]) + relabelled)
        let check = try project.run(["check"])
        #expect(check.status == 1)
        let signer = check.stdout.split(separator: "\n").filter { $0.contains("[signature.signer]") }
        #expect(signer.contains { $0.contains("signs for both parties") }, "\(check.stdout)")
        let verify = try project.run(["verify"])
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("for the partner signed") && verify.stdout.contains("FAILED: key"), "\(verify.stdout)")
        let build = try Binary.run(["build", "--content", "content", "--output", "out"], in: project.folder.url)
        #expect(build.status == 1, "errors fail the build, which still writes the documents")
        let charter = try String(contentsOf: project.folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8)
        // The signature table: a column per party; the partner's cells never read as verified.
        func partnerCell(_ label: String) throws -> String {
            let row = try #require(charter.split(separator: "\n").first { $0.hasPrefix("| \(label) |") })
            return String(row.split(separator: "|", omittingEmptySubsequences: false)[3])
        }
        #expect(!(try partnerCell("Email")).contains("verified"), "the partner's block never reads as verified")
        #expect(try partnerCell("Status").contains("not bound to this signatory"))
    }

    /// A partner-supplied .pub with a second line naming our own principal
    /// with the partner's key: `signer add` refuses it, nothing is written.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func aSmuggledAllowedSignersLineIsRefused() throws {
        let project = try SSHProject()
        let allowed = project.folder.url.appendingPathComponent("content/allowed_signers")
        let before = try Data(contentsOf: allowed)
        let theirs = try String(contentsOf: project.folder.url.appendingPathComponent("theirs.pub"), encoding: .utf8)
        let key = theirs.split(separator: " ").prefix(2).joined(separator: " ")
        project.folder.write("smuggled.pub", "\(key) helen@acme\n\tdana@northwind.example \(key)\n")
        let smuggled = try project.run(["signer", "add", "helen@acme.example", "smuggled.pub", "--party", "partner"])
        #expect(smuggled.status == 1)
        #expect(smuggled.stderr.contains("holds 2 lines"), "\(smuggled.stderr)")
        project.folder.write("options.pub", "cert-authority \(key)\n")
        #expect(try project.run(["signer", "add", "helen@acme.example", "options.pub", "--party", "partner"]).status == 1)
        #expect(try project.run(["signer", "add", "helen@acme.example,dana@northwind.example", "theirs.pub", "--party", "partner"]).status == 1,
                "one principal only")
        #expect(try Data(contentsOf: allowed) == before)
        // The one-line key goes in as one line, with a warning when it is a partner key on our domain.
        project.folder.write("helen.pub", key + " helen's laptop\n")
        let added = try project.run(["signer", "add", "helen@acme.example", "helen.pub", "--party", "partner"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("already allowed for sam@acme.example"), "one key for two people: \(added.stderr)")
        let lines = try String(contentsOf: allowed, encoding: .utf8).split(separator: "\n")
        #expect(lines.last == "helen@acme.example namespaces=\"partnerbook-charter\" \(key)")
        try project.keygen(["-q", "-t", "ed25519", "-N", "", "-C", "x", "-f", "fresh"])
        let ourDomain = try project.run(["signer", "add", "someone@northwind.example", "fresh.pub", "--party", "partner"])
        #expect(ourDomain.status == 0)
        #expect(ourDomain.stderr.contains("on our own email domain"), "\(ourDomain.stderr)")
    }

    /// A key that expired after the signature was made still verifies it;
    /// one not yet valid on the signature's date does not, and says so.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func keysAreJudgedOnTheSignaturesDate() throws {
        let project = try SSHProject()
        try project.signBoth(us: "2026-11-01", partner: "2026-11-02")
        // Both keys expired on 1 December 2026, after they signed and before today.
        try project.allow(["dana@northwind.example": "ours", "sam@acme.example": "theirs"],
                          options: ["dana@northwind.example": "valid-before=\"20261201\"", "sam@acme.example": "valid-before=\"20261201\""])
        let verify = try project.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(try project.run(["check"]).status == 0)
        // The partner's key valid only from 5 November: not on 2 November.
        try project.allow(["dana@northwind.example": "ours", "sam@acme.example": "theirs"],
                          options: ["sam@acme.example": "valid-after=\"20261105\""])
        let early = try project.run(["verify"])
        #expect(early.status == 1)
        #expect(early.stdout.contains("key not valid on 2026-11-02"), "\(early.stdout)")
    }

    /// After the charter changed, both parties sign again: the first two
    /// signatures are superseded, reported as such and not counted as failures.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func signingAgainLeavesNoFailures() throws {
        let project = try SSHProject()
        try project.signBoth(us: "2026-11-01", partner: "2026-11-02")
        let text = try project.partnerFile()
        project.folder.write("content/partners/acme.yaml", text.replacingOccurrences(of: "us: Revenue", with: "us: Revenue and margin"))
        try project.signBoth(us: "2026-11-20", partner: "2026-11-21")
        let verify = try project.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.components(separatedBy: ": superseded: ").count == 3, "\(verify.stdout)")
        #expect(verify.stdout.hasSuffix("2 SSH signatures verified against allowed_signers; 2 superseded by a later signature of the same party, not counted\n"))
    }

    /// The appendix of a built charter, run as printed by a shell in an empty
    /// folder with nothing but OpenSSH and coreutils: good; one byte of the
    /// signed text changed: not.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func theAppendixCommandsVerifyWithStockOpenSSH() throws {
        let project = try SSHProject()
        try project.signBoth()
        let build = try Binary.run(["build", "--content", "content", "--output", "out"], in: project.folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        let charter = try String(contentsOf: project.folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8)
        #expect(charter.contains("| Email | <dana@northwind.example> (verified: the SSH key that signed is allowed for this email) | <sam@acme.example> (verified: the SSH key that signed is allowed for this email) |"))
        let blocks = Self.shellBlocks(charter)
        #expect(blocks.count == 3, "the text signed, then one block per SSH signature")
        let script = blocks.joined(separator: "\n")
        let good = try Self.runShell(script)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.components(separatedBy: "Good \"partnerbook-charter\" signature for").count == 3, "\(good.output)")
        #expect(good.output.contains(F.fingerprint.dropFirst("sha256:".count)), "sha256sum prints the fingerprint signed")
        // One character of the signed text's base64, changed: no signature verifies.
        let start = try #require(script.range(of: "<<'END'\n")).upperBound
        let at = script.index(start, offsetBy: 10)
        let flipped = script.replacingCharacters(in: at...at, with: script[at] == "A" ? "B" : "A")
        let bad = try Self.runShell(flipped)
        #expect(bad.status != 0 && !bad.output.contains("Good"), "a changed byte fails: \(bad.output)")
    }

    /// The example's Acme charter as committed before its legal frame was
    /// completed (FormOneExample/): its two form-1 SSH signatures still
    /// verify, through `verify` and through the commands its charter prints.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func theExamplesFormOneSignaturesStillVerify() throws {
        let saved = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FormOneExample")
        let folder = TemporaryFolder()
        for file in ["program.yaml", "allowed_signers", "partners/acme-cloud.yaml"] {
            folder.write("content/" + file, try String(contentsOf: saved.appendingPathComponent(file), encoding: .utf8))
        }
        let verify = try Binary.run(["verify", "acme-cloud", "--content", "content"], in: folder.url)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.components(separatedBy: "(form 1): verified with key").count == 3, "\(verify.stdout)")
        let build = try Binary.run(["build", "--content", "content", "--output", "out"], in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        let charter = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme-cloud/charter.md"), encoding: .utf8)
        let run = try Self.runShell(Self.shellBlocks(charter).joined(separator: "\n"))
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.components(separatedBy: "Good \"partnerbook-charter\" signature for").count == 3, "\(run.output)")
    }

    /// The example as it stands: Acme's SSH signatures, made over form 2,
    /// verify through `verify` and through the commands its charter prints.
    @Test(.enabled(if: SSHProject.available, "ssh-keygen (openssh-client) is not installed"))
    func theExamplesSignaturesVerify() throws {
        let content = Binary.repository.appendingPathComponent("Content").path
        let verify = try Binary.run(["verify", "acme-cloud", "--content", content], in: Binary.repository)
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.hasSuffix("2 SSH signatures verified against allowed_signers; 2 superseded by a later signature of the same party, not counted\n"))
        let charter = try String(contentsOf: Binary.repository.appendingPathComponent("Output/partners/acme-cloud/charter.md"), encoding: .utf8)
        let run = try Self.runShell(Self.shellBlocks(charter).joined(separator: "\n"))
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.components(separatedBy: "Good \"partnerbook-charter\" signature for").count == 3, "\(run.output)")
    }

    /// The fenced `sh` blocks of a Markdown document.
    static func shellBlocks(_ markdown: String) -> [String] {
        markdown.components(separatedBy: "``` sh\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
    }

    /// `script` run by /bin/sh in a new empty folder; its status and output.
    static func runShell(_ script: String) throws -> (status: Int32, output: String) {
        let folder = TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", script]
        process.currentDirectoryURL = folder.url
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
