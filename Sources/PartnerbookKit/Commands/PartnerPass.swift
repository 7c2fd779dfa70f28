import Foundation

/// The partner step of `build`: every partner file, in parallel, either
/// reused or loaded, checked and rendered into the staging folder.
///
/// A partner whose key (its file's digest, program.yaml, the templates, the
/// as-of date, `--strict` and the tool itself) matches the previous build's,
/// and whose files are still in the output as written, is not read at all:
/// its files are hard-linked from the previous output, and its diagnostics
/// and its `PartnerListing` (what the pages listing every partner need) come
/// from the build cache. Any other partner is parsed, validated and
/// rendered, one partner's documents in memory per core; its model is
/// dropped once its listing is made. Once a finding fails the build, the
/// remaining partners are still checked but no longer rendered.
struct PartnerPass {
    var asOf: Day
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
    /// folder, the PDF printer); thrown by `build` when the content passes.
    var setupError: Error?
    var renderer: DocumentRenderer
    var printer: CharterPDF?
    /// The key part every partner shares, and each partner's key in ID order.
    var base: String
    var keys: [String] = []
    /// Cache entries and listings of the partners, in ID order.
    var entries: [BuildCache.Entry] = []
    var listings: [PartnerListing] = []
    /// Partner IDs and charter fingerprints, for PDFs.
    var charters: [(String, String)] = []
    /// Partners rendered (the rest were reused).
    var rendered = 0

    /// What happened to one partner file.
    private struct Outcome {
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

    init(contentFolder: URL, templatesFolder: URL, templatesDisplay: String, templatesRequired: Bool, output: URL,
         asOf requestedAsOf: Day?, today: Day, strict: Bool, force: Bool, pdf: Bool, jobs: Int, old: BuildCache,
         inputs: (value: String, asOf: Day, stamps: [String: FileStamp], digests: [String: String])?,
         progress: BuildProgress?) throws {
        let root = try ContentLoader.contentRoot(contentFolder)
        let settings = ContentLoader.loadProgram(root: root)
        let program = settings.program
        let day = requestedAsOf ?? program.asOf?.value ?? today
        asOf = day
        programDiagnostics = settings.diagnostics + ProgramRules.check(program)
        report = DiagnosticReport(diagnostics: programDiagnostics, partnerCount: 0, strict: strict)

        // Everything rendering needs; a failure here waits until the content is known to pass.
        var templates = TemplateSet.empty
        do {
            templates = try TemplateSet.load(from: templatesFolder, displayPath: templatesDisplay, folderRequired: templatesRequired)
            printer = pdf ? try CharterPDF() : nil
            area = try StagingArea(output: output, force: force)
        } catch {
            setupError = error
        }
        renderer = DocumentRenderer(templates: templates, program: program, asOf: day)
        base = Digest.hex([Digest.executable, templates.digest, day.description, settings.digest ?? "", String(strict)])

        let files = ContentLoader.PartnerFiles(root: root)
        let names = files.names
        let digests = inputs?.digests ?? [:]
        let rules = RuleContext(program: program, asOf: day, history: SignedHistory(contentRoot: contentFolder))
        let outputURL = output.standardizedFileURL
        let stop = Flag(area == nil || report.fails)
        let failure = Slots<Error?>(count: 1)
        let outcomes = Slots<Outcome>(count: names.count)
        let (base, renderer, area) = (self.base, self.renderer, self.area)
        progress?.start(total: names.count)

        let gate = DispatchSemaphore(value: max(1, jobs))
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "partnerbook.partners", attributes: .concurrent)
        for (index, name) in names.enumerated() {
            gate.wait()
            group.enter()
            queue.async {
                defer { gate.signal(); group.leave() }
                let file = ContentLoader.partnersFolder + "/" + name
                let id = name.hasSuffix(".yaml") ? String(name.dropLast(".yaml".count)) : name
                let key = Digest.hex([base, id, digests[file] ?? UUID().uuidString])
                // Reused: same key, its files still in the output, its listing cached.
                if let area, let entry = old.partners[id], entry.key == key, let json = entry.listing,
                   let listing = try? JSONDecoder().decode(PartnerListing.self, from: Data(json.utf8)),
                   BuildCache.intact(entry, in: outputURL), entry.files.allSatisfy({ area.reuse($0.path) }) {
                    outcomes[index] = Outcome(id: id, counted: true, parsed: true, diagnostics: old.diagnostics(of: file),
                                              key: key, entry: entry, listing: listing, fingerprint: nil, rendered: false)
                    progress?.partnerDone(files: entry.files.count)
                    return
                }
                let loaded = files.load(name)
                let found = Validator.check(loaded, rules).sorted(by: Diagnostic.ordered)
                if DiagnosticReport(diagnostics: found, partnerCount: 1, strict: strict).fails { stop.set() }
                var outcome = Outcome(id: id, counted: loaded.counted, parsed: loaded.partner != nil, diagnostics: found,
                                      key: key, entry: nil, listing: nil, fingerprint: nil, rendered: false)
                guard let partner = loaded.partner, let area, !stop.isSet else {
                    outcomes[index] = outcome
                    progress?.partnerDone(files: 0)
                    return
                }
                let context = DocumentContext(partner, program: program, asOf: day, byFile: [file: found], history: rules.history)
                do {
                    let made = renderer.partnerFiles(context)
                    for file in made { try area.write(file) }
                    outcome.entry = BuildCache.Entry(id: id, key: key, files: made.map { BuildCache.File(path: $0.path, size: $0.data.count) })
                    let listing = PartnerListing(context)
                    outcome.listing = listing
                    outcome.entry?.listing = (try? JSONEncoder().encode(listing)).map { String(decoding: $0, as: UTF8.self) }
                    outcome.fingerprint = pdf ? Fingerprint.of(partner, company: program.company?.value) : nil
                    outcome.rendered = true
                    progress?.partnerDone(files: made.count)
                } catch {
                    failure[0] = error
                    stop.set()
                }
                outcomes[index] = outcome
            }
        }
        group.wait()
        if let error = failure[0] ?? nil {
            area?.abandon()
            throw error
        }

        var diagnostics = programDiagnostics
        var done: [Outcome] = []
        for outcome in outcomes.values {
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
        charters = done.compactMap { outcome in outcome.fingerprint.map { (outcome.id, $0) } }
        rendered = done.filter(\.rendered).count
    }
}

/// A flag set once from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Bool

    init(_ value: Bool = false) { self.value = value }

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}

extension BuildCache {
    /// The last build's findings about one file.
    func diagnostics(of file: String) -> [Diagnostic] {
        diagnosticsByFile[file] ?? []
    }
}
