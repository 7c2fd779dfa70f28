import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook sign`: records a party's signature with the current fingerprint.
package enum Signer {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        /// Diagnostics that made signing refuse (content errors), if any.
        package var diagnostics: [Diagnostic] = []
        /// The signature was refused for what it is (OpenSSH did not verify it,
        /// or it is not bound to the party's signatory): exit 1, like a content error.
        package var unverified = false
    }

    package struct Outcome: Sendable {
        package var fingerprint: String
        /// Who signed, as recorded.
        package var name: String
        /// The SSH key the signature was made and verified with, for an SSH signature.
        package var sshKey: String?
        /// The earlier signature of the same party that this one supersedes (it was stale).
        package var superseded: Signature?
        package var file: String
    }

    /// The charter fingerprint of partner `id` over `form` (form 2 is what
    /// `sign` records); a `Failure` (with the file's diagnostics) when it cannot be read.
    package static func fingerprint(_ configuration: BuildConfiguration, id: String, form: CanonicalVersion = .two) throws -> String {
        let (partner, frame) = try loadOne(configuration, id: id)
        return Fingerprint.of(partner, frame: frame, form: form)
    }

    /// The charter's canonical form: the exact bytes its fingerprint hashes,
    /// which an SSH signature signs (`partnerbook canonical ID [--form 1|2]`).
    package static func canonical(_ configuration: BuildConfiguration, id: String, form: CanonicalVersion = .two) throws -> String {
        let (partner, frame) = try loadOne(configuration, id: id)
        return CanonicalForm.text(of: partner, frame: frame, form: form)
    }

    /// Partner `id` and the charter frame (with the charter template's
    /// hash), or a `Failure` with the file's diagnostics.
    private static func loadOne(_ configuration: BuildConfiguration, id: String) throws -> (Partner, CharterFrame) {
        let input = try ProgramInput(configuration)
        let file = ContentPaths.partnerFile(id)
        guard input.files.names.contains("\(id).yaml") else {
            throw Failure(description: "no partner '\(id)': \(file) does not exist in the content folder")
        }
        let loaded = input.files.load("\(id).yaml")
        guard let partner = loaded.partner else {
            throw Failure(description: "\(file) cannot be read; fix it first", diagnostics: loaded.diagnostics)
        }
        return (partner, input.frame)
    }

    /// How a signature is made: typed (a name and a fingerprint, as before),
    /// or with SSH, by a local key or ssh-agent (`--key`) or in a `.sig` file
    /// made elsewhere (`--signature`); an SSH signature needs the signer's email.
    package enum Method: Sendable {
        case typed
        case key(String)
        case signatureFile(URL)
    }

    /// What a signature entry records besides the fingerprint; a name, title
    /// or email not given is the party's signatory's.
    package struct Signing: Sendable {
        package var party: Party
        package var name: String?
        package var title: String?
        package var date: Day
        package var email: String?
        /// What else shows the signature was given (`--evidence`).
        package var evidence: String?
        package var method: Method = .typed

        package init(party: Party, name: String?, title: String?, date: Day, email: String? = nil, evidence: String? = nil,
                     method: Method = .typed) {
            self.party = party
            self.name = name
            self.title = title
            self.date = date
            self.email = email
            self.evidence = evidence
            self.method = method
        }
    }

    package static func sign(_ configuration: BuildConfiguration, id: String, _ signing: Signing) throws -> Outcome {
        let (party, date, method) = (signing.party, signing.date, signing.method)
        let contentFolder = configuration.content
        let evidence = signing.evidence.map(Trim.whitespace).flatMap { $0.isEmpty ? nil : $0 }
        if let evidence, evidence.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) || evidence.count > 500 {
            throw Failure(description: "--evidence must be one line of at most 500 characters")
        }
        // The program and this one partner, through the same pipeline as check and build.
        let input = try ProgramInput(configuration)
        let file = ContentPaths.partnerFile(id)
        guard FileManager.default.fileExists(atPath: contentFolder.appendingPathComponent(file).path) else {
            throw Failure(description: "no partner '\(id)': \(file) does not exist in the content folder")
        }
        let checked = PartnerPipeline(input).run("\(id).yaml")
        guard let partner = checked.partner else {
            let loadErrors = checked.diagnostics.filter { $0.file == file }
            throw Failure(description: "\(file) cannot be read; fix it first", diagnostics: loadErrors)
        }
        let blocking = (input.diagnostics + checked.diagnostics).filter {
            $0.severity == .error && !$0.rule.id.hasPrefix("signature.")
        }
        guard blocking.isEmpty else {
            throw Failure(description: "the charter has errors; fix them before signing", diagnostics: blocking)
        }
        let signatory = partner.signatories?[party]
        let side = "signatories.\(party.rawValue)"
        let name = Trim.whitespace(signing.name ?? signatory?.name?.value ?? "")
        let title = Trim.whitespace(signing.title ?? signatory?.title?.value ?? "")
        guard !name.isEmpty, !title.isEmpty else {
            throw Failure(description: "give --name and --title, or name the signer under \(side) in \(file)")
        }
        let email = (signing.email ?? signatory?.email?.value).map(Trim.whitespace).flatMap { $0.isEmpty ? nil : $0 }
        if case .typed = method {} else {
            guard let email, EmailAddress.isPlausible(email) else {
                throw Failure(description: "an SSH signature needs the signer's email (\(side).email, or --email): the address allowed_signers lists their key for")
            }
        }
        // Bound to the signer: the email the entry carries is the party's signatory's (signature.signer).
        if let email {
            guard let expected = signatory?.email?.value, SignerBinding.normalized(expected) == SignerBinding.normalized(email) else {
                throw Failure(description: signatory?.email == nil
                    ? "\(side) names no email, so a signature carrying \(email) would be bound to no one; add the signer's email there first"
                    : "\(email) is not the signatory's email for \(party == .us ? "us" : "the partner") (\(side).email is \(signatory!.email!.value)); nothing was written",
                    unverified: true)
            }
        }
        let frame = input.frame
        let state = SignatureState(partner, frame: frame)
        let current = state[party]
        // A valid signature over form 1 may be given again over form 2 (docs/signing.md: moving a charter to form 2).
        if current.standing == .valid, let signature = current.signature, signature.form == .two {
            throw Failure(description: "\(party == .us ? "us" : "the partner") already signed this exact charter (\(signature.name?.value ?? "unnamed"), \(signature.date.map { "\($0.value)" } ?? "undated")); nothing was changed. To sign again, remove that signature from \(file) first")
        }

        let url = contentFolder.appendingPathComponent(file)
        let root = try ContentLoader.contentRoot(contentFolder)
        guard case .success(let data) = ContentFile.read(url.path, root: root.path, inRealFolder: false),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "cannot read \(file)")
        }
        let context = LoadContext(file: file, calendar: input.program.calendar)
        guard let node = YAMLFile.parse(data, context: context) else {
            throw Failure(description: "\(file) cannot be parsed", diagnostics: context.diagnostics)
        }
        let ssh = try sshSignature(method, partner: partner, frame: frame, fingerprint: state.fingerprint, email: email, date: date,
                                   input: input)
        let entry = SignatureWriter.Entry(party: party, name: name, title: title, date: date, fingerprint: state.fingerprint,
                                          email: email, evidence: evidence, ssh: ssh)
        let updated: String
        do {
            updated = try SignatureWriter.adding(entry, to: text, root: node)
        } catch {
            throw Failure(description: "\(file): \(error)")
        }
        try verify(updated, entry: entry, before: partner, id: id, file: file, frame: frame, calendar: input.program.calendar)
        // Its mode and owner kept; a link inside the content folder written through.
        do {
            try FileReplacement.replace([FileReplacement.Change(path: url.path, data: Data(updated.utf8))], root: root)
        } catch {
            throw Failure(description: "cannot write \(file): \(error)")
        }
        return Outcome(fingerprint: state.fingerprint, name: name, sshKey: ssh?.key,
                       superseded: current.standing == .missing ? nil : current.signature, file: file)
    }

    /// Largest `.sig` file read: an armored SSH signature is well under 4 KiB.
    static let maxSignatureBytes = 64 << 10

    /// The SSH signature to record, made or read, and verified by OpenSSH
    /// against allowed_signers before anything is written; nil for a typed one.
    private static func sshSignature(_ method: Method, partner: Partner, frame: CharterFrame, fingerprint: String, email: String?,
                                     date: Day, input: ProgramInput) throws -> (key: String, signature: String)? {
        if case .typed = method { return nil }
        guard let keygen = input.keygen else { throw Failure(description: SSHKeygen.missing + "; nothing was written") }
        let armored: String
        let canonical = Data(CanonicalForm.text(of: partner, frame: frame, form: .two).utf8)
        switch method {
        case .typed:
            return nil
        case .key(let key):
            do { armored = try keygen.sign(canonical, key: key) } catch { throw Failure(description: "\(error); nothing was written") }
        case .signatureFile(let url):
            let data: Data
            do {
                data = try BoundedFile.read(url.path, limit: maxSignatureBytes, followLinks: true)
            } catch let refusal as BoundedFile.Refusal {
                throw Failure(description: "cannot read \(url.path): \(refusal.message(for: "an SSH signature")); nothing was written")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw Failure(description: "\(url.path) is not a text SSH signature; nothing was written")
            }
            armored = text
        }
        let trimmed = Trim.whitespace(armored.replacingOccurrences(of: "\r\n", with: "\n")) + "\n"
        let key: String
        switch keygen.signingKey(of: trimmed, over: canonical) {
        case .failure(let failure):
            throw Failure(description: "the signature is not a good signature of this charter (fingerprint \(fingerprint)): \(failure.description). Sign the output of partnerbook canonical \(partner.id) with ssh-keygen -Y sign -n \(SSHKeygen.namespace); nothing was written",
                          unverified: true)
        case .success(let found):
            key = found
        }
        let outcome = SSHVerifier.outcome(SSHSignature(at: .start, key: Located(key, at: .start), signature: Located(trimmed, at: .start)),
                                          email: email, date: date, fingerprint: fingerprint, canonical: canonical,
                                          allowed: input.allowedSigners, keygen: keygen)
        guard case .verified = outcome else {
            if case .failed(let reason) = outcome {
                throw Failure(description: "the signature does not verify: \(reason); nothing was written", unverified: true)
            }
            throw Failure(description: "the signature does not verify; nothing was written", unverified: true)
        }
        return (key, trimmed)
    }

    /// The edited text must load, hold one more signature equal to the entry,
    /// and leave the signed content (hence the fingerprint) unchanged.
    private static func verify(_ text: String, entry: SignatureWriter.Entry, before: Partner, id: String, file: String,
                               frame: CharterFrame, calendar: FiscalCalendar) throws {
        let context = LoadContext(file: file, calendar: calendar)
        guard let root = YAMLFile.parse(Data(text.utf8), context: context) else {
            throw Failure(description: "internal check failed: the signed file would not parse; nothing was written",
                          diagnostics: context.diagnostics)
        }
        let after = PartnerLoader.load(root, id: id, context: context)
        let signatures = after.signatures?.items ?? []
        let last = signatures.last
        guard signatures.count == (before.signatures?.items.count ?? 0) + 1,
              last?.party?.value == entry.party, last?.name?.value == entry.name, last?.title?.value == entry.title,
              last?.date?.value == entry.date, last?.fingerprint?.value == entry.fingerprint, last?.form == entry.canonical,
              last?.email?.value == entry.email, last?.evidence?.value == entry.evidence, last?.ssh?.key?.value == entry.ssh?.key,
              last?.ssh?.signature.map({ Trim.whitespace($0.value) }) == entry.ssh.map({ Trim.whitespace($0.signature) }),
              Fingerprint.of(after, frame: frame, form: entry.canonical) == entry.fingerprint else {
            throw Failure(description: "internal check failed: the signature would not read back as written; nothing was written")
        }
    }
}
