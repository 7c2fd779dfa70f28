import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension Party: ExpressibleByArgument {}

extension CanonicalVersion: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: Int(argument) ?? 0)
    }
}

struct Fingerprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the charter fingerprint of a partner: sha256: and 64 hex digits.",
        discussion: "The SHA-256 of the charter's canonical form 2 (every signature made now carries it); --form 1 gives the fingerprint an entry made over form 1 carries.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(help: "The canonical form: 2 (default) or 1.")
    var form: CanonicalVersion = .two

    @OptionGroup var content: ContentOptions

    func run() throws {
        try printForPartner(content: content.content) { _ in
            print(try Signer.fingerprint(content.configuration(), id: id, form: form))
        }
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
        `ssh-keygen -Y sign -f KEY -n partnerbook-charter charter.txt` and sends back charter.txt.sig. \
        Form 2 (the default) holds every value the charter prints and the charter template's hash; form 1 is what \
        an entry without `canonical: 2` was made over (docs/signing.md).
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(help: "The canonical form: 2 (default) or 1.")
    var form: CanonicalVersion = .two

    @OptionGroup var content: ContentOptions

    func run() throws {
        try printForPartner(content: content.content) { _ in
            FileHandle.standardOutput.write(Data(try Signer.canonical(content.configuration(), id: id, form: form).utf8))
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every SSH signature with OpenSSH against allowed_signers: who signed which fingerprint, with which key.",
        discussion: """
        Each signature carrying `ssh` is verified with `ssh-keygen -Y verify` (namespace partnerbook-charter) over the \
        canonical form of the fingerprint it carries, for the key Content/allowed_signers lists for its email, on the \
        date the entry carries (-Overify-time). A signature a party gave again later is reported as superseded, not \
        checked. Exits 1 when any does not verify or is not bound to its party's signatory.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "A partner ID (default: every partner).")
    var id: String?

    @Option(name: .long, help: "The OpenSSH allowed-signers file (default: allowed_signers in the content folder).")
    var allowedSigners: String?

    @OptionGroup var content: ContentOptions

    func run() throws {
        try ContentFolder.require(content.content)
        let run: VerifyRun
        do {
            var configuration = content.configuration()
            configuration.allowedSigners = allowedSigners.map { URL(fileURLWithPath: $0) }
            run = try VerifyRun(configuration, id: id)
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
        The entry is made over canonical form 2 (`canonical: 2`). Refuses when the charter has errors (other than \
        signature findings), when --email is not the party's signatory's email, and when the party's latest \
        signature already covers this exact charter over form 2. A party whose signature went stale, or was made \
        over form 1, signs again: the new entry supersedes the old one, which stays in the file as history. \
        --name, --title and --email default to the party's signatory (signatories: in the partner file).
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(help: "Who signs: us or partner.")
    var party: Party

    @Option(help: "The signer's name (default: the party's signatory).")
    var name: String?

    @Option(help: "The signer's title (default: the party's signatory's).")
    var title: String?

    @Option(help: "The signing date, YYYY-MM-DD (default: today in UTC).")
    var date: String?

    @Option(help: "The signer's email: their party's signatory's, and for an SSH signature the principal allowed_signers lists their key for (default: the signatory's).")
    var email: String?

    @Option(help: "What else shows this signature was given (an e-signature envelope id, a scanned copy's file name); printed with it.")
    var evidence: String?

    @Option(help: "Sign with this SSH key (a private key file, or a public key whose private half ssh-agent holds).")
    var key: String?

    @Option(help: "Record this SSH signature, made elsewhere over the output of partnerbook canonical ID; it is verified first.")
    var signature: String?

    @Option(name: .long, help: "The OpenSSH allowed-signers file (default: allowed_signers in the content folder).")
    var allowedSigners: String?

    @OptionGroup var content: ContentOptions

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'")
        }
        if key != nil && signature != nil {
            throw ValidationError("--key signs here and --signature records a signature made elsewhere: give one of them")
        }
    }

    func run() throws {
        try ContentFolder.require(content.content)
        let day = date.flatMap(Day.init) ?? .today
        do {
            let method: Signer.Method = key.map { .key($0) } ?? signature.map { .signatureFile(URL(fileURLWithPath: $0)) } ?? .typed
            var configuration = content.configuration()
            configuration.asOf = day
            configuration.today = day
            configuration.allowedSigners = allowedSigners.map { URL(fileURLWithPath: $0) }
            let outcome = try Signer.sign(configuration, id: id,
                                          Signer.Signing(party: party, name: name, title: title, date: day, email: email,
                                                         evidence: evidence, method: method))
            if let old = outcome.superseded {
                print("superseded the earlier signature of \(old.name?.value ?? "unnamed") (\(old.date.map { "\($0.value)" } ?? "undated"))")
            }
            print("signed \(content.content)/\(outcome.file) for \(party.rawValue) as \(outcome.name), \(day): \(outcome.fingerprint)"
                + (outcome.sshKey.map { ", SSH signature verified with key \($0)" } ?? ""))
        } catch let failure as Signer.Failure {
            if !failure.diagnostics.isEmpty {
                let report = DiagnosticReport(diagnostics: failure.diagnostics, partnerCount: 1, strict: false)
                FileHandle.standardError.write(Data(report.render(.text, pathPrefix: content.content).utf8))
            }
            FileHandle.standardError.write(Data("partnerbook: \(failure.description)\n".utf8))
            throw failure.diagnostics.isEmpty && !failure.unverified ? Exit.ioFailure : Exit.contentErrors
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
