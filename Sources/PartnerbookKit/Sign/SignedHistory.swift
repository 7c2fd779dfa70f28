import Foundation
import Synchronization
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// Finds the text a signature signed in the git history of the partner file:
/// every committed version of the file, newest first, is read and
/// fingerprinted in the signature's canonical form (with the program's
/// charter frame then and now, and the charter template in use now), and
/// the first whose fingerprint the signature carries is the signed text. A
/// text signed under another charter template is not found: what changed is
/// then the wording itself, which the message says it cannot show.
///
/// It uses the `git` command line: `rev-list` for the revisions that touched
/// the file, one `cat-file --batch` for their contents. Lookups are cached for
/// the life of the process, so `check`, the charter and `changes` share them.
package final class SignedHistory: Sendable {
    package enum Lookup: Sendable {
        /// The signed revision: its commit, its date, the partner as it read
        /// then, and the date of the first later commit that changed the text.
        case found(commit: String, date: String, partner: Partner, frame: CharterFrame, amended: Day?)
        /// Why the signed text cannot be found.
        case unavailable(String)
    }

    let contentRoot: URL
    /// One lookup: the file, the fingerprint sought, its form and the frame as the program gives it.
    private struct LookupKey: Hashable {
        var file: String
        var fingerprint: String
        var form: CanonicalVersion
        var frame: CharterFrame
    }

    private struct Known {
        var lookups: [LookupKey: Lookup] = [:]
        var versions: [String: Result<[(commit: String, date: String, text: String)], Failure>] = [:]
        /// Versions of each file not read for their size.
        var oversized: [String: Int] = [:]
    }

    private let known = Mutex(Known())

    struct Failure: Error, Sendable {
        var reason: String
    }

    /// The program's year, for the quarters the old versions name.
    private let calendar: FiscalCalendar

    package init(contentRoot: URL, calendar: FiscalCalendar) {
        self.contentRoot = contentRoot
        self.calendar = calendar
    }

    /// The signed text of `file` (relative to the content folder) whose fingerprint is `fingerprint`.
    package func lookup(file: String, id: String, fingerprint: String, form: CanonicalVersion, frame: CharterFrame) -> Lookup {
        let key = LookupKey(file: file, fingerprint: fingerprint, form: form, frame: frame)
        if let cached = known.withLock({ $0.lookups[key] }) { return cached }
        let result = search(file: file, id: id, fingerprint: fingerprint, form: form, frame: frame)
        known.withLock { $0.lookups[key] = result }
        return result
    }

    private func search(file: String, id: String, fingerprint: String, form: CanonicalVersion, frame: CharterFrame) -> Lookup {
        let history: [(commit: String, date: String, text: String)]
        switch revisions(of: file) {
        case .failure(let failure): return .unavailable(failure.reason)
        case .success(let found): history = found
        }
        guard !history.isEmpty || known.withLock({ $0.oversized[file] ?? 0 }) > 0 else {
            return .unavailable("\(file) has no committed history in git, so the signed text cannot be shown")
        }
        let programs: [(commit: String, date: String, text: String)]
        switch revisions(of: ContentPaths.programFile) {
        case .failure(let failure): return .unavailable(failure.reason)
        case .success(let found): programs = found
        }
        func partner(_ version: (commit: String, date: String, text: String)) -> Partner? {
            let context = LoadContext(file: file, calendar: calendar)
            guard let root = YAMLFile.parse(Data(version.text.utf8), context: context) else { return nil }
            return PartnerLoader.load(root, id: id, context: context)
        }
        func programFrame(_ program: (commit: String, date: String, text: String)) -> CharterFrame? {
            let programContext = LoadContext(file: ContentPaths.programFile, calendar: .calendarYear)
            guard let node = YAMLFile.parse(Data(program.text.utf8), context: programContext) else { return nil }
            return ProgramLoader.load(node, context: programContext).charterFrame(template: frame.template)
        }
        for (index, version) in history.enumerated() {
            guard let signedPartner = partner(version) else { continue }
            var frames = [frame]
            // The frame as program.yaml had it at that commit (or the last commit before it).
            let programAt = programs.first(where: { $0.date <= version.date }) ?? programs.last
            if let program = programAt, let then = programFrame(program) { frames.append(then) }
            for candidate in frames where Fingerprint.of(signedPartner, frame: candidate, form: form) == fingerprint {
                // When it was amended: the oldest later version of the file
                // whose text differs, else the oldest later program.yaml that does.
                let amendedBy = history[..<index].reversed().first { later in
                    partner(later).map { Fingerprint.of($0, frame: candidate, form: form) != fingerprint } ?? false
                } ?? programs.reversed().first { later in
                    later.date > version.date && later.commit != programAt?.commit
                        && (programFrame(later).map { Fingerprint.of(signedPartner, frame: $0, form: form) != fingerprint } ?? false)
                }
                return .found(commit: version.commit, date: version.date, partner: signedPartner, frame: candidate,
                              amended: amendedBy.flatMap { Day($0.date) })
            }
        }
        let oversized = known.withLock { $0.oversized[file] ?? 0 }
        let skipped = oversized == 0 ? ""
            : " (\(oversized) larger than \(YAMLFile.maxBytes >> 20) MiB, the limit of a content file, \(oversized == 1 ? "was" : "were") not read)"
        return .unavailable("none of the \(history.count) committed version\(history.count == 1 ? "" : "s") of \(file) has the signed fingerprint"
            + (form == .two ? " with the charter template in use now (the template itself may have changed since)" : "") + skipped)
    }

    /// Every committed version of a file, newest first.
    private func revisions(of file: String) -> Result<[(commit: String, date: String, text: String)], Failure> {
        if let found = known.withLock({ $0.versions[file] }) { return found }
        let result = readRevisions(of: file)
        known.withLock { $0.versions[file] = result }
        return result
    }

    /// The most revisions of one file read, newest first.
    static let maxRevisions = 2_000

    /// Every committed version of `file` within the limits, newest first:
    /// at most `maxRevisions` revisions, and no version larger than a
    /// content file may be (1 MiB) is read (`cat-file --batch-check` gives
    /// the sizes first), so a history holding a 200 MB file costs what a
    /// normal one does.
    private func readRevisions(of file: String) -> Result<[(commit: String, date: String, text: String)], Failure> {
        guard Git.executable != nil else {
            return .failure(Failure(reason: "git is not installed, so the signed text cannot be found"))
        }
        func git(_ arguments: [String], input: Data? = nil, limit: Int) throws -> Subprocess.Result {
            do {
                return try Git.run(arguments, in: contentRoot, input: input, outputLimit: limit)
            } catch {
                throw Failure(reason: "git could not run (\(error)), so the signed text cannot be found")
            }
        }
        do {
            let prefix = try git(["rev-parse", "--show-prefix"], limit: 64 << 10)
            guard prefix.status == 0 else {
                return .failure(Failure(reason: "the content folder is not in a git repository, so the signed text cannot be found"))
            }
            return try readRevisions(of: file, prefix: prefix.text.trimmingCharacters(in: .whitespacesAndNewlines), git: git)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(reason: "\(error)"))
        }
    }

    private func readRevisions(of file: String, prefix: String,
                               git: ([String], Data?, Int) throws -> Subprocess.Result) throws -> Result<[(commit: String, date: String, text: String)], Failure> {
        let path = prefix + file
        // `log` takes the path from the content folder (its working directory), `cat-file` from the repository's root.
        let log = try git(["log", "-n", String(SignedHistory.maxRevisions), "--format=%H %cs", "--", file], nil, 1 << 20)
        guard log.status == 0 else { return .failure(Failure(reason: "git log failed on \(file)")) }
        let commits = log.text.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: " ")
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        guard !commits.isEmpty else { return .success([]) }
        // The sizes first: "<oid> blob <size>" per revision, or "<name> missing" where the file was deleted.
        let request = commits.map { "\($0.0):\(path)\n" }.joined()
        let check = try git(["cat-file", "--batch-check"], Data(request.utf8), 1 << 20)
        guard check.status == 0 else { return .failure(Failure(reason: "git cat-file failed on \(file)")) }
        var wanted: [(commit: String, date: String, object: String)] = []
        var total = 0
        for ((commit, date), line) in zip(commits, check.text.split(separator: "\n", omittingEmptySubsequences: false)) {
            let header = line.split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else { continue }
            guard size <= YAMLFile.maxBytes else {
                known.withLock { $0.oversized[file, default: 0] += 1 }
                continue
            }
            wanted.append((commit, date, String(header[0])))
            total += size + 64
        }
        guard !wanted.isEmpty else { return .success([]) }
        let blobs: [Data?]?
        do {
            blobs = try Git.blobs(wanted.map(\.object), in: contentRoot, outputLimit: total + 4096)
        } catch {
            return .failure(Failure(reason: "git could not run (\(error)), so the signed text cannot be found"))
        }
        guard let blobs else { return .failure(Failure(reason: "git cat-file failed on \(file)")) }
        var versions: [(String, String, String)] = []
        for ((commit, date, _), blob) in zip(wanted, blobs) {
            guard let blob else { break }
            versions.append((commit, date, String(decoding: blob, as: UTF8.self)))
        }
        return .success(versions)
    }

}

extension SignedHistory {
    /// The signed texts of `partner`'s stale signatures, looked up once, for the rules and the charter.
    package func texts(for partner: Partner, frame: CharterFrame, state: SignatureState? = nil) -> SignedTexts {
        var texts = SignedTexts()
        for entry in (state ?? SignatureState(partner, frame: frame)).parties where entry.standing == .stale {
            guard let signature = entry.signature, let fingerprint = signature.fingerprint?.value, Fingerprint.isWellFormed(fingerprint),
                  texts.lookups[fingerprint] == nil else { continue }
            switch lookup(file: partner.file, id: partner.id, fingerprint: fingerprint, form: signature.form, frame: frame) {
            case let .found(commit, _, signed, signedFrame, amended):
                texts.lookups[fingerprint] = .found(commit: commit, partner: signed, frame: signedFrame, amended: amended)
            case let .unavailable(reason): texts.lookups[fingerprint] = .unavailable(reason)
            }
        }
        return texts
    }
}
