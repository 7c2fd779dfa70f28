import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// A digest of everything a build reads, taken before anything is read (if a
/// file changes during the build, the next build sees another digest).
package struct InputsDigest: Sendable {
    var value: String
    /// The as-of date the build is for.
    var asOf: Day
    /// The partner files' stamps, for the next build.
    var stamps: [String: FileStamp]
    /// Each partner file's digest, by path relative to the content folder.
    var digests: [String: String]

    /// A digest of everything a build reads: every file in the content folder's
    /// program.yaml and partners/ (names and bytes), every template and asset,
    /// the as-of date, `--strict` and the executable. Equal digests mean an
    /// equal build, so it can be skipped without parsing any YAML. A partner
    /// file whose stamp matches `known` is not read again (see `FileStamp`);
    /// the stamps found are returned for the next build, and their digests
    /// spare the loader hashing the same bytes again.
    static func make(contentFolder: URL, templatesFolder: URL, asOf: Day?, today: Day,
                             strict: Bool, known: [String: FileStamp] = [:])
        throws -> InputsDigest {
        let root = contentFolder.resolvingSymlinksInPath().standardizedFileURL
        // Read as the loader reads it: no link out of the content folder, nothing past the size limit.
        let program: Data
        switch ContentFile.read(root.appendingPathComponent(ContentPaths.programFile).path, root: root.path, inRealFolder: false) {
        case .success(let data): program = data
        case .failure(let refusal): program = Data("refused:\(refusal.token)".utf8)
        }
        // The as-of date: the option, else program.yaml's, else today.
        let context = LoadContext(file: ContentPaths.programFile, calendar: .calendarYear)
        let settings = YAMLFile.parse(program, context: context).map { ProgramLoader.load($0, context: context) }
        let day = asOf ?? settings?.asOf?.value ?? today
        guard let executable = Executable.stamp else {
            throw OutputError(description: "the partnerbook executable cannot be found to key the cache")
        }
        var parts = [executable, day.description, String(strict), Digest.hex(program)]
        // Whose SSH key may sign for which email: SSH signatures are verified against it.
        switch ContentFile.read(root.appendingPathComponent(SSHVerifier.allowedSignersFile).path, root: root.path, inRealFolder: false) {
        case .success(let data): parts.append("allowed_signers:" + Digest.hex(data))
        case .failure(let refusal): parts.append("allowed_signers!" + refusal.token)
        }
        let partners = root.appendingPathComponent(ContentPaths.partnersFolder)
        let partnersPath = partners.path
        let realPartners = partners.resolvingSymlinksInPath().path
        // The entries the loader reads (hidden ones are not); a folder that cannot be listed is an error.
        let listed = try ContentLoader.PartnerFiles(root: root, calendar: settings?.calendar ?? .calendarYear)
        let partnersAreReal = listed.isReal
        let names = listed.names
        let found = Parallel.map(names) { name -> (line: String, stamp: FileStamp?) in
            let path = partnersPath + "/" + name
            let file = ContentPaths.partnersFolder + "/" + name
            // Where the file really is: a plain file is where its folder is; a link
            // is resolved (a link that moves changes the digest). A file the loader
            // refuses (a link out of the folder, not a regular file, too big) is
            // never opened here: the reason stands in for its digest.
            switch ContentFile.locate(path, root: root.path, inRealFolder: partnersAreReal) {
            case .success(let real):
                let resolved = real == path ? realPartners + "/" + name : real
                let stamp = FileStamp.digest(of: real, known: known[file])
                return (name + "\u{1F}" + resolved + "\u{1F}" + (stamp?.digest ?? "unreadable"), stamp)
            case .failure(let refusal):
                return (name + "\u{1F}refused:" + refusal.token, nil)
            }
        }
        var stamps: [String: FileStamp] = [:]
        var fileDigests: [String: String] = [:]
        let racy = FileStamp.racyFrom()
        for (name, found) in zip(names, found) {
            parts.append(found.line)
            if let digest = found.stamp?.digest { fileDigests[ContentPaths.partnersFolder + "/" + name] = digest }
            // A file changed in the last seconds could change again within the
            // clock's resolution and keep its stamp: it is read again next time.
            if let stamp = found.stamp, stamp.changed < racy { stamps[ContentPaths.partnersFolder + "/" + name] = stamp }
        }
        // The files the template set reads, read as it reads them (bounded, no link out of the folder).
        for entry in TemplateFiles.list(templatesFolder, displayPath: "") {
            let data = try? TemplateFiles.read(entry, displayPath: "")
            parts.append(entry.name + "\u{1F}" + (data.map(Digest.hex) ?? "-"))
        }
        return InputsDigest(value: Digest.hex(parts), asOf: day, stamps: stamps, digests: fileDigests)
    }

}
