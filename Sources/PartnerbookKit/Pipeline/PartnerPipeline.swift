import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender

/// The partner pass: one partner file and the program in, everything that
/// file gives out (`PartnerArtifacts`): load, check (the loader's findings
/// and every rule's, with the signed texts of any stale signature looked up
/// in git first and OpenSSH's verdict on each SSH signature), assess, and
/// render its documents and its listing. Nothing in it depends on another
/// partner, so it runs on every core; `check`, `build`, `build --public`,
/// `serve`, `sign`, `verify`, the reference docs and the tests all call it,
/// and none of them wires these steps again.
///
/// It writes nothing and keeps nothing: what to do with the documents
/// (write them into a staging folder, keep them in a store) is the caller's.
package struct PartnerPipeline: Sendable {
    /// What is made of a partner besides its findings.
    package enum Rendering: Sendable {
        /// Findings only (`check`, `sign`, `verify`).
        case none
        /// The internal documents and the listing the program pages are made from (`build`, `serve`).
        case site(DocumentRenderer)
        /// A listed partner's public page and its card (`build --public`).
        case publicDirectory(DocumentRenderer)
    }

    package let input: ProgramInput
    package let rendering: Rendering

    package init(_ input: ProgramInput, rendering: Rendering = .none) {
        self.input = input
        self.rendering = rendering
    }

    /// Every entry of the partners folder, sorted: the files the pipeline takes.
    package var names: [String] { input.files.names }

    /// One entry of the partners folder through the pipeline. `render` is
    /// asked whether to render its documents: first with no findings (can
    /// anything be rendered: a build whose files already have errors checks
    /// the rest and renders nothing), then with the partner's own.
    package func run(_ name: String, render: ([Diagnostic]) -> Bool = { _ in true }) -> PartnerArtifacts {
        run(input.files.load(name), render: render)
    }

    /// A partner file given as bytes through the pipeline, as if it were `partners/NAME` (the fuzz target's way in).
    package func run(_ name: String, data: Data) -> PartnerArtifacts {
        run(input.files.load(name, data: data)) { _ in true }
    }

    private func run(_ loaded: ContentLoader.PartnerFile, render: ([Diagnostic]) -> Bool) -> PartnerArtifacts {
        var artifacts = PartnerArtifacts(file: loaded.file, counted: loaded.counted)
        guard let partner = loaded.partner else {
            artifacts.diagnostics = loaded.diagnostics.sorted(by: Diagnostic.ordered)
            return artifacts
        }
        let frame = input.frame
        var rendering = self.rendering
        if case .none = rendering {} else if !render([]) { rendering = .none }
        let renders = if case .none = rendering { false } else { true }
        let signatures = SignatureState(partner, frame: frame, printed: renders)
        let texts = partner.status?.value == .ended ? SignedTexts() : input.history.texts(for: partner, frame: frame, state: signatures)
        let ssh = SSHVerifier.verify(partner, frame: frame, state: signatures, texts: texts, allowed: input.allowedSigners,
                                     signers: input.signers, keygen: input.keygen).binding(SignerBinding.problems(partner))
        // Assessed once when documents are made: the rules read its KPI readings, the documents all of it.
        // `check` makes no documents, and the rules compute the readings they need (once) themselves.
        let assessment = renders ? PartnerAssessment(partner, program: input.program, asOf: input.asOf, signatures: signatures) : nil
        let found = loaded.diagnostics
            + Validator.check(partner, input.rules.with(texts, ssh: ssh, signatures: signatures, readings: assessment?.kpis))
        artifacts.partner = partner
        artifacts.diagnostics = found.sorted(by: Diagnostic.ordered)
        artifacts.signedTexts = texts
        artifacts.sshVerifications = ssh
        guard let assessment, render(artifacts.diagnostics) else { return artifacts }
        switch rendering {
        case .none:
            break
        case .site(let renderer):
            var context = self.context(partner, assessment, diagnostics: artifacts.diagnostics, texts: texts, ssh: ssh)
            // Each held review's packet shows the file as it stood on the review's day.
            let held = QBRPlan.packets(for: partner, asOf: input.asOf).filter { !$0.isUpcoming }.compactMap(\.date)
            context.asOfVersions = held.isEmpty ? [:] : input.fileHistory.versions(of: partner.file, id: partner.id, on: held)
            artifacts.readsFileHistory = !context.asOfVersions.isEmpty
            artifacts.documents = renderer.partnerFiles(context)
            artifacts.listing = renderer.listing(context)
            artifacts.fingerprint = signatures.fingerprint
        case .publicDirectory(let renderer):
            let context = self.context(partner, assessment, diagnostics: artifacts.diagnostics, texts: texts, ssh: ssh)
            if let listed = renderer.publicPartner(context) {
                artifacts.documents = [listed.page]
                artifacts.publicCard = listed.card
            }
        }
        return artifacts
    }

    /// What the documents of a checked partner are made from.
    private func context(_ partner: Partner, _ assessment: PartnerAssessment, diagnostics: [Diagnostic], texts: SignedTexts,
                         ssh: SSHVerifications) -> DocumentContext {
        DocumentContext(program: input.program, partner: partner, assessment: assessment, asOf: input.asOf, diagnostics: diagnostics,
                        frame: input.frame,
                        signedTexts: texts, sshVerifications: ssh)
    }
}

/// What one partner file gives: its findings, its documents (kind, path and
/// bytes) and the listing the pages that list every partner are made from.
package struct PartnerArtifacts: Sendable {
    /// The file, relative to the content folder (`partners/ID.yaml`).
    package var file: String
    /// The partner's ID: the file's name without `.yaml`.
    package var id: String { String(file.dropFirst(ContentPaths.partnersFolder.count + 1).dropLast(counted ? 5 : 0)) }
    /// Whether it counts as a partner file (ends in `.yaml`).
    package var counted: Bool
    /// The partner as loaded; nil when the file could not be parsed.
    package var partner: Partner?
    /// The loader's findings and every rule's, in report order.
    package var diagnostics: [Diagnostic] = []
    /// Its documents (`site`), or its public page (`publicDirectory`, when listed).
    package var documents: [OutputFile] = []
    /// What the program pages need of it (`site`).
    package var listing: PartnerListing?
    /// Its card on the public directory's home page (`publicDirectory`, when listed).
    package var publicCard: PublicDirectoryView.Card?
    /// The signed texts of its stale signatures, from the git history.
    package var signedTexts = SignedTexts()
    /// What OpenSSH said of its SSH signatures.
    package var sshVerifications = SSHVerifications()
    /// Its documents read the git history (a stale signature's redline), so
    /// they depend on the repository's state as well as on the files.
    package var readsHistory: Bool { !signedTexts.lookups.isEmpty || readsFileHistory }
    /// Some held review's packet shows the file as it stood then, read from git.
    package var readsFileHistory = false
    /// The charter's fingerprint (`site`), which identifies its PDF.
    package var fingerprint: String?

    package init(file: String, counted: Bool) {
        self.file = file
        self.counted = counted
    }
}
