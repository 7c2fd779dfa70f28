import Foundation

/// Counts what a build has done, for a progress display. Thread-safe.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var partners = 0
    private var files = 0
    private let report: @Sendable (_ partnersDone: Int, _ partnersTotal: Int, _ filesWritten: Int) -> Void
    private var total = 0

    public init(report: @escaping @Sendable (_ partnersDone: Int, _ partnersTotal: Int, _ filesWritten: Int) -> Void) {
        self.report = report
    }

    func start(total: Int) {
        lock.withLock { self.total = total }
    }

    func partnerDone(files written: Int) {
        let (p, t, f) = lock.withLock { () -> (Int, Int, Int) in
            partners += 1
            files += written
            return (partners, total, files)
        }
        report(p, t, f)
    }
}

/// `partnerbook build`: validate, render and write atomically, in named steps
/// (`PARTNERBOOK_TIMINGS=1` times each): cache read, inputs digest,
/// up-to-date check, partners (`PartnerPass`), program pages, commit and
/// swap, cache saved.
///
/// Partners are checked and rendered in parallel, each straight into the
/// staging folder, so no more than one partner's documents are in memory per
/// core. A partner whose inputs (its file, program.yaml, the templates, the
/// as-of date and the tool itself) are unchanged since the last build is not
/// read: its files are reused from the previous output and its listing from
/// the cache; when nothing changed, nothing is written at all.
public struct BuildRun {
    /// What validation found (replayed from the cache when nothing changed).
    public var report: DiagnosticReport
    public var asOf: Day
    /// Partners in the program.
    public var partnerCount: Int
    /// Files in the new output; nil when the content had errors and nothing was written.
    public var written: Int?
    /// Partners whose documents were rendered (the rest were reused).
    public var rendered = 0
    /// True when the output was already up to date and left untouched.
    public var upToDate = false
    /// Entries a person put into the output that could not be carried over
    /// (sockets and devices are never copied).
    public var notCarried: [String] = []

    public init(contentFolder: URL, templatesFolder: URL, templatesDisplay: String, templatesRequired: Bool = false, output: URL,
                asOf: Day?, today: Day, strict: Bool, force: Bool, pdf: Bool = false,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, useCache: Bool = true,
                progress: BuildProgress? = nil, waitForLock: Bool = true, waiting: (String) -> Void = { _ in }) throws {
        // One build at a time: held from reading the previous output to the swap.
        var times = StepTimes()
        // Nothing (lock, cache, staging) is made beside an output that is refused.
        try OutputTarget.check(output, content: contentFolder)
        let lock = try OutputLock(output: output, wait: waitForLock, waiting: waiting)
        defer { withExtendedLifetime(lock) {} }
        try PublicBuildRun.refusePublicDirectory(at: output)
        let cacheURL = BuildCache.location(for: output)
        let outputURL = output.standardizedFileURL
        let old = useCache ? BuildCache.load(from: cacheURL) : BuildCache()
        times.mark("cache read")
        // Taken before anything is read: if a file changes during the build,
        // the next build sees a different digest and builds again.
        let digest = try? BuildRun.inputsDigest(contentFolder: contentFolder, templatesFolder: templatesFolder,
                                                asOf: asOf, today: today, strict: strict, known: old.stamps)
        times.mark("inputs digest")
        // Nothing changed since the last build: replay its diagnostics, write nothing.
        if !pdf, let inputs = old.inputs, let digest, digest.value == inputs, let program = old.program, BuildCache.intact(program, in: outputURL),
           BuildCache.intact(Array(old.partners.values), in: outputURL),
           FileManager.default.fileExists(atPath: outputURL.appendingPathComponent(OutputWriter.manifestName).path) {
            report = DiagnosticReport(diagnostics: old.diagnostics, partnerCount: old.partnerCount, strict: strict)
            self.asOf = digest.asOf
            partnerCount = old.partners.count
            if !report.fails {
                upToDate = true
                written = old.partners.values.reduce(program.files.count) { $0 + $1.files.count }
            }
            return
        }

        times.mark("up-to-date check")
        let build = try PartnerPass(contentFolder: contentFolder, templatesFolder: templatesFolder, templatesDisplay: templatesDisplay,
                                    templatesRequired: templatesRequired, output: output, asOf: asOf, today: today, strict: strict,
                                    force: force, pdf: pdf, jobs: jobs, old: useCache && !pdf ? old : BuildCache(),
                                    inputs: digest, progress: progress)
        times.mark("partners")
        report = build.report
        self.asOf = build.asOf
        partnerCount = build.partnerCount
        guard !report.fails else {
            build.area?.abandon()
            return
        }
        if let failure = build.setupError {
            build.area?.abandon()
            throw failure
        }
        guard let area = build.area else { return }
        do {
            // The pages that list every partner, from the partners' listings.
            let programKey = Digest.hex([build.base] + build.keys + build.programDiagnostics.map(\.message))
            let programEntry: BuildCache.Entry
            if let entry = old.program, entry.key == programKey, !pdf, BuildCache.intact(entry, in: outputURL),
               entry.files.allSatisfy({ area.reuse($0.path) }) {
                programEntry = entry
            } else {
                var files = build.renderer.programFiles(build.listings, report: report)
                files.append(build.renderer.sitemap(of: build.entries.flatMap { $0.files.map(\.path) } + files.map(\.path)))
                for file in files { try area.write(file) }
                programEntry = BuildCache.Entry(key: programKey, files: files.map { BuildCache.File(path: $0.path, size: $0.data.count) })
            }
            times.mark("program pages")
            let paths = build.entries.flatMap { $0.files.map(\.path) } + programEntry.files.map(\.path)
            var pdfs: [String] = []
            let printer = build.printer, charters = build.charters, day = build.asOf
            // The old cache describes the old output: gone before the swap, so a
            // build killed between the swap and the save below never trusts it.
            try? FileManager.default.removeItem(at: cacheURL)
            try area.commit(paths: paths) { staging in
                pdfs = try printer?.print(charters: charters, in: staging, asOf: day) ?? []
                return pdfs
            }
            times.mark("commit and swap")
            written = paths.count + pdfs.count
            rendered = build.rendered
            notCarried = area.skipped
            var cache = BuildCache()
            for entry in build.entries { cache.partners[entry.id] = entry }
            cache.program = programEntry
            cache.inputs = digest?.value
            cache.partnerCount = build.partnerFileCount
            cache.diagnostics = report.diagnostics
            cache.stamps = digest?.stamps ?? [:]
            cache.save(to: cacheURL)
            times.mark("cache saved")
        } catch {
            area.abandon()
            throw error
        }
    }

