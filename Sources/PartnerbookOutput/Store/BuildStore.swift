import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// Everything that makes a build incremental, behind one type: the cache
/// kept beside the output (`BuildCache`: per partner its key, its files as
/// written and its listing; the program pages' key and files; the findings;
/// the input stamps; the spare tree the next build patches), the keys
/// themselves, and what `serve` keeps in memory between builds
/// (`StoreMemory`). The model, the rules and the renderers know nothing of
/// it; the build asks it what can be reused and hands it what it made.
///
/// A partner's key covers its file's bytes and everything every partner
/// shares (`base`: the binary, the templates, program.yaml, the as-of date,
/// `--strict`, the allowed signers, whether OpenSSH is installed); a
/// partner whose documents read the git history is reused only while the
/// repository is at the commit it was built from.
package struct BuildStore<Listing: StoredListing>: Sendable {
    /// The cache file beside the output (`.NAME.cache`).
    package let location: URL
    let output: URL
    private let memory: StoreMemory<Listing>?
    /// What the last build left, as read (or taken from memory).
    private var old = BuildCache()
    private var keptListings: [String: KeptListing<Listing>] = [:]
    /// Why the cache beside the output is not used, when a person should hear it.
    package private(set) var refusal: String?
    /// The key part every partner shares (`share(_:)`).
    private var base = ""

    /// The store of `output`: the last build's cache, from `memory` when it
    /// holds this very file's, else read; an empty store when `enabled` is false.
    /// `findingsOnly`: only keys, stamps and findings are read (for `check`,
    /// which reuses findings and makes no files): no entry's files or listing.
    /// The listings' texts are left in the file until each is decoded
    /// (`BuildCache.read(from:listingsInFile:)`); the file stays open as
    /// long as the cache, or a cache `memory` keeps after it, notes them there.
    package init(output: URL, enabled: Bool, memory: StoreMemory<Listing>? = nil, findingsOnly: Bool = false) {
        self.output = output.standardizedFileURL
        location = BuildStore.location(for: output)
        self.memory = memory
        guard enabled else { return }
        if let kept = memory?.take(for: location) {
            (old, keptListings) = kept
            return
        }
        switch BuildCache.read(from: location, findingsOnly: findingsOnly, listingsInFile: true) {
        case .success(let cache): old = cache
        case .failure(let why): if why.isWorthSaying { refusal = why.description }
        }
    }

    /// `.NAME.cache` beside the output folder `NAME`.
    package static func location(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".\(output.standardizedFileURL.lastPathComponent).cache")
    }

    /// The input files' stamps the last build recorded (a file whose stamp matches is not read to be digested).
    package var stamps: [String: FileStamp] { old.stamps }
    /// The spare tree the last build kept, to be patched.
    package var spare: BuildCache.Spare? { old.spare }
    /// The seal the last build left on the output's folders.
    package var folderSeal: String? { old.folderSeal }

    /// Nothing of the last build is used (its inputs could not be digested: `reason` says why).
    package mutating func forget(because reason: String) {
        old = BuildCache()
        keptListings = [:]
        refusal = reason
    }

    // MARK: - Keys

    /// Sets the key part every partner shares, from everything every partner's documents read.
    ///
    /// When it is not the last build's (another as-of date: the first build
    /// of every day; a template, program.yaml or the binary changed), no key
    /// can match, so nothing of the last build is reused: its entries are let
    /// go at once rather than held through the partners step beside every
    /// partner rendered again (at 100,000 partners 460 MB, which took such a
    /// build to 1.65 GB). Its spare and stamps were read before this.
    package mutating func share(_ parts: [String]) {
        base = Digest.hex(parts)
        if let last = old.base, last != base {
            old = BuildCache()
            keptListings = [:]
        }
    }

    /// A partner's key: its ID and its file's digest, on the shared part.
    /// Nil when its bytes could not be digested: such a partner is never reused.
    package func key(id: String, fileDigest: String?) -> String? {
        fileDigest.map { Digest.hex([base, id, $0]) }
    }

    /// The program pages' key: every partner's key in ID order and the program's own findings.
    package func programKey(partnerKeys: [String], findings: [String]) -> String {
        Digest.hex([base] + partnerKeys + findings)
    }

    // MARK: - What the last build made

    /// The last build's output, replayed when nothing changed: the same
    /// inputs (`inputs`), every file still in the output as written, the same
    /// repository state for documents that read the history.
    package func replay(inputs: String, repositoryState: () -> String) -> Replay? {
        guard let recorded = old.inputs, inputs == recorded, let program = old.program,
              old.partners.values.allSatisfy({ $0.history == nil || $0.history == repositoryState() }),
              FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputWriter.manifestName).path),
              BuildCache.intact([program] + Array(old.partners.values), in: output) else { return nil }
        return Replay(diagnostics: old.diagnostics, partnerCount: old.partnerCount,
                      files: old.partners.values.reduce(program.files.count) { $0 + $1.files.count })
    }

    /// What the store can give back of a partner whose key is `key`: the
    /// files it wrote (to be reused only when the staging area finds them
    /// intact), its listing and its findings.
    /// - Parameter decode: reads a stored listing back (in the program's year); nil when it is not one this build reads.
    package func reusable(id: String, key: String, repositoryState: () -> String,
                          decode: (_ text: String, _ fragments: [String]) -> Listing?) -> Reusable? {
        guard let entry = entry(id: id, key: key, repositoryState: repositoryState),
              entry.listing != nil || entry.listingAt != nil else { return nil }
        let listing: Listing
        if let kept = keptListings[id], kept.key == key {
            listing = kept.listing
        } else {
            guard let text = old.listing(of: entry), let decoded = decode(text, entry.fragments) else { return nil }
            listing = decoded
        }
        // A text left in the file is not held: the entry is copied from there, or its listing encoded again.
        let span = old.source == nil ? nil : old.spans[id]
        return Reusable(files: entry.files, listing: listing, stored: entry.listing.map { ($0, entry.fragments) }, history: entry.history,
                        diagnostics: old.diagnostics(of: ContentPaths.partnerFile(id)), span: span,
                        listingAt: span == nil ? nil : entry.listingAt)
    }

    /// The last build's findings about a partner whose key is `key`, without
    /// decoding its listing: `check` reports them instead of checking it again.
    package func findings(id: String, key: String, repositoryState: () -> String) -> [Diagnostic]? {
        guard entry(id: id, key: key, repositoryState: repositoryState) != nil else { return nil }
        return old.diagnostics(of: ContentPaths.partnerFile(id))
    }

    /// The last build's entry of a partner, when it was made under `key` and
    /// (when its documents read the git history) at the repository's present state.
    private func entry(id: String, key: String, repositoryState: () -> String) -> BuildCache.Entry? {
        guard let entry = old.partners[id], entry.key == key,
              entry.history.map({ $0 == repositoryState() }) ?? true else { return nil }
        return entry
    }

    /// Whether the last build left anything to reuse.
    package var isEmpty: Bool { old.partners.isEmpty }

    /// The program pages' entry (their files, and the texts they were made
    /// from), when the last build made them under `key`.
    package func reusableProgram(key: String) -> BuildCache.Entry? {
        guard let entry = old.program, entry.key == key else { return nil }
        return entry
    }

    /// A page's key when it is made from a text whose digest is `digest`
    /// (and from what every partner shares: the templates, program.yaml, the date).
    package func pageKey(textDigest digest: String) -> String {
        Digest.hex([base, "page", digest])
    }

    /// The paths of the last build's program files that `include` takes.
    package func lastProgramPaths(_ include: (String) -> Bool) -> [String] {
        old.program?.files.map(\.path).filter(include) ?? []
    }

    /// The last build's files of a program page made from a text, when it
    /// was made under `key` (`pageKey`): the page's path first, then any
    /// other file made from the same text (`paths`).
    package func reusablePage(_ paths: [String], key: String) -> [BuildCache.File]? {
        guard let entry = old.program, let first = paths.first, entry.sources[first] == key else { return nil }
        let files = paths.compactMap { path in entry.files.first { $0.path == path } }
        return files.count == paths.count ? files : nil
    }

    /// Lets the last build's partner entries go (they decided what was reused); its program entry stays.
    package mutating func releasePartners() {
        let source = old.source
        old = BuildCache(program: old.program)
        // Its file stays open: the save copies the reused partners' entries from it.
        old.source = source
        keptListings = [:]
    }

    // MARK: - What this build made

    /// Saves what this build made for the next one (and keeps it in memory
    /// when there is one), with `mode` (the output folder's: a private
    /// output keeps a private cache). The old cache is removed first
    /// (`invalidate`), so a build killed before the save never trusts it.
    package func save(_ made: Made) {
        var cache = BuildCache()
        var listings: [String: KeptListing<Listing>] = [:]
        for partner in made.partners {
            var entry = BuildCache.Entry(id: partner.id, key: partner.key, files: partner.files, listing: partner.stored?.text,
                                         history: partner.history)
            entry.fragments = partner.stored?.fragments ?? []
            entry.listingAt = partner.listingAt
            cache.partners[partner.id] = entry
            if let span = partner.span { cache.spans[partner.id] = span }
            if memory != nil, let listing = partner.listing { listings[partner.id] = KeptListing(key: partner.key, listing: listing) }
        }
        cache.program = made.program
        cache.inputs = made.inputs
        cache.partnerCount = made.partnerCount
        cache.diagnostics = made.diagnostics
        cache.stamps = made.stamps
        cache.spare = made.spare
        cache.folderSeal = made.folderSeal
        cache.base = base
        cache.source = old.source
        cache.save(to: location, mode: OutputTarget.internalFileMode(of: output))
        memory?.keep(cache, listings: listings, savedTo: location)
    }

    /// Removes the cache file: done before the output is swapped, so the
    /// cache never describes an output other than the one in place.
    package func invalidate() {
        unlink(location.path)
    }
}

