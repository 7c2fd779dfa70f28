import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook sign`: records a party's signature with the current fingerprint.
public enum Signer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// Diagnostics that made signing refuse (content errors), if any.
        public var diagnostics: [Diagnostic] = []
    }

    public struct Outcome: Sendable {
        public var fingerprint: String
        /// The earlier signature of the same party that this one supersedes (it was stale).
        public var superseded: Signature?
        public var file: String
    }

    /// The charter fingerprint of partner `id`, as `sign` would record it;
    /// a `Failure` (with the file's diagnostics) when it cannot be read.
    public static func fingerprint(contentFolder: URL, id: String) throws -> String {
        let loaded = try ContentLoader.load(from: contentFolder)
        guard let partner = loaded.partners.first(where: { $0.id == id }) else {
            let file = ContentPaths.partnerFile(id)
            let problems = loaded.diagnostics.filter { $0.file == file }
            throw Failure(description: problems.isEmpty ? "no partner '\(id)': \(file) does not exist in the content folder"
                                                        : "\(file) cannot be read; fix it first", diagnostics: problems)
        }
        return Fingerprint.of(partner, us: loaded.program.ourSide)
    }

    public static func sign(contentFolder: URL, id: String, party: Party, name: String, title: String, date: Day,
                            asOf: Day) throws -> Outcome {
        guard !name.isBlank, !title.isBlank else {
            throw Failure(description: "--name and --title must not be empty")
        }
        // The program and this one partner, through the same processor as check and build.
        let input = try ProgramInput(BuildConfiguration(content: contentFolder, asOf: asOf, today: asOf))
        let file = ContentPaths.partnerFile(id)
        guard FileManager.default.fileExists(atPath: contentFolder.appendingPathComponent(file).path) else {
            throw Failure(description: "no partner '\(id)': \(file) does not exist in the content folder")
        }
        let checked = PartnerProcessor(input).check("\(id).yaml")
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
        let entry = SignatureWriter.Entry(party: party, name: name, title: title, date: date, fingerprint: state.fingerprint)
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
        return Outcome(fingerprint: state.fingerprint, superseded: current.standing == .stale ? current.signature : nil, file: file)
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
              Fingerprint.of(after, us: us) == entry.fingerprint else {
            throw Failure(description: "internal check failed: the signature would not read back as written; nothing was written")
        }
    }
}