    /// A digest of everything a build reads: every file in the content folder's
    /// program.yaml and partners/ (names and bytes), every template and asset,
    /// the as-of date, `--strict` and the executable. Equal digests mean an
    /// equal build, so it can be skipped without parsing any YAML. A partner
    /// file whose stamp matches `known` is not read again (see `FileStamp`);
    /// the stamps found are returned for the next build, and their digests
    /// spare the loader hashing the same bytes again.
    static func inputsDigest(contentFolder: URL, templatesFolder: URL, asOf: Day?, today: Day,
                             strict: Bool, known: [String: FileStamp] = [:])
        throws -> (value: String, asOf: Day, stamps: [String: FileStamp], digests: [String: String]) {
        let fm = FileManager.default
        let root = contentFolder.resolvingSymlinksInPath().standardizedFileURL
        // Read as the loader reads it: no link out of the content folder, nothing past the size limit.
        let program: Data
        switch ContentFile.read(root.appendingPathComponent(ContentLoader.programFile).path, root: root.path, inRealFolder: false) {
        case .success(let data): program = data
        case .failure(let refusal): program = Data("refused:\(refusal.token)".utf8)
        }
        // The as-of date: the option, else program.yaml's, else today.
        let context = LoadContext(file: ContentLoader.programFile)
        let programAsOf = YAMLFile.parse(program, context: context).map { ProgramLoader.load($0, context: context).asOf?.value }
        let day = asOf ?? programAsOf.flatMap { $0 } ?? today
        var parts = [Digest.executable, day.description, String(strict), Digest.hex(program)]
        let partners = root.appendingPathComponent(ContentLoader.partnersFolder)
        let partnersPath = partners.path
        let realPartners = partners.resolvingSymlinksInPath().path
        let partnersAreReal = ContentLoader.PartnerFiles(root: root).isReal
        let names = ((try? fm.contentsOfDirectory(atPath: partnersPath)) ?? []).sorted()
        let digests = Slots<(line: String, stamp: FileStamp?)>(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let name = names[index], path = partnersPath + "/" + name
            let file = ContentLoader.partnersFolder + "/" + name
            // Where the file really is: a plain file is where its folder is; a link
            // is resolved (a link that moves changes the digest). A file the loader
            // refuses (a link out of the folder, not a regular file, too big) is
            // never opened here: the reason stands in for its digest.
            switch ContentFile.locate(path, root: root.path, inRealFolder: partnersAreReal) {
            case .success(let real):
                let resolved = real == path ? realPartners + "/" + name : real
                let stamp = FileStamp.digest(of: real, known: known[file])
                digests[index] = (name + "\u{1F}" + resolved + "\u{1F}" + (stamp?.digest ?? "unreadable"), stamp)
            case .failure(let refusal):
                digests[index] = (name + "\u{1F}refused:" + refusal.token, nil)
            }
        }
        var stamps: [String: FileStamp] = [:]
        var fileDigests: [String: String] = [:]
        let racy = FileStamp.racyFrom()
        for (name, found) in zip(names, digests.values) {
            parts.append(found.line)
            if let digest = found.stamp?.digest { fileDigests[ContentLoader.partnersFolder + "/" + name] = digest }
            // A file changed in the last seconds could change again within the
            // clock's resolution and keep its stamp: it is read again next time.
            if let stamp = found.stamp, stamp.changed < racy { stamps[ContentLoader.partnersFolder + "/" + name] = stamp }
        }
        let templates = templatesFolder.standardizedFileURL
        for file in ((fm.enumerator(atPath: templates.path)?.allObjects as? [String]) ?? []).sorted() {
            // Bounded, and never a FIFO or device: the template set refuses those too.
            let data = try? BoundedFile.read(templates.appendingPathComponent(file).path, limit: TemplateSet.maxFileBytes, followLinks: true)
            parts.append(file + "\u{1F}" + (data.map(Digest.hex) ?? "-"))
        }
        return (Digest.hex(parts), day, stamps, fileDigests)
    }

    /// Every output file of a checked program, in memory and in a stable order
    /// (for tests; `init` streams them to disk instead).
    static func render(_ check: CheckRun, templates: TemplateSet) -> [OutputFile] {
        let content = check.content
        let renderer = DocumentRenderer(templates: templates, program: content.program, asOf: check.asOf)
        let byFile = Dictionary(grouping: check.report.diagnostics, by: \.file)
        let contexts = content.partners.sorted { $0.id < $1.id }.map {
            DocumentContext($0, program: content.program, asOf: check.asOf, byFile: byFile, history: check.history)
        }
        var files: [OutputFile] = []
        for context in contexts {
            files += renderer.partnerFiles(context)
        }
        files += renderer.programFiles(contexts.map(PartnerListing.init), report: check.report)
        files.append(renderer.sitemap(of: files.map(\.path)))
        return files
    }
}
