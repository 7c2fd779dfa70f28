import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// The partners step of a build: every partner file, on `jobs` cores, either
/// reused from the store or put through the `PartnerPipeline` and its
/// documents written into the staging folder.
///
/// A partner is reused, without reading its file, when the store holds it
/// under the same key (its file's digest and everything every partner
/// shares), its files are still as written, and, if its documents read the
/// git history, the repository is as it was; its findings and listing then
/// come from the store. Once a finding about the files fails the build
/// (`Rule.stopsWriting`), the remaining partners are still checked but no
/// longer rendered; findings about the state of a partnership (unsigned, a
/// gate not passed) fail the build but leave its documents written.
struct PartnerPass {
    var report: DiagnosticReport
    /// Partners read or reused (files that could be parsed).
    var partnerCount = 0
    /// Files in the partners folder that count as partner files.
    var partnerFileCount = 0
    /// Each partner as this build left it, in ID order (its `listing` nil: in `listings`).
    var partners: [Build.Store.Partner] = []
    /// Each partner's listing, in the order of `partners`: an array of their
    /// own, which the program pages read as it is (gathered from the
    /// partners, a copy of every listing was a tenth of a build's peak memory).
    var listings: [PartnerListing] = []
    /// What `--pdf` prints: each charter and each QBR packet.
    var pdfJobs: [DocumentPDF.Job] = []
    /// Partners rendered (the rest were reused).
    var rendered = 0

    /// What happened to one partner file.
    private struct Outcome: Sendable {
        var counted: Bool
        var parsed: Bool
        var diagnostics: [Diagnostic]
        /// The partner as this build left it, and its listing.
        var made: (partner: Build.Store.Partner, listing: PartnerListing)?
        var fingerprint: String?
        var rendered: Bool
    }

    static func run(_ setup: Build.Setup, store: Build.Store, inputs: InputsDigest?, configuration: BuildConfiguration,
                    progress: BuildProgress?) throws -> PartnerPass {
        let pipeline = PartnerPipeline(setup.input, rendering: .site(setup.renderer))
        let digests = inputs?.digests ?? [:]
        let repository = RepositoryState(configuration.content)
        let stop = StopFlag()
        let area = setup.area
        if area == nil || DiagnosticReport(diagnostics: setup.input.diagnostics, partnerCount: 0, strict: configuration.strict).stopsWriting {
            stop.set()
        }
        let (strict, pdf) = (configuration.strict, configuration.pdf)
        progress?.start(total: pipeline.names.count)

        let outcomes = Parallel.map(pipeline.names, jobs: configuration.jobs) { name -> Result<Outcome, Error> in
            let file = ContentPaths.partnersFolder + "/" + name
            let id = name.hasSuffix(".yaml") ? String(name.dropLast(".yaml".count)) : name
            // A file whose bytes could not be digested is never reused: it has no key.
            let key = store.key(id: id, fileDigest: digests[file])
            if let key, let area, let reused = store.reusable(id: id, key: key, repositoryState: { repository.current },
                                                              decode: { PartnerListing(stored: $0, fragments: $1, calendar: setup.input.program.calendar) }),
               area.reuse(reused.files) {
                progress?.partnerDone(files: reused.files.count)
                let partner = Build.Store.Partner(id: id, key: key, files: reused.files, listing: nil, stored: reused.stored,
                                                  history: reused.history, span: reused.span, listingAt: reused.listingAt)
                return .success(Outcome(counted: true, parsed: true, diagnostics: reused.diagnostics, made: (partner, reused.listing),
                                        fingerprint: nil, rendered: false))
            }
            // Rendered unless the build already writes nothing (this partner's findings included).
            let artifacts = pipeline.run(name) { checked in
                if DiagnosticReport(diagnostics: checked, partnerCount: 1, strict: strict).stopsWriting { stop.set() }
                return !stop.isSet && key != nil && area != nil
            }
            var outcome = Outcome(counted: artifacts.counted, parsed: artifacts.partner != nil, diagnostics: artifacts.diagnostics,
                                  made: nil, fingerprint: nil, rendered: false)
            guard let key, let area, !stop.isSet, let listing = artifacts.listing else {
                progress?.partnerDone(files: 0)
                return .success(outcome)
            }
            do {
                // In path order: the manifest and the sitemap read every partner's list in order (`SortedPaths`).
                let files = try area.write(artifacts.documents).sorted { $0.path < $1.path }
                // Its stored form is made once the program pages have read the listings (`storeListings`).
                let partner = Build.Store.Partner(id: id, key: key, files: BuildCache.FileList(files), listing: nil, stored: nil,
                                                  history: artifacts.readsHistory ? repository.current : nil)
                outcome.made = (partner, listing)
                outcome.fingerprint = pdf ? artifacts.fingerprint : nil
                outcome.rendered = true
                progress?.partnerDone(files: artifacts.documents.count)
                return .success(outcome)
            } catch {
                stop.set()
                return .failure(error)
            }
        }

        var diagnostics = setup.input.diagnostics
        var pass = PartnerPass(report: DiagnosticReport(diagnostics: [], partnerCount: 0, strict: strict))
        // The outcomes that made a partner, by index: copying the outcomes
        // (a listing each, over half a kilobyte) held them twice at the end of the step.
        var done: [(id: String, index: Int)] = []
        for (index, result) in outcomes.enumerated() {
            let outcome = try result.get()
            diagnostics += outcome.diagnostics
            if outcome.counted { pass.partnerFileCount += 1 }
            if outcome.parsed { pass.partnerCount += 1 }
            if let made = outcome.made {
                done.append((made.partner.id, index))
                if outcome.rendered { pass.rendered += 1 }
            }
        }
        pass.report = DiagnosticReport(diagnostics: diagnostics.sorted(by: Diagnostic.ordered), partnerCount: pass.partnerFileCount, strict: strict)
        done.sort { $0.id < $1.id }
        // At their exact sizes: a grown array holds up to twice its elements.
        pass.partners.reserveCapacity(done.count)
        pass.listings.reserveCapacity(done.count)
        for (_, index) in done {
            guard case .success(let outcome) = outcomes[index], let made = outcome.made else { continue }
            pass.partners.append(made.partner)
            pass.listings.append(made.listing)
            if let fingerprint = outcome.fingerprint { pass.pdfJobs += PartnerPass.printJobs(made.partner, fingerprint: fingerprint) }
        }
        return pass
    }

