import Foundation
import Synchronization
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// Counts what a build has done, for a progress display.
public final class BuildProgress: Sendable {
    private struct Counts { var partners = 0, files = 0, total = 0 }
    private let counts = Mutex(Counts())
    private let report: @Sendable (_ partnersDone: Int, _ partnersTotal: Int, _ filesWritten: Int) -> Void

    public init(report: @escaping @Sendable (_ partnersDone: Int, _ partnersTotal: Int, _ filesWritten: Int) -> Void) {
        self.report = report
    }

    func start(total: Int) {
        counts.withLock { $0.total = total }
    }

    func partnerDone(files written: Int) {
        let now = counts.withLock { counts -> Counts in
            counts.partners += 1
            counts.files += written
            return counts
        }
        report(now.partners, now.total, now.files)
    }
}

/// `partnerbook build`: a short list of named steps (`BuildRun.steps`), each
/// timed with `PARTNERBOOK_TIMINGS=1`; an error names the step it stopped.
///
/// Partners are loaded, checked and rendered by `PartnerStep` on `jobs`
/// cores, each straight into the staging folder; a partner whose inputs are
/// unchanged since the last build is not read at all. When nothing changed,
/// nothing is written.
public struct BuildRun {
    /// What validation found (replayed from the cache when nothing changed).
    public var report: DiagnosticReport
    public var asOf: Day
    /// Partners in the program.
    public var partnerCount = 0
    /// Files in the new output; nil when the content had errors and nothing was written.
    public var written: Int?
    /// Partners whose documents were rendered (the rest were reused).
    public var rendered = 0
    /// True when the output was already up to date and left untouched.
    public var upToDate = false
    /// Why the cache could not be used, when it could not (the build then renders everything).
    public var cacheOff: String?

    /// One named step of the build. It returns false when the build is done
    /// (up to date, or stopped by errors in the content).
    struct Step {
        var name: String
        var run: (inout BuildState) throws -> Bool
    }

    /// The build, in order.
    static var steps: [Step] { [
        Step(name: "check the output folder") { state in
            try OutputTarget.check(state.configuration.output, content: state.configuration.content)
            state.lock = try OutputLock(output: state.configuration.output, wait: state.configuration.waitForLock,
                                        waiting: state.waiting)
            try PublicBuildRun.refusePublicDirectory(at: state.configuration.output)
            return true
        },
        Step(name: "read the cache") { state in
            if state.configuration.useCache && !state.configuration.pdf {
                if let kept = state.memory?.take(for: state.cacheURL) {
                    (state.old, state.keptListings) = kept
                } else {
                    switch BuildCache.read(from: state.cacheURL) {
                    case .success(let cache): state.old = cache
                    case .failure(let refusal): if refusal.isWorthSaying { state.result.cacheOff = refusal.description }
                    }
                }
            }
            return true
        },
        Step(name: "digest the inputs") { state in
            do {
                state.digest = try InputsDigest.make(contentFolder: state.configuration.content, templatesFolder: state.configuration.templates,
                                                     asOf: state.configuration.asOf, today: state.configuration.today,
                                                     strict: state.configuration.strict, known: state.old.stamps)
            } catch {
                state.result.cacheOff = "\(error)"
                state.old = BuildCache()
            }
            return true
        },
        Step(name: "up-to-date check") { state in !state.replayIfUpToDate() },
        Step(name: "partners") { state in
            state.pass = try PartnerStep(state)
            state.result.report = state.pass!.report
            state.result.asOf = state.pass!.input.asOf
            state.result.partnerCount = state.pass!.partnerCount
            // The last build's partner entries decided what was reused; only its program entry is read again.
            state.old = BuildCache(program: state.old.program)
            ReleaseMemory.now()
            guard !state.result.report.fails else {
                state.pass!.area?.abandon()
                return false
            }
            if let failure = state.pass!.setupError {
                state.pass!.area?.abandon()
                throw failure
            }
            return state.pass!.area != nil
        },
        Step(name: "program pages") { state in
            try state.writeProgramPages()
            ReleaseMemory.now()
            return true
        },
        Step(name: BuildRun.commitStep) { state in
            try state.commit()
            return true
        },
        Step(name: "save the cache") { state in
            state.saveCache()
            return true
        },
    ] }

    /// The step after which the new output is in place.
    static let commitStep = "commit and swap"

    init(report: DiagnosticReport, asOf: Day) {
        self.report = report
        self.asOf = asOf
    }

    /// - Parameters:
    ///   - memory: where a process that builds again and again keeps the
    ///     cache between builds (`serve`).
    ///   - committed: called once the new output is in place, before the
    ///     cache is saved, with what the build has found and written.
    public init(_ configuration: BuildConfiguration, progress: BuildProgress? = nil, waiting: @escaping (String) -> Void = { _ in },
                memory: BuildMemory? = nil, committed: ((BuildRun) -> Void)? = nil) throws {
        var state = BuildState(configuration: configuration, progress: progress, waiting: waiting)
        state.memory = memory
        var times = StepTimes()
        for step in BuildRun.steps {
            let go: Bool
            do {
                go = try step.run(&state)
            } catch {
                state.pass?.area?.abandon()
                throw BuildStepError(step: step.name, underlying: error)
            }
            times.mark(step.name)
            if !go { break }
            if step.name == BuildRun.commitStep { committed?(state.result) }
        }
        self = state.result
    }
}

