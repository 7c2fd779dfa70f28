import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension Party: ExpressibleByArgument {}

struct Fingerprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the charter fingerprint of a partner: sha256: and 64 hex digits.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func run() throws {
        try printForPartner(content: content) { print(try Signer.fingerprint(contentFolder: $0, id: id)) }
    }
}

/// Runs `body` on the content folder; a partner file that cannot be read
/// gives its diagnostics and exit 1, anything else exit 2.
private func printForPartner(content: String, _ body: (URL) throws -> Void) throws {
    try ContentFolder.require(content)
    do {
        try body(URL(fileURLWithPath: content))
    } catch let failure as Signer.Failure where !failure.diagnostics.isEmpty {
        let report = DiagnosticReport(diagnostics: failure.diagnostics, partnerCount: 1, strict: false)
        FileHandle.standardError.write(Data(report.render(.text, pathPrefix: content).utf8))
        throw Exit.contentErrors
    } catch {
        throw Exit.fail("\(error)")
    }
}

struct Canonical: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a partner's charter in canonical form: the exact bytes its fingerprint hashes, which an SSH signature signs.",
        discussion: """
        Nothing is added (no final line break), so `partnerbook canonical ID > charter.txt` holds the bytes whose \
        SHA-256 is the fingerprint. A signer outside the repository signs them with \
        `ssh-keygen -Y sign -f KEY -n partnerbook-charter charter.txt` and sends back charter.txt.sig.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func run() throws {
        try printForPartner(content: content) {
            FileHandle.standardOutput.write(Data(try Signer.canonical(contentFolder: $0, id: id).utf8))
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every SSH signature with OpenSSH against allowed_signers: who signed which fingerprint, with which key.",
        discussion: """
        Each signature carrying `ssh` is verified with `ssh-keygen -Y verify` (namespace partnerbook-charter) over the \
        canonical form of the fingerprint it carries, for the key Content/allowed_signers lists for its email. \
        Exits 1 when any does not verify.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "A partner ID (default: every partner).")
    var id: String?

    @Option(name: .long, help: "The OpenSSH allowed-signers file (default: allowed_signers in the content folder).")
    var allowedSigners: String?

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func run() throws {
        try ContentFolder.require(content)
        let run: VerifyRun
        do {
            run = try VerifyRun(content: URL(fileURLWithPath: content), id: id,
                                allowedSigners: allowedSigners.map { URL(fileURLWithPath: $0) }, asOf: .today)
        } catch {
            throw Exit.fail("\(error)")
        }
        print(run.report, terminator: "")
        if run.failures > 0 { throw Exit.contentErrors }
    }
}

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Append a signature with the current fingerprint to a partner file, leaving the rest of the file as it was.",
        discussion: """
        Refuses when the charter has errors (other than signature findings), and when the party's latest \
        signature already covers this exact charter. A party whose signature went stale signs again: the new \
        entry supersedes the old one, which stays in the file as history.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(help: "Who signs: us or partner.")
    var party: Party

    @Option(help: "The signer's name.")
    var name: String

    @Option(help: "The signer's title.")
    var title: String

    @Option(help: "The signing date, YYYY-MM-DD (default: today in UTC).")
    var date: String?

    @Option(help: "The signer's email: for an SSH signature, the principal allowed_signers lists their key for.")
    var email: String?

    @Option(help: "Sign with this SSH key (a private key file, or a public key whose private half ssh-agent holds).")
    var key: String?

    @Option(help: "Record this SSH signature, made elsewhere over the output of partnerbook canonical ID; it is verified first.")
    var signature: String?

    @Option(name: .long, help: "The OpenSSH allowed-signers file (default: allowed_signers in the content folder).")
    var allowedSigners: String?

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'")
        }
        if key != nil && signature != nil {
            throw ValidationError("--key signs here and --signature records a signature made elsewhere: give one of them")
        }
        if (key != nil || signature != nil) && email == nil {
            throw ValidationError("an SSH signature needs --email, the address allowed_signers lists the signer's key for")
        }
    }

    func run() throws {
        try ContentFolder.require(content)
        let day = date.flatMap(Day.init) ?? .today
        do {
            let method: Signer.Method = key.map { .key($0) } ?? signature.map { .signatureFile(URL(fileURLWithPath: $0)) } ?? .typed
            let outcome = try Signer.sign(contentFolder: URL(fileURLWithPath: content), id: id, party: party,
                                          name: name, title: title, date: day, asOf: day, email: email, method: method,
                                          allowedSigners: allowedSigners.map { URL(fileURLWithPath: $0) })
            if let old = outcome.superseded {
                print("superseded the stale signature of \(old.name?.value ?? "unnamed") (\(old.date.map { "\($0.value)" } ?? "undated"))")
            }
            print("signed \(content)/\(outcome.file) for \(party.rawValue) as \(name), \(day): \(outcome.fingerprint)"
                + (outcome.sshKey.map { ", SSH signature verified with key \($0)" } ?? ""))
        } catch let failure as Signer.Failure {
            if !failure.diagnostics.isEmpty {
                let report = DiagnosticReport(diagnostics: failure.diagnostics, partnerCount: 1, strict: false)
                FileHandle.standardError.write(Data(report.render(.text, pathPrefix: content).utf8))
            }
            FileHandle.standardError.write(Data("partnerbook: \(failure.description)\n".utf8))
            throw failure.diagnostics.isEmpty && !failure.unverified ? Exit.ioFailure : Exit.contentErrors
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
