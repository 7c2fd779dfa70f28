import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// The partner step of `build`: every partner file, on `jobs` cores, either
/// reused or put through the `PartnerProcessor` and rendered into the
/// staging folder.
///
/// A partner is reused, without reading its file, when its key matches the
/// previous build's (its file's digest, program.yaml, the templates, the
/// as-of date, `--strict` and the tool itself), its files are still in the
/// output as written, and, if its documents read the git history (a stale
/// signature's redline), the repository is as it was. Its findings and its
/// `PartnerListing` (what the pages listing every partner need) then come
/// from the build cache. Any other partner is loaded, checked, rendered and
/// reduced to its listing, one partner's documents in memory per core. Once
/// a finding fails the build, the remaining partners are still checked but
/// no longer rendered.
package struct PartnerStep {
    let input: ProgramInput
    var report: DiagnosticReport
    /// Partners read or reused (files that could be parsed).
    var partnerCount = 0
    /// Files in the partners folder that count as partner files.
    var partnerFileCount = 0
    /// Loader and program-wide findings about program.yaml.
    var programDiagnostics: [Diagnostic]
    /// The staging folder; nil when it could not be made (then `setupError` says why).
    var area: StagingArea?
    /// What stopped rendering before it began (the templates, the output
    /// folder, the PDF printer); thrown by the build when the content passes.
    var setupError: Error?
    var renderer: DocumentRenderer
    var printer: DocumentPDF?
    /// The key part every partner shares, and each partner's key in ID order.
    var base: String
    var keys: [String] = []
    /// Cache entries and listings of the partners, in ID order.
    var entries: [BuildCache.Entry] = []
    var listings: [PartnerListing] = []
    /// What `--pdf` prints: each charter and each QBR packet.
    var pdfJobs: [DocumentPDF.Job] = []
    /// Partners rendered (the rest were reused).
    var rendered = 0

    /// What happened to one partner file.
    private struct Outcome: Sendable {
        var id: String
        var counted: Bool
        var parsed: Bool
        var diagnostics: [Diagnostic]
        var key: String
        var entry: BuildCache.Entry?
        var listing: PartnerListing?
        var fingerprint: String?
        var rendered: Bool
    }

    init(_ state: BuildState) throws {
        let configuration = state.configuration
        input = try ProgramInput(configuration)
        programDiagnostics = input.diagnostics
        report = DiagnosticReport(diagnostics: programDiagnostics, partnerCount: 0, strict: configuration.strict)

        // Everything rendering needs; a failure here waits until the content is known to pass.
        var templates = TemplateSet.empty
        do {
            templates = try TemplateSet.load(from: configuration.templates, displayPath: configuration.templatesDisplay,
                                             folderRequired: configuration.templatesRequired)
            printer = configuration.pdf ? try DocumentPDF() : nil
            // The last build's spare tree is patched, and this build's previous output kept as the next one's.
            area = try StagingArea(output: configuration.output, force: configuration.force, spare: state.old.spare, keepSpare: true)
        } catch {
            setupError = error
        }
        renderer = DocumentRenderer(templates: templates, program: input.program, asOf: input.asOf, rules: RuleCatalog.all)
        base = Digest.hex([Digest.executable ?? "", templates.digest, input.asOf.description, input.digest ?? "",
                           String(configuration.strict), input.allowedSignersDigest, input.keygen == nil ? "no-ssh-keygen" : "ssh-keygen"])

        let processor = PartnerProcessor(input)
        let digests = state.digest?.digests ?? [:]
        let old = configuration.useCache && !configuration.pdf && state.digest != nil ? state.old : BuildCache()
        let kept = old.partners.isEmpty ? [:] : state.keptListings
        let repository = state.repository
        let stop = StopFlag()
        if area == nil || report.fails { stop.set() }
        let (base, renderer, area, progress, strict) = (self.base, self.renderer, self.area, state.progress, configuration.strict)
        let pdf = configuration.pdf, ourSide = input.program.ourSide
        progress?.start(total: processor.files.names.count)

        let outcomes = Parallel.map(processor.files.names, jobs: configuration.jobs) { name -> Result<Outcome, Error> in
            let file = ContentPaths.partnersFolder + "/" + name
            let id = name.hasSuffix(".yaml") ? String(name.dropLast(".yaml".count)) : name
            // A file whose bytes could not be digested is never reused: its key says so.
            let key = digests[file].map { Digest.hex([base, id, $0]) }
            if let key, let area, let entry = old.partners[id], entry.key == key, let json = entry.listing,
               entry.history.map({ $0 == repository.current }) ?? true,
               let listing = PartnerStep.listing(kept[id], json: json, fragments: entry.fragments, key: key),
               area.reuse(entry.files) {
                progress?.partnerDone(files: entry.files.count)
                return .success(Outcome(id: id, counted: true, parsed: true, diagnostics: old.diagnostics(of: file), key: key,
                                        entry: entry, listing: listing, fingerprint: nil, rendered: false))
            }
            let checked = processor.check(name)
            if DiagnosticReport(diagnostics: checked.diagnostics, partnerCount: 1, strict: strict).fails { stop.set() }
            var outcome = Outcome(id: id, counted: checked.counted, parsed: checked.partner != nil, diagnostics: checked.diagnostics,
                                  key: key ?? "", entry: nil, listing: nil, fingerprint: nil, rendered: false)
            guard let key, let area, !stop.isSet, let context = processor.context(checked) else {
                progress?.partnerDone(files: 0)
                return .success(outcome)
            }
            do {
                let made = renderer.partnerFiles(context)
                // In path order: the manifest and the sitemap, which sort
                // every path, then find runs already in order.
                let files = try made.map { try area.write($0) }.sorted { $0.path < $1.path }
                let listing = renderer.listing(context)
                outcome.listing = listing
                outcome.entry = BuildCache.Entry(id: id, key: key, files: files,
                                                 listing: (try? JSONEncoder().encode(listing)).map { String(decoding: $0, as: UTF8.self) },
                                                 history: checked.signedTexts.lookups.isEmpty ? nil : repository.current)
                outcome.entry?.fragments = listing.fragments
                outcome.fingerprint = pdf ? Fingerprint.of(context.partner, us: ourSide) : nil
                outcome.rendered = true
                progress?.partnerDone(files: made.count)
                return .success(outcome)
            } catch {
                stop.set()
                return .failure(error)
            }
        }

        var diagnostics = programDiagnostics
        var done: [Outcome] = []
        for result in outcomes {
            let outcome = try result.get()
            diagnostics += outcome.diagnostics
            if outcome.counted { partnerFileCount += 1 }
            if outcome.parsed { partnerCount += 1 }
            if outcome.entry != nil, outcome.listing != nil { done.append(outcome) }
        }
        report = DiagnosticReport(diagnostics: diagnostics.sorted(by: Diagnostic.ordered), partnerCount: partnerFileCount, strict: strict)
        done.sort { $0.id < $1.id }
        keys = done.map(\.key)
        entries = done.compactMap(\.entry)
        listings = done.compactMap(\.listing)
        pdfJobs = done.flatMap { outcome -> [DocumentPDF.Job] in
            guard let fingerprint = outcome.fingerprint else { return [] }
            let packets = (outcome.entry?.files ?? []).map(\.path).filter {
                $0.hasPrefix("partners/\(outcome.id)/qbr/") && $0.hasSuffix(".html") && !$0.hasSuffix("-brief.html")
            }
            return [DocumentPDF.Job(html: "partners/\(outcome.id)/charter.html", identifier: String(fingerprint.suffix(32)))]
                + packets.sorted().map { DocumentPDF.Job(html: $0, identifier: String(fingerprint.suffix(24)) + "-" + ($0 as NSString).lastPathComponent) }
        }
        rendered = done.filter(\.rendered).count
    }
}

extension PartnerStep {
    /// A reused partner's listing: the one kept in memory when it was made
    /// with this key, else decoded from the cache's JSON and fragments.
    static func listing(_ kept: BuildMemory.KeptListing?, json: String, fragments: [String], key: String) -> PartnerListing? {
        if let kept, kept.key == key { return kept.listing }
        guard var listing = try? JSONDecoder().decode(PartnerListing.self, from: Data(json.utf8)),
              listing.restore(fragments: fragments) else { return nil }
        return listing
    }
}

extension BuildCache {
    /// The last build's findings about one file.
    func diagnostics(of file: String) -> [Diagnostic] {
        diagnosticsByFile[file] ?? []
    }
}
