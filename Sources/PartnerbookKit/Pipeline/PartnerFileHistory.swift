import Foundation
import Synchronization
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad

/// A partner file as it stood on a past day, from git: what a held review's
/// packet shows of the phase, the gates, the commitments' done marks and the
/// targets (SPEC 21: a packet is true as of its review).
///
/// One `git log --name-only` over the partners folder tells, for every file,
/// the commits that touched it and their days; only a file changed after a
/// review's day has its version of that day read (one `git cat-file
/// --batch` per file, the versions of all its reviews at once). A file with
/// no commit on or before the day, or none after it and no uncommitted
/// change, is taken as it is now. Looked up once per process.
package final class PartnerFileHistory: Sendable {
    private struct Commits: Sendable {
        /// By file (relative to the content folder): (commit, day), newest first.
        var byFile: [String: [(commit: String, day: Day)]] = [:]
        /// Files with uncommitted changes.
        var modified: Set<String> = []
        /// The repository path of the content folder, ending in `/` (or empty).
        var prefix = ""
    }

    private let contentRoot: URL
    private let commits = Mutex<Commits?>(nil)

    /// The program's year, for the quarters the old versions name.
    private let calendar: FiscalCalendar

    package init(contentRoot: URL, calendar: FiscalCalendar) {
        self.contentRoot = contentRoot
        self.calendar = calendar
    }

    /// The most commits read.
    static let maxCommits = 2_000

    /// `file` as it stood at the end of each of `days`, where that differs
    /// from the file as it is: by day, the partner then. Empty when git is
    /// missing, the folder is in no repository, or nothing changed since.
    package func versions(of file: String, id: String, on days: [Day]) -> [Day: Partner] {
        let known = loadCommits()
        guard let history = known.byFile[file], let newest = history.first else { return [:] }
        var wanted: [Day: String] = [:]
        for day in days {
            // Nothing committed or changed since that day: the file as it is.
            if newest.day <= day && !known.modified.contains(file) { continue }
            // The newest commit on or before the day; none: the file did not exist in git then.
            guard let then = history.first(where: { $0.day <= day }) else { continue }
            // The file as it is now, if the commit is the latest and nothing changed since.
            if then.commit == newest.commit && !known.modified.contains(file) { continue }
            wanted[day] = then.commit
        }
        guard !wanted.isEmpty else { return [:] }
        let commitsWanted = Array(Set(wanted.values)).sorted()
        guard let blobs = try? Git.blobs(commitsWanted.map { "\($0):\(known.prefix)\(file)" }, in: contentRoot,
                                         outputLimit: 64 << 20) else { return [:] }
        var texts: [String: Data] = [:]
        for (commit, blob) in zip(commitsWanted, blobs) {
            if let blob, blob.count <= YAMLFile.maxBytes { texts[commit] = blob }
        }
        var out: [Day: Partner] = [:]
        for (day, commit) in wanted {
            guard let data = texts[commit] else { continue }
            let context = LoadContext(file: file, calendar: calendar)
            guard let root = YAMLFile.parse(data, context: context) else { continue }
            out[day] = PartnerLoader.load(root, id: id, context: context)
        }
        return out
    }

    private func loadCommits() -> Commits {
        commits.withLock { cached in
            if let cached { return cached }
            let read = PartnerFileHistory.read(contentRoot)
            cached = read
            return read
        }
    }

    /// The commits of the partners folder, by file, and the files changed since HEAD.
    private static func read(_ root: URL) -> Commits {
        var found = Commits()
        guard Git.executable != nil,
              let prefix = try? Git.run(["rev-parse", "--show-prefix"], in: root, outputLimit: 64 << 10), prefix.status == 0 else {
            return found
        }
        found.prefix = prefix.text.trimmingCharacters(in: .whitespacesAndNewlines)
        // "\u{1}COMMIT DAY" lines, each followed by the files it touched (relative to the repository's root).
        guard let log = try? Git.run(["log", "-n", String(maxCommits), "--format=%x01%H %cs", "--name-only", "--no-renames", "--",
                                      ContentPaths.partnersFolder], in: root, outputLimit: 64 << 20),
              log.status == 0, !log.overLimit else { return found }
        var current: (String, Day)?
        for line in log.text.split(separator: "\n") {
            if line.hasPrefix("\u{1}") {
                let parts = line.dropFirst().split(separator: " ")
                current = parts.count == 2 ? Day(String(parts[1])).map { (String(parts[0]), $0) } : nil
                continue
            }
            guard let (commit, day) = current, line.hasPrefix(found.prefix) else { continue }
            found.byFile[String(line.dropFirst(found.prefix.count)), default: []].append((commit, day))
        }
        if let status = try? Git.run(["status", "--porcelain", "--no-renames", "--untracked-files=no", "--", ContentPaths.partnersFolder],
                                     in: root, outputLimit: 16 << 20), status.status == 0 {
            for line in status.text.split(separator: "\n") where line.count > 3 {
                // "XY path": the path is relative to the repository's root.
                let path = String(line.dropFirst(3))
                if path.hasPrefix(found.prefix) { found.modified.insert(String(path.dropFirst(found.prefix.count))) }
            }
        }
        return found
    }
}
