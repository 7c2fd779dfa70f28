import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// program.yaml as every partner sees it: the program, what reading it
/// found, the digest of its bytes, the as-of date, the rules' context, and
/// the services a partner's signatures are checked with (the git history of
/// the partner files, the allowed signers, OpenSSH).
package struct ProgramInput: Sendable {
    var root: URL
    package var program: Program
    /// What reading program.yaml found, and the program-wide rules' findings.
    package var diagnostics: [Diagnostic]
    var digest: String?
    package var asOf: Day
    var rules: RuleContext
    /// What every charter shares and signs: program.yaml's company, legal
    /// frame and thresholds, and the hash of the charter template in use.
    package var frame: CharterFrame
    var history: SignedHistory
    /// Partner files as they stood on past days, for held reviews' packets.
    var fileHistory: PartnerFileHistory
    /// The partners folder's entries, listed once for the program rules and the pipeline.
    package var files: ContentLoader.PartnerFiles
    /// Whose SSH key may sign for which email (nil: no such file), its
    /// digest for the cache, and OpenSSH's ssh-keygen (nil: not installed).
    var allowedSigners: URL?
    var allowedSignersDigest: String
    /// Its lines, read for the public key each verified signature was made with.
    var signers = AllowedSigners()
    var keygen: SSHKeygen?

    package init(_ configuration: BuildConfiguration) throws {
        root = try ContentLoader.contentRoot(configuration.content)
        let settings = ContentLoader.loadProgram(root: root)
        program = settings.program
        files = try ContentLoader.PartnerFiles(root: root, calendar: settings.program.calendar)
        diagnostics = settings.diagnostics + ProgramRules.check(settings.program, partnerCount: files.names.filter { $0.hasSuffix(".yaml") }.count)
        digest = settings.digest
        asOf = configuration.asOf ?? settings.program.asOf?.value ?? configuration.today
        frame = settings.program.charterFrame(template: try CharterWording.hash(folder: configuration.templates,
                                                                                   displayPath: configuration.templatesDisplay))
        rules = RuleContext(program: settings.program, asOf: asOf, frame: frame)
        history = SignedHistory(contentRoot: configuration.content, calendar: program.calendar)
        fileHistory = PartnerFileHistory(contentRoot: configuration.content, calendar: program.calendar)
        let allowed = configuration.allowedSigners ?? root.appendingPathComponent(SSHVerifier.allowedSignersFile)
        let allowedRoot = configuration.allowedSigners == nil ? root.path
            : allowed.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL.path
        switch ContentFile.read(allowed.path, root: allowedRoot, inRealFolder: false) {
        case .success(let data):
            allowedSigners = allowed
            allowedSignersDigest = Digest.hex(data)
            signers = AllowedSigners(text: String(decoding: data, as: UTF8.self))
        case .failure(let refusal):
            allowedSigners = nil
            allowedSignersDigest = "none:" + refusal.token
        }
        keygen = SSHKeygen()
    }
}