/// A build stopped by an error, with the step it stopped in.
public struct BuildStepError: Error, CustomStringConvertible {
    public var step: String
    public var underlying: Error
    public var description: String { "\(underlying)" }
}

/// What the steps of one build share.
package struct BuildState {
    let configuration: BuildConfiguration
    let progress: BuildProgress?
    let waiting: (String) -> Void
    var result: BuildRun
    var lock: OutputLock?
    var old = BuildCache()
    var memory: BuildMemory?
    /// The listings kept in `memory` with the cache it kept.
    var keptListings: [String: BuildMemory.KeptListing] = [:]
    var digest: InputsDigest?
    var pass: PartnerStep?
    var programEntry: BuildCache.Entry?
    var paths: [String] = []
    let cacheURL: URL
    let outputURL: URL
    let repository: RepositoryState

    init(configuration: BuildConfiguration, progress: BuildProgress?, waiting: @escaping (String) -> Void) {
        self.configuration = configuration
        self.progress = progress
        self.waiting = waiting
        result = BuildRun(report: DiagnosticReport(diagnostics: [], partnerCount: 0, strict: configuration.strict),
                          asOf: configuration.asOf ?? configuration.today)
        cacheURL = BuildCache.location(for: configuration.output)
        outputURL = configuration.output.standardizedFileURL
        repository = RepositoryState(configuration.content)
    }

    /// Nothing changed since the last build (the same inputs digest, every
    /// file still in the output as written, the same repository state for
    /// documents that read the history): the last build's findings are
    /// replayed and nothing is written.
    mutating func replayIfUpToDate() -> Bool {
        guard !configuration.pdf, let digest, let inputs = old.inputs, digest.value == inputs, let program = old.program,
              BuildCache.intact([program] + Array(old.partners.values), in: outputURL),
              old.partners.values.allSatisfy({ $0.history == nil || $0.history == repository.current }),
              FileManager.default.fileExists(atPath: outputURL.appendingPathComponent(OutputWriter.manifestName).path) else { return false }
        let report = DiagnosticReport(diagnostics: old.diagnostics, partnerCount: old.partnerCount, strict: configuration.strict)
        result.report = report
        result.asOf = digest.asOf
        result.partnerCount = old.partners.count
        if !report.fails {
            result.upToDate = true
            result.written = old.partners.values.reduce(program.files.count) { $0 + $1.files.count }
        }
        return true
    }

    /// The pages that list every partner, from the partners' listings (reused when nothing they show changed).
    mutating func writeProgramPages() throws {
        guard let pass, let area = pass.area else { return }
        let key = Digest.hex([pass.base] + pass.keys + pass.programDiagnostics.map(\.message))
        if let entry = old.program, entry.key == key, !configuration.pdf, area.reuse(entry.files) {
            programEntry = entry
        } else {
            var files = try pass.renderer.programFiles(pass.listings, report: pass.report) { try area.write($0) }
            files.append(try area.write(pass.renderer.sitemap(of: pass.entries.flatMap { $0.files.map(\.path) } + files.map(\.path))))
            programEntry = BuildCache.Entry(key: key, files: files)
        }
        paths = pass.entries.flatMap { $0.files.map(\.path) } + programEntry!.files.map(\.path)
        // The listings are read by the program pages only; the cache keeps
        // their JSON (and `memory` the listings themselves, when there is one).
        if memory == nil { self.pass?.listings = [] }
        old = BuildCache()
    }

    /// Carries over what a person put into the output, prints PDFs, and swaps the staging folder in.
    mutating func commit() throws {
        guard let pass, let area = pass.area else { return }
        let printer = pass.printer, jobs = pass.pdfJobs, day = pass.input.asOf, parallel = configuration.jobs
        var pdfs: [String] = []
        // The old cache describes the old output: gone before the swap, so a
        // build killed between the swap and the save never trusts it.
        unlink(cacheURL.path)
        try area.commit(paths: paths) { staging in
            pdfs = try printer?.print(jobs, in: staging, asOf: day, parallel: parallel) ?? []
            return pdfs
        }
        result.written = paths.count + pdfs.count
        result.rendered = pass.rendered
    }

    /// The cache for the next build (only when the inputs could be digested).
    func saveCache() {
        guard let pass, let digest else { return }
        var cache = BuildCache()
        for entry in pass.entries { cache.partners[entry.id] = entry }
        cache.program = programEntry
        cache.inputs = digest.value
        cache.partnerCount = pass.partnerFileCount
        cache.diagnostics = result.report.diagnostics
        cache.stamps = digest.stamps
        cache.spare = pass.area?.spare
        cache.save(to: cacheURL, mode: OutputTarget.internalFileMode(of: outputURL))
        if let memory {
            var listings: [String: BuildMemory.KeptListing] = [:]
            for (entry, listing) in zip(pass.entries, pass.listings) { listings[entry.id] = .init(key: entry.key, listing: listing) }
            memory.keep(cache, listings: listings, savedTo: cacheURL)
        }
    }
}