    /// A partner's charter and packets to print, each identified by its
    /// charter's fingerprint (so the same input gives the same PDF).
    static func printJobs(_ partner: Build.Store.Partner, fingerprint: String) -> [DocumentPDF.Job] {
        let packets = partner.files.map(\.path).filter {
            $0.hasPrefix(OutputPaths.partner(partner.id, "qbr/")) && $0.hasSuffix(".html") && !$0.hasSuffix("-brief.html")
        }
        return [DocumentPDF.Job(html: OutputPaths.charter(partner.id, "html"), identifier: String(fingerprint.suffix(32)))]
            + packets.sorted().map { DocumentPDF.Job(html: $0, identifier: String(fingerprint.suffix(24)) + "-" + ($0 as NSString).lastPathComponent) }
    }

    /// Each listing this build made, in the form the store writes, on
    /// `jobs` cores: made after the program pages, not beside each listing
    /// in the partners step, where both forms of every listing were held
    /// until the program pages (the peak) were done.
    mutating func storeListings(jobs: Int) {
        let listings = self.listings
        let made = partners.indices.filter { partners[$0].stored == nil && partners[$0].span == nil && $0 < listings.count }
        let stored = Parallel.map(made, jobs: jobs) { listings[$0].encoded }
        for (index, form) in zip(made, stored) { partners[index].stored = form }
    }

    /// Every partner's files, the lists in the order of their folders
    /// (`partners/ID/`, ordered by the ID and its slash: `a-b/` before
    /// `a/`), for `SortedPaths`.
    func fileLists() -> [BuildCache.FileList] {
        let folders = partners.map { $0.id + "/" }
        return partners.indices.sorted { folders[$0] < folders[$1] }.map { partners[$0].files }
    }

    /// Once the program pages are made, lets every listing go (a build with
    /// no `serve` behind it keeps none) or, to be kept with the store, puts
    /// each with its partner.
    mutating func releaseListings(keep: Bool) {
        if keep {
            for index in partners.indices where index < listings.count { partners[index].listing = listings[index] }
        }
        listings = []
    }
}
