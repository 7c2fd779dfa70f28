import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook build` (and every rebuild of `serve`): a short list of named
/// steps, each a function of what the steps before it made.
///
/// 1. check the output folder (refused ones, the lock)
/// 2. read the store (the last build's cache, or what `serve` kept)
/// 3. digest the inputs; when nothing changed, replay the last findings
/// 4. read the program, the templates and the staging folder
/// 5. partners: every partner file through the `PartnerPipeline`, or reused from the store
/// 6. program pages: the pages that list every partner, from the partners' listings
/// 7. commit and swap the staging folder in (PDFs printed first)
/// 8. save the store for the next build
package enum Build {
    /// The store of an internal site, keeping `PartnerListing`s.
    package typealias Store = BuildStore<PartnerListing>
    package typealias Memory = StoreMemory<PartnerListing>

    /// - Parameters:
    ///   - memory: where a process that builds again and again keeps the store between builds (`serve`).
    ///   - committed: called once the new output is in place, before the store is saved.
    package static func run(_ configuration: BuildConfiguration, progress: BuildProgress? = nil,
                            waiting: @escaping (String) -> Void = { _ in }, memory: Memory? = nil,
                            committed: ((BuildResult) -> Void)? = nil) throws -> BuildResult {
        ReleaseMemory.mapLargeBlocks()
        var steps = BuildSteps()
        let lock = try steps.run("check the output folder") { try claimOutput(configuration, waiting: waiting) }
        defer { withExtendedLifetime(lock) {} }
        var store = try steps.run("read the store") {
            Store(output: configuration.output, enabled: configuration.useCache && !configuration.pdf, memory: memory)
        }
        let inputs = try steps.run("digest the inputs") { digestInputs(configuration, store: &store) }
        var result = BuildResult(report: DiagnosticReport(diagnostics: [], partnerCount: 0, strict: configuration.strict),
                                 asOf: inputs?.asOf ?? configuration.asOf ?? configuration.today, cacheOff: store.refusal)
        if let replayed = try steps.run("up-to-date check", { replay(store, inputs: inputs, configuration: configuration, result: result) }) {
            return replayed
        }
        let setup = try steps.run("read the program and templates") { try Setup(configuration, store: &store) }
        var pass = try steps.run("partners") {
            try PartnerPass.run(setup, store: store, inputs: inputs, configuration: configuration, progress: progress)
        }
        result.report = pass.report
        result.asOf = setup.input.asOf
        result.partnerCount = pass.partnerCount
        store.releasePartners()
        ReleaseMemory.now()
        guard !pass.report.stopsWriting, let area = setup.area else {
            setup.area?.abandon()
            if !pass.report.stopsWriting, let failure = setup.failure { throw BuildError(step: "partners", path: nil, underlying: failure) }
            return result
        }
        let lists = pass.fileLists()
        let made = try steps.run("program pages") {
            try programPages(pass, partnerFiles: lists, setup: setup, store: store, area: area, pdf: configuration.pdf)
        }
        let program = made.entry
        pass.storeListings(jobs: configuration.jobs)
        // The listings are read by the program pages only; `serve` keeps them with the store.
        pass.releaseListings(keep: memory != nil)
        ReleaseMemory.now()
        let paths = SortedPaths(lists: lists, others: program.files.paths)
        let printed = try steps.run("commit and swap") {
            try commit(paths: paths, manifestDigest: made.manifestDigest, area: area, store: store, setup: setup, jobs: pass.pdfJobs,
                       parallel: configuration.jobs)
        }
        result.written = paths.count + printed.count
        result.rendered = pass.rendered
        committed?(result)
        try steps.run("save the store") {
            guard let inputs else { return }
            store.save(Store.Made(partners: pass.partners, program: program, inputs: inputs.value, partnerCount: pass.partnerFileCount,
                                  diagnostics: result.report.diagnostics, stamps: inputs.stamps, spare: area.spare,
                                  folderSeal: area.folderSeal))
        }
        return result
    }

    /// The output folder checked and locked: `/`, the content folder and
    /// links are refused, and so is a public directory.
    private static func claimOutput(_ configuration: BuildConfiguration, waiting: @escaping (String) -> Void) throws -> OutputLock {
        try OutputTarget.check(configuration.output, content: configuration.content)
        let lock = try OutputLock(output: configuration.output, wait: configuration.waitForLock, waiting: waiting)
        try PublicBuild.refusePublicDirectory(at: configuration.output)
        return lock
    }

    /// Every input's digest; nil (and the store forgotten, saying why) when they cannot be digested.
    private static func digestInputs(_ configuration: BuildConfiguration, store: inout Store) -> InputsDigest? {
        do {
            return try InputsDigest.make(contentFolder: configuration.content, templatesFolder: configuration.templates,
                                         asOf: configuration.asOf, today: configuration.today, strict: configuration.strict,
                                         known: store.stamps)
        } catch {
            store.forget(because: "\(error)")
            return nil
        }
    }

    /// The last build's findings when nothing changed: nothing is written.
    private static func replay(_ store: Store, inputs: InputsDigest?, configuration: BuildConfiguration,
                               result: BuildResult) -> BuildResult? {
        guard !configuration.pdf, let inputs,
              let replay = store.replay(inputs: inputs.value, repositoryState: { RepositoryState(configuration.content).current })
        else { return nil }
        var result = result
        result.report = DiagnosticReport(diagnostics: replay.diagnostics, partnerCount: replay.partnerCount, strict: configuration.strict)
        result.asOf = inputs.asOf
        result.partnerCount = replay.partnerCount
        if !result.report.stopsWriting {
            result.upToDate = true
            result.written = replay.files
        }
        return result
    }

    /// The pages that list every partner, from the partners' listings
    /// (reused when nothing they show changed), and the sitemap.
    private static func programPages(_ pass: PartnerPass, partnerFiles: [BuildCache.FileList], setup: Setup, store: Store, area: StagingArea,
                                     pdf: Bool) throws -> (entry: BuildCache.Entry, manifestDigest: Data?) {
        let key = store.programKey(partnerKeys: pass.partners.map(\.key), findings: setup.input.diagnostics.map(\.message))
        if !pdf, let last = store.reusableProgram(key: key), area.reuse(last.files) {
            return (last, nil)
        }
        // A page whose text is the one the last build made it from is reused (not with --pdf, which reuses nothing).
        let unchanged = pdf ? nil : UnchangedPages<BuildCache.File>(key: { store.pageKey(textDigest: $0) }) { paths, key in
            guard let files = store.reusablePage(paths, key: key), area.reuse(files) else { return nil }
            return files
        }
        let files = try setup.renderer.programFiles(pass.listings, report: pass.report, unchanged: unchanged) {
            try area.write($0)
        }
        let sitemaps = try sitemaps(partnerFiles: partnerFiles, pages: files.map(\.path), setup: setup, store: store, area: area, pdf: pdf)
        var entry = BuildCache.Entry(key: key, files: files + sitemaps.files)
        entry.sources = unchanged?.made ?? [:]
        entry.sources[OutputPaths.sitemap] = sitemaps.key
        return (entry, sitemaps.manifest)
    }

    /// The sitemaps, which list every page of the output, and the digest of
    /// the output's manifest. The last build's serve when the output's paths
    /// are its very paths (the manifest's digest; the page key covers the
    /// address and the date, with program.yaml): at 10,000 partners they
    /// list 120,000 pages, and made again were 0.09 s of a 1.6 s edit.
    private static func sitemaps(partnerFiles: [BuildCache.FileList], pages: [String], setup: Setup, store: Store, area: StagingArea,
                                 pdf: Bool) throws -> (files: [BuildCache.File], manifest: Data, key: String) {
        func key(_ manifest: Data) -> String { store.pageKey(textDigest: "sitemaps of " + Digest.hex(manifest)) }
        // `sitemap.xml` first (its key is kept under it), then its parts.
        let last = store.lastProgramPaths(OutputPaths.isSitemap).sorted {
            ($0 == OutputPaths.sitemap) != ($1 == OutputPaths.sitemap) ? $0 == OutputPaths.sitemap : $0 < $1
        }
        if !pdf, !last.isEmpty {
            let same = OutputWriter.manifestDigest(of: SortedPaths(lists: partnerFiles, others: pages + last))
            if let reused = store.reusablePage(last, key: key(same)), area.reuse(reused) { return (reused, same, key(same)) }
        }
        // The internal site's own address: its pages are not served by the public host.
        let made = try setup.renderer.sitemaps(of: SortedPaths(lists: partnerFiles, others: pages),
                                               base: setup.renderer.program.site.internalURL) { try area.write($0) }
        let manifest = OutputWriter.manifestDigest(of: SortedPaths(lists: partnerFiles, others: pages + made.map(\.path)))
        return (made, manifest, key(manifest))
    }

    /// Carries over what a person put into the output, prints the PDFs, and
    /// swaps the staging folder in; the store's old cache goes first, so a
    /// build killed between the swap and the save never trusts it.
    private static func commit(paths: SortedPaths, manifestDigest: Data?, area: StagingArea, store: Store, setup: Setup,
                               jobs: [DocumentPDF.Job], parallel: Int) throws -> [String] {
        var printed: [String] = []
        store.invalidate()
        try area.commit(paths: paths, manifestDigest: manifestDigest) { staging in
            printed = try setup.printer?.print(jobs, in: staging, asOf: setup.input.asOf, parallel: parallel) ?? []
            return printed
        }
        return printed
    }
}

extension Build {
    /// What rendering needs, read once: the program, the templates (and the
    /// renderer made of them), the PDF printer and the staging folder. A
    /// template, printer or staging failure waits in `failure` until the
    /// content is known to pass: content errors are reported first.
    struct Setup {
        var input: ProgramInput
        var renderer: DocumentRenderer
        var printer: DocumentPDF?
        var area: StagingArea?
        var failure: Error?

        init(_ configuration: BuildConfiguration, store: inout Store) throws {
            input = try ProgramInput(configuration)
            var templates = TemplateSet.empty
            // Read before the shared key part is set, which lets go of the last build's entries when it changed.
            let (spare, seal) = (store.spare, store.folderSeal)
            do {
                templates = try TemplateSet.load(from: configuration.templates, displayPath: configuration.templatesDisplay,
                                                 folderRequired: configuration.templatesRequired)
                // The fingerprints were made with the wording read first; the charters must be rendered from that wording.
                guard templates.charterHash == input.frame.template else {
                    throw TemplateError(file: configuration.templatesDisplay + "/" + CharterWording.file, line: 1, column: 1,
                                        message: "the charter template changed while the build read it; run the build again")
                }
                printer = configuration.pdf ? try DocumentPDF() : nil
            } catch {
                failure = error
            }
            renderer = DocumentRenderer(templates: templates, program: input.program, asOf: input.asOf, rules: RuleCatalog.all)
            store.share(Build.sharedKey(templates: templates.digest, input: input, strict: configuration.strict))
            guard failure == nil else { return }
            do {
                // The last build's spare tree is patched, and this build's previous output kept as the next one's;
                // when nothing of the last build can be reused, the next one's spare is linked as the files are written.
                area = try StagingArea(output: configuration.output, force: configuration.force, spare: spare, keepSpare: true,
                                       linkedSpareFrom: configuration.linkedSpareFrom, linkAsWritten: store.isEmpty,
                                       folderSeal: seal)
            } catch {
                failure = error
            }
        }
    }

    /// What every partner's documents and findings read besides its own file:
    /// the key part they share (`check` computes the same to reuse findings).
    static func sharedKey(templates: String, input: ProgramInput, strict: Bool) -> [String] {
        [Executable.stamp ?? "", templates, input.asOf.description, input.digest ?? "",
         String(strict), input.allowedSignersDigest, input.keygen == nil ? "no-ssh-keygen" : "ssh-keygen"]
    }
}

/// A partner's listing is what the store keeps of it besides its files.
extension PartnerListing: StoredListing {}
