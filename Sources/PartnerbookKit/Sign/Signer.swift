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
        /// OpenSSH did not verify the signature (exit 1, like a content error).
        package var unverified = false
    }

    package struct Outcome: Sendable {
        package var fingerprint: String
        /// The SSH key the signature was made and verified with, for an SSH signature.
        package var sshKey: String?
        /// The earlier signature of the same party that this one supersedes (it was stale).
        package var superseded: Signature?
        package var file: String
    }

    /// The charter fingerprint of partner `id`, as `sign` would record it;
    /// a `Failure` (with the file's diagnostics) when it cannot be read.
    package static func fingerprint(contentFolder: URL, id: String) throws -> String {
        let (partner, us) = try loadOne(contentFolder: contentFolder, id: id)
        return Fingerprint.of(partner, us: us)
    }

    /// The charter's canonical form: the exact bytes its fingerprint hashes,
    /// which an SSH signature signs (`partnerbook canonical ID`).
    package static func canonical(contentFolder: URL, id: String) throws -> String {
        let (partner, us) = try loadOne(contentFolder: contentFolder, id: id)
        return CanonicalForm.text(of: partner, us: us)
    }

    /// Partner `id` and our side, or a `Failure` with the file's diagnostics.
    private static func loadOne(contentFolder: URL, id: String) throws -> (Partner, OurSide) {
        let loaded = try ContentLoader.load(from: contentFolder)
        guard let partner = loaded.partners.first(where: { $0.id == id }) else {
            let file = ContentPaths.partnerFile(id)
            let problems = loaded.diagnostics.filter { $0.file == file }
            throw Failure(description: problems.isEmpty ? "no partner '\(id)': \(file) does not exist in the content folder"
                                                        : "\(file) cannot be read; fix it first", diagnostics: problems)
        }
        return (partner, loaded.program.ourSide)
    }

    /// How a signature is made: typed (a name and a fingerprint, as before),
    /// or with SSH, by a local key or ssh-agent (`--key`) or in a `.sig` file
    /// made elsewhere (`--signature`); an SSH signature needs the signer's email.
    package enum Method: Sendable {
        case typed
        case key(String)
        case signatureFile(URL)
    }

    package static func sign(contentFolder: URL, id: String, party: Party, name: String, title: String, date: Day,
                            asOf: Day, email: String? = nil, method: Method = .typed, allowedSigners: URL? = nil) throws -> Outcome {
        guard !name.isBlank, !title.isBlank else {
            throw Failure(description: "--name and --title must not be empty")
        }
        let email = email.map(Trim.whitespace)
        if case .typed = method {} else {
            guard let email, EmailAddress.isPlausible(email) else {
                throw Failure(description: "an SSH signature needs --email: the address allowed_signers lists the signer's key for")
            }
        }
        // The program and this one partner, through the same pipeline as check and build.
        var configuration = BuildConfiguration(content: contentFolder, asOf: asOf, today: asOf)
        configuration.allowedSigners = allowedSigners
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
        let us = input.program.ourSide
        let state = SignatureState(partner, us: us)
        let current = state[party]
        if current.standing == .valid, let signature = current.signature {
            throw Failure(description: "\(party == .us ? "us" : "the partner") already signed this exact charter (\(signature.name?.value ?? "unnamed"), \(signature.date.map { "\($0.value)" } ?? "undated")); nothing was changed. To sign again, remove that signature from \(file) first")
        }

        let url = contentFolder.appendingPathComponent(file)
        let root = try ContentLoader.contentRoot(contentFolder)
        guard case .success(let data) = ContentFile.read(url.path, root: root.path, inRealFolder: false),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "cannot read \(file)")
        }
        let context = LoadContext(file: file)
        guard let node = YAMLFile.parse(data, context: context) else {
            throw Failure(description: "\(file) cannot be parsed", diagnostics: context.diagnostics)
        }
        let ssh = try sshSignature(method, partner: partner, us: us, fingerprint: state.fingerprint, email: email, input: input)
        let entry = SignatureWriter.Entry(party: party, name: name, title: title, date: date, fingerprint: state.fingerprint,
                                          email: email.flatMap { $0.isEmpty ? nil : $0 }, ssh: ssh)
        let updated: String
        do {
            updated = try SignatureWriter.adding(entry, to: text, root: node)
        } catch {
            throw Failure(description: "\(file): \(error)")
        }
        try verify(updated, entry: entry, before: partner, id: id, file: file, us: us)
        // Its mode and owner kept; a link inside the content folder written through.
        do {
            try FileReplacement.replace([FileReplacement.Change(path: url.path, data: Data(updated.utf8))], root: root)
        } catch {
            throw Failure(description: "cannot write \(file): \(error)")
        }
        return Outcome(fingerprint: state.fingerprint, sshKey: ssh?.key,
                       superseded: current.standing == .stale ? current.signature : nil, file: file)
    }

    /// Largest `.sig` file read: an armored SSH signature is well under 4 KiB.
    static let maxSignatureBytes = 64 << 10

    /// The SSH signature to record, made or read, and verified by OpenSSH
    /// against allowed_signers before anything is written; nil for a typed one.
    private static func sshSignature(_ method: Method, partner: Partner, us: OurSide, fingerprint: String, email: String?,
                                     input: ProgramInput) throws -> (key: String, signature: String)? {
        if case .typed = method { return nil }
        guard let keygen = input.keygen else { throw Failure(description: SSHKeygen.missing + "; nothing was written") }
        let armored: String
        let canonical = Data(CanonicalForm.text(of: partner, us: us).utf8)
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
                                          email: email, fingerprint: fingerprint, canonical: canonical,
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
                               us: OurSide) throws {
        let context = LoadContext(file: file)
        guard let root = YAMLFile.parse(Data(text.utf8), context: context) else {
            throw Failure(description: "internal check failed: the signed file would not parse; nothing was written",
                          diagnostics: context.diagnostics)
        }
        let after = PartnerLoader.load(root, id: id, context: context)
        let signatures = after.signatures?.items ?? []
        let last = signatures.last
        guard signatures.count == (before.signatures?.items.count ?? 0) + 1,
              last?.party?.value == entry.party, last?.name?.value == entry.name, last?.title?.value == entry.title,
              last?.date?.value == entry.date, last?.fingerprint?.value == entry.fingerprint,
              last?.email?.value == entry.email, last?.ssh?.key?.value == entry.ssh?.key,
              last?.ssh?.signature.map({ Trim.whitespace($0.value) }) == entry.ssh.map({ Trim.whitespace($0.signature) }),
              Fingerprint.of(after, us: us) == entry.fingerprint else {
            throw Failure(description: "internal check failed: the signature would not read back as written; nothing was written")
        }
    }
}
