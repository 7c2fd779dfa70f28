import CAtomicSwap
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
import PartnerbookModel
import PartnerbookSupport
#endif

/// A build in progress: files go into a staging folder beside the output,
/// and `commit` swaps it in whole. Safe to write distinct paths from several
/// threads at once.
///
/// With `keepSpare`, the previous output is not removed after the swap but
/// kept beside the output as a spare tree (`.NAME.spare-ID`), and the next
/// build patches it in place instead of starting from an empty folder: the
/// spare's files that the output shares (hard links: every file the last
/// build reused) are already right, so only the files the last build wrote
/// fresh, the files this build writes, and the files no longer in the output
/// are touched. A quarter of a million unchanged files then cost nothing. The
/// spare is claimed by renaming it to the staging name, so a build killed
/// while patching leaves only a staging folder, removed by the next build;
/// the output itself is only ever replaced by the atomic exchange.
package final class StagingArea: Sendable {
    let output: URL
    let staging: URL
    /// `output` and `staging` as plain paths: joined with strings in the hot
    /// paths (`URL.appendingPathComponent` asks the file system whether each
    /// name is a folder).
    private let outputPath: String
    private let stagingPath: String
    private let force: Bool
    private let existed: Bool
    /// Files of the current output that the tool wrote (from its manifest).
    let owned: Set<String>
    /// Folders made in the staging folder so far, and entries not carried over.
    private struct Made {
        var folders: Set<String> = []
        package var skipped: [String] = []
        /// Paths written here (not linked): the new spare does not share them.
        var fresh: [String] = []
        /// Entries a person put into the output, carried over.
        var carried: [String] = []
    }

    /// The spare being patched: the files it owns (its manifest) and those
    /// it does not share with the output. Empty when starting from nothing.
    private let patching: Bool
    private let spareOwned: Set<String>
    private let spareStale: Set<String>
    /// The spare lists the very files the output does (`spareOwned` is `owned`).
    private let spareIsOutput: Bool
    private let keepSpare: Bool
    /// The spare kept by `commit`, for the cache.
    private let kept = Mutex<BuildCache.Spare?>(nil)

    private let made = Mutex(Made())

    /// - Parameters:
    ///   - spare: the spare the last build kept (from its cache), to patch.
    ///   - keepSpare: keep the previous output as the next build's spare.
    package init(output: URL, force: Bool, spare: BuildCache.Spare? = nil, keepSpare: Bool = false) throws {
        let fm = FileManager.default
        self.output = output.standardizedFileURL
        self.force = force
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        StagingArea.removeLeftovers(of: name, in: parent, keeping: spare.map { ".\(name).spare-\($0.id)" })
        self.keepSpare = keepSpare

        var isDirectory: ObjCBool = false
        existed = fm.fileExists(atPath: self.output.path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue {
            throw OutputError(description: "'\(self.output.path)' exists and is not a folder")
        }
        let outputManifest = OutputWriter.manifestData(of: self.output)
        var ownedPaths: [String] = []
        if let outputManifest {
            ownedPaths = OutputWriter.paths(in: outputManifest)
            owned = Set(ownedPaths)
        } else {
            if existed, !((try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []).isEmpty, !force {
                throw OutputError(description: "'\(self.output.path)' has files partnerbook did not write; choose an empty folder or pass --force (nothing is deleted either way)")
            }
            owned = []
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        outputPath = self.output.path
        stagingPath = staging.path
        // Claim the spare: it becomes the staging folder (one rename), and its
        // manifest says which files it holds.
        let spareFolder = spare.map { parent.appendingPathComponent(".\(name).spare-\($0.id)") }
        if let spare, let spareFolder, existed, !owned.isEmpty, rename(spareFolder.path, staging.path) == 0,
           let manifest = OutputWriter.manifestData(of: staging) {
            patching = true
            // Most often the spare lists the very files the output does (no
            // partner added or removed since): one set serves both.
            spareIsOutput = manifest == outputManifest
            let sparePaths = spareIsOutput ? ownedPaths : OutputWriter.paths(in: manifest)
            spareOwned = spareIsOutput ? owned : Set(sparePaths)
            spareStale = Set(spare.fresh)
            for path in spare.carried where OutputWriter.isSafeRelativePath(path) { unlink(stagingPath + "/" + path) }
            unlink(stagingPath + "/" + OutputWriter.manifestName)
            // In the manifest's order (sorted): a folder's files one after another.
            made.withLock { $0.folders = StagingArea.folders(of: sparePaths) }
            return
        }
        if let spareFolder, fm.fileExists(atPath: spareFolder.path) { StagingArea.removeDetached(spareFolder) }
        if fm.fileExists(atPath: staging.path) {
            // A spare claimed without a manifest: moved aside first, so its
            // removal in the background never reaches the staging folder made next.
            StagingArea.trashInBackground(staging, name: name)
        }
        patching = false
        spareOwned = []
        spareIsOutput = false
        spareStale = []
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(description: "cannot create a staging folder beside the output: \(error.localizedDescription)")
        }
    }

    /// The folders that hold `paths` and their parents. Split on bytes, and
    /// a path in the same folder as the one before it costs one comparison:
    /// a quarter of a million paths sit in some thirty thousand folders.
    static func folders(of paths: [String]) -> Set<String> {
        var folders: Set<String> = []
        var last = ""
        for path in paths {
            let bytes = path.utf8
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let parent = path[..<slash]
            if parent == last { continue }
            last = String(parent)
            var folder = Substring(last)
            while !folder.isEmpty, folders.insert(String(folder)).inserted {
                guard let up = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                folder = folder[..<up]
            }
        }
        return folders
    }

    private func ensureFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        // Made while the set is held: a thread that finds the folder listed
        // never writes into it before it exists (program pages are written
        // side by side into the same folders).
        try made.withLock { made in
            if made.folders.insert(folder).inserted { try makeFolder(folder) }
        }
    }

    /// One mkdir, and the parents' only when they are missing (another thread
    /// may be making a shared parent at the same moment: EEXIST is success).
    private func makeFolder(_ folder: String) throws {
        if mkdir(stagingPath + "/" + folder, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = folder.lastIndex(of: "/") {
            try makeFolder(String(folder[..<slash]))
            if mkdir(stagingPath + "/" + folder, 0o755) == 0 || errno == EEXIST { return }
        }
        throw OutputError(description: "cannot create \(folder) in the staging folder: \(String(cString: strerror(errno)))")
    }

    /// Writes one file; returns its record for the cache (stamped once written).
    @discardableResult
    package func write(_ file: OutputFile) throws -> BuildCache.File {
        guard OutputWriter.isSafeRelativePath(file.path) else {
            throw OutputError(description: "refusing to write outside the output folder: \(file.path)")
        }
        try ensureFolder(of: file.path)
        // A reused file is a hard link to the previous output: unlink first, so
        // writing never reaches the old file through the shared inode.
        let path = stagingPath + "/" + file.path
        unlink(path)
        let written = BuildCache.File(path: file.path, try OutputWriter.writeFile(file.data, to: path))
        if keepSpare { made.withLock { $0.fresh.append(file.path) } }
        return written
    }

    /// Reuses a file the previous build wrote (its size already checked with
    /// `BuildCache.intact`): a hard link, so no bytes are copied. False when
    /// it cannot be reused.
    package func reuse(_ path: String) -> Bool {
        guard owned.contains(path), OutputWriter.isSafeRelativePath(path) else { return false }
        // The spare already holds this very file (the same inode as the output's).
        if patching && spareOwned.contains(path) && !spareStale.contains(path) { return true }
        do { try ensureFolder(of: path) } catch { return false }
        if patching { unlink(stagingPath + "/" + path) }
        return link(outputPath + "/" + path, stagingPath + "/" + path) == 0
    }

    /// The spare `commit` kept for the next build, if it kept one.
    package var spare: BuildCache.Spare? { kept.withLock { $0 } }

    /// Entries of the previous output that were not carried over (sockets and
    /// devices, which are not copied), for the command to say so.
    package var skipped: [String] { made.withLock { $0.skipped } }

    /// Carries over the files a person put into the output, writes the
    /// manifest of `paths`, runs `finish` in the staging folder, and swaps.
    ///
    /// What a person put there is carried without being read through: a
    /// regular file is hard-linked (copied across file systems), a link is
    /// made again as the same link, a FIFO is made again as a FIFO; a socket
    /// or device is not carried (and listed in `skipped`). Every folder of the
    /// previous output is there again with its mode, empty ones included,
    /// and the output folder keeps its own mode.
    package func commit(paths: [String], finish: (URL) throws -> [String] = { _ in [] }) throws {
        do {
            // Most often the new output lists the very files the old one
            // did: its set serves (a quarter of a million lookups cost less
            // than as many insertions), and the spare has nothing to drop.
            let sameFiles = paths.count == owned.count && paths.allSatisfy(owned.contains)
            let newPaths = sameFiles ? owned : Set(paths)
            if patching && !(sameFiles && spareIsOutput) {
                // The spare's files the new output no longer has.
                for path in spareOwned where !newPaths.contains(path) { unlink(stagingPath + "/" + path) }
            }
            if existed {
                let owned = self.owned
                let previous = FolderWalk.tree(below: outputPath) { !owned.contains($0) && $0 != OutputWriter.manifestName }
                for path in previous.files.sorted() {
                    if newPaths.contains(path) {
                        if force {
                            made.withLock { $0.carried.append(path) }
                            continue
                        }
                        throw OutputError(description: "'\(path)' in the output folder was not written by partnerbook and would be overwritten; move it or pass --force")
                    }
                    try ensureFolder(of: path)
                    try carry(path)
                }
                try keepFolders(previous.folders)
            }
            let extra = try finish(staging)
            let manifest = staging.appendingPathComponent(OutputWriter.manifestName).path
            unlink(manifest)
            try OutputWriter.writeFile(Data(((paths + extra).sorted().joined(separator: "\n") + "\n").utf8), to: manifest)
            if keepSpare { made.withLock { $0.fresh += extra + [OutputWriter.manifestName] } }
            try swap(paths: paths.count + extra.count)
        } catch {
            abandon()
            if let error = error as? OutputError { throw error }
            throw OutputError(description: "cannot write the output: \(error.localizedDescription)")
        }
    }

    package func abandon() {
        // A patched spare is as big as the output: removed in the background.
        if patching { StagingArea.removeDetached(staging) } else { try? FileManager.default.removeItem(at: staging) }
    }

    /// One entry a person put into the output, into the staging folder, never read through.
    private func carry(_ path: String) throws {
        let from = outputPath + "/" + path, to = stagingPath + "/" + path
        var info = stat()
        guard lstat(from, &info) == 0 else { return }
        if patching { unlink(to) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if link(from, to) != 0 { try FileManager.default.copyItem(atPath: from, toPath: to) }
        case S_IFLNK:
            let target = try FileManager.default.destinationOfSymbolicLink(atPath: from)
            guard symlink(target, to) == 0 else { throw OutputError(description: "cannot carry the link \(path): \(String(cString: strerror(errno)))") }
        case S_IFIFO:
            guard mkfifo(to, info.st_mode & 0o7777) == 0 else { throw OutputError(description: "cannot carry the FIFO \(path): \(String(cString: strerror(errno)))") }
        default:
            made.withLock { $0.skipped.append(path) }
            return
        }
        made.withLock { $0.carried.append(path) }
    }

    /// Every folder of the previous output again, with its mode (empty folders
    /// a person made stay; a folder kept private stays private).
    private func keepFolders(_ folders: [String]) throws {
        var info = stat()
        let madeFolders = made.withLock { $0.folders }
        for folder in folders {
            guard lstat(outputPath + "/" + folder, &info) == 0 else { continue }
            let mode = info.st_mode & 0o7777
            // Most folders are the build's own, already made with the usual mode: nothing to do.
            if madeFolders.contains(folder) && mode == 0o755 { continue }
            try OutputWriter.makeFolderTree(stagingPath, folder)
            chmod(stagingPath + "/" + folder, mode)
        }
        if lstat(outputPath, &info) == 0 { chmod(stagingPath, info.st_mode & 0o7777) }
    }

    /// Puts the staging folder in place of the output: one atomic exchange
    /// where the system has it, else two renames; the old output is then removed.
    private func swap(paths: Int) throws {
        let fm = FileManager.default
        guard existed else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if partnerbook_exchange_paths(staging.path, output.path) == 0 {
            keepOrDiscard(staging, paths: paths)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try fm.moveItem(at: output, to: old)
        try fm.moveItem(at: staging, to: output)
        keepOrDiscard(old, paths: paths)
    }

    /// Keeps the previous output as the next build's spare when this build
    /// wrote at most half of its files fresh (after a full build the spare
    /// would share nothing: patching it would cost what starting afresh does);
    /// else removes it.
    private func keepOrDiscard(_ old: URL, paths: Int) {
        let (fresh, carried) = made.withLock { ($0.fresh, $0.carried) }
        if keepSpare && owned.count > 0 && fresh.count * 2 <= paths {
            let id = UUID().uuidString.prefix(8).lowercased()
            let spare = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spare-\(id)")
            if rename(old.path, spare.path) == 0 {
                kept.withLock { $0 = BuildCache.Spare(id: String(id), fresh: fresh, carried: carried) }
                return
            }
        }
        discard(old)
    }

    /// Removes the previous output once the new one is in place. A small tree
    /// goes at once; a big one (tens of thousands of files) is renamed aside
    /// and removed by a detached `rm`, so the build does not wait for the
    /// file system to free every inode. A tree left behind by an interrupted
    /// removal is handed over again by the next build.
    private func discard(_ old: URL) {
        if owned.count < StagingArea.removeInBackgroundFrom {
            try? FileManager.default.removeItem(at: old)
        } else {
            StagingArea.trashInBackground(old, name: output.lastPathComponent)
        }
    }

    /// Renames `folder` to a fresh `.NAME.trash-PID-ID` beside it, so nothing
    /// made under its old name afterwards is reached by the removal, and
    /// removes it in the background (where it is, when the rename fails).
    static func trashInBackground(_ folder: URL, name: String) {
        let trash = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(name).trash-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        removeDetached(rename(folder.path, trash.path) == 0 ? trash : folder)
    }

    /// Trees with at least this many files are removed in the background.
    static let removeInBackgroundFrom = 20_000

    /// `rm -rf` in a process of its own that outlives this one (the shell that
    /// starts it exits at once and is waited for, so no zombie is left);
    /// removed in this process when no shell can be started.
    static func removeDetached(_ folder: URL) {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = ["/bin/sh", "-c", "rm -rf -- \"$1\" &", "sh", folder.path]
        var argv = arguments.map { strdup($0) }
        argv.append(nil)
        defer { for pointer in argv { free(pointer) } }
        if posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        } else {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Staging and old folders left by a build that was killed, old outputs
    /// whose background removal did not finish, and spares no cache names
    /// (all but `keeping`). A staging folder may be a spare being patched, as
    /// big as the output: it is removed in the background.
    static func removeLeftovers(of name: String, in parent: URL, keeping: String? = nil) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry != keeping {
            let url = parent.appendingPathComponent(entry)
            if entry.hasPrefix(".\(name).old-") {
                try? fm.removeItem(at: url)
            } else if entry.hasPrefix(".\(name).trash-") {
                removeDetached(url)
            } else if entry.hasPrefix(".\(name).spare-") || entry.hasPrefix(".\(name).staging-") {
                trashInBackground(url, name: name)
            }
        }
    }
}