extension BuildStore {
    /// The last build's findings and output size, when nothing changed.
    package struct Replay: Sendable {
        package var diagnostics: [Diagnostic]
        package var partnerCount: Int
        package var files: Int
    }

    /// A partner the store can give back.
    package struct Reusable: Sendable {
        package var files: BuildCache.FileList
        package var listing: Listing
        /// The listing as stored, written again as it was (not encoded again);
        /// nil when its text was read from the last cache file, not held.
        package var stored: (text: String, fragments: [String])?
        /// The repository state its documents read, if they read the history.
        package var history: String?
        package var diagnostics: [Diagnostic]
        /// Where its entry is in the last build's cache file, to be copied as it is.
        package var span: Range<Int>?
        /// Where its listing's text is in that file, when it was left there (`BuildCache.Entry.listingAt`).
        package var listingAt: Range<Int>?
    }

    /// One partner as this build left it.
    package struct Partner: Sendable {
        package var id: String
        package var key: String
        package var files: BuildCache.FileList
        /// Its listing, for `serve`'s memory to keep. Held out of line: a
        /// build with no `serve` behind it keeps none, and an empty slot in
        /// line was 600 bytes a partner (60 MB at 100,000 partners).
        package var listing: Listing? {
            get { kept.first }
            set { kept = newValue.map { [$0] } ?? [] }
        }
        private var kept: [Listing] = []
        /// The listing as the store writes it (made where the listing was, on every core); nil when it
        /// cannot be written (then the partner is rendered again next time).
        package var stored: (text: String, fragments: [String])?
        /// The repository state its documents read, if they read the history.
        package var history: String?
        /// Reused as it was: where its entry is in the last build's cache file (`BuildCache.spans`).
        package var span: Range<Int>?
        /// Where its listing's text is in that file, when it was left there:
        /// `serve`'s memory keeps the entry noting it, not the text.
        package var listingAt: Range<Int>?

        package init(id: String, key: String, files: BuildCache.FileList, listing: Listing?, stored: (text: String, fragments: [String])?,
                     history: String?, span: Range<Int>? = nil, listingAt: Range<Int>? = nil) {
            self.id = id
            self.key = key
            self.files = files
            self.listing = listing
            self.stored = stored
            self.history = history
            self.span = span
            self.listingAt = listingAt
        }
    }

    /// Everything this build made, for the next one.
    package struct Made: Sendable {
        package var partners: [Partner]
        package var program: BuildCache.Entry?
        package var inputs: String
        package var partnerCount: Int
        package var diagnostics: [Diagnostic]
        package var stamps: [String: FileStamp]
        package var spare: BuildCache.Spare?
        package var folderSeal: String?

        package init(partners: [Partner], program: BuildCache.Entry?, inputs: String, partnerCount: Int, diagnostics: [Diagnostic],
                     stamps: [String: FileStamp], spare: BuildCache.Spare?, folderSeal: String? = nil) {
            self.partners = partners
            self.program = program
            self.inputs = inputs
            self.partnerCount = partnerCount
            self.diagnostics = diagnostics
            self.stamps = stamps
            self.spare = spare
            self.folderSeal = folderSeal
        }
    }
}
