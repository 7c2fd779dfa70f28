import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// program.yaml as every partner sees it: the program, what reading it
/// found, the digest of its bytes, the as-of date, the rules' context and
/// the git history of the partner files.
package struct ProgramInput: Sendable {
    var root: URL
    var program: Program
    var diagnostics: [Diagnostic]
    var digest: String?
    var asOf: Day
    var rules: RuleContext
    var history: SignedHistory
    /// The partners folder's entries, listed once for the program rules and the processor.
    var files: ContentLoader.PartnerFiles
    /// Whose SSH key may sign for which email (nil: no such file), its
    /// digest for the cache, and OpenSSH's ssh-keygen (nil: not installed).
    var allowedSigners: URL?
    var allowedSignersDigest: String
    var keygen: SSHKeygen?

    init(_ configuration: BuildConfiguration) throws {
        root = try ContentLoader.contentRoot(configuration.content)
        let settings = ContentLoader.loadProgram(root: root)
        program = settings.program
        files = ContentLoader.PartnerFiles(root: root)
        diagnostics = settings.diagnostics + ProgramRules.check(settings.program, partnerCount: files.names.filter { $0.hasSuffix(".yaml") }.count)
        digest = settings.digest
        asOf = configuration.asOf ?? settings.program.asOf?.value ?? configuration.today
        rules = RuleContext(program: settings.program, asOf: asOf)
        history = SignedHistory(contentRoot: configuration.content)
        let allowed = configuration.allowedSigners ?? root.appendingPathComponent(SSHVerifier.allowedSignersFile)
        let allowedRoot = configuration.allowedSigners == nil ? root.path
            : allowed.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        switch ContentFile.read(allowed.path, root: allowedRoot, inRealFolder: false) {
        case .success(let data):
            allowedSigners = allowed
            allowedSignersDigest = Digest.hex(data)
        case .failure(let refusal):
            allowedSigners = nil
            allowedSignersDigest = "none:" + refusal.token
        }
        keygen = SSHKeygen()
    }
}

/// One partner file through the pipeline: load, check (the loader's findings
/// and every rule's, with the signed texts of any stale signature looked up
/// in git first), assess and make the documents' context. `check`, `build`,
/// `build --public`, `serve` and the tests all go through it.
package struct PartnerProcessor: Sendable {
    let input: ProgramInput
    let files: ContentLoader.PartnerFiles

    init(_ input: ProgramInput) {
        self.input = input
        files = input.files
    }

    /// What one file gave.
    struct Checked: Sendable {
        /// Relative to the content folder.
        var file: String
        var partner: Partner?
        /// The loader's findings and the rules', in check's order.
        var diagnostics: [Diagnostic]
        /// Whether it counts as a partner file (ends in `.yaml`).
        var counted: Bool
        /// Its stale signatures' signed texts (empty when none is stale).
        var signedTexts: SignedTexts
        /// What OpenSSH said about its SSH signatures (empty when it has none).
        var sshVerifications = SSHVerifications()
        /// Its signature state: the fingerprint computed once for the rules, the signed texts and the documents.
        var signatures: SignatureState?
    }

    func check(_ name: String) -> Checked {
        let loaded = files.load(name)
        guard let partner = loaded.partner else {
            return Checked(file: loaded.file, partner: nil, diagnostics: loaded.diagnostics.sorted(by: Diagnostic.ordered),
                           counted: loaded.counted, signedTexts: SignedTexts())
        }
        let state = SignatureState(partner, us: input.program.ourSide)
        let texts = partner.status?.value == .ended ? SignedTexts()
            : input.history.texts(for: partner, us: input.program.ourSide, state: state)
        let ssh = SSHVerifier.verify(partner, us: input.program.ourSide, texts: texts, allowed: input.allowedSigners,
                                     keygen: input.keygen)
        let found = loaded.diagnostics + Validator.check(partner, input.rules.with(texts, ssh: ssh, signatures: state))
        return Checked(file: loaded.file, partner: partner, diagnostics: found.sorted(by: Diagnostic.ordered),
                       counted: loaded.counted, signedTexts: texts, sshVerifications: ssh, signatures: state)
    }

    /// What the documents of a checked partner are made from.
    func context(_ checked: Checked) -> DocumentContext? {
        checked.partner.map {
            DocumentContext($0, program: input.program, asOf: input.asOf, byFile: [checked.file: checked.diagnostics],
                            signedTexts: checked.signedTexts, sshVerifications: checked.sshVerifications,
                            signatures: checked.signatures)
        }
    }
}
