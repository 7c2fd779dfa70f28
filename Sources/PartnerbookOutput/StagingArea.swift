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
    }

    private let made = Mutex(Made())

    package init(output: URL, force: Bool) throws {
        let fm = FileManager.default
        self.output = output.standardizedFileURL
        self.force = force
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        StagingArea.removeLeftovers(of: name, in: parent)

        var isDirectory: ObjCBool = false
        existed = fm.fileExists(atPath: self.output.path, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue {
            throw OutputError(description: "'\(self.output.path)' exists and is not a folder")
        }
        if let manifest = OutputWriter.manifest(of: self.output) {
            owned = Set(manifest)
        } else {
            if existed, !((try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []).isEmpty, !force {
                throw OutputError(description: "'\(self.output.path)' has files partnerbook did not write; choose an empty folder or pass --force (nothing is deleted either way)")
            }
            owned = []
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        outputPath = self.output.path
        stagingPath = staging.path
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(description: "cannot create a staging folder beside the output: \(error.localizedDescription)")
        }
    }

    private func ensureFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        let isNew = made.withLock { $0.folders.insert(folder).inserted }
        if isNew { try makeFolder(folder) }
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
        return BuildCache.File(path: file.path, try OutputWriter.writeFile(file.data, to: path))
    }

    /// Reuses a file the previous build wrote (its size already checked with
    /// `BuildCache.intact`): a hard link, so no bytes are copied. False when
    /// it cannot be reused.
    package func reuse(_ path: String) -> Bool {
        guard owned.contains(path), OutputWriter.isSafeRelativePath(path) else { return false }
        do { try ensureFolder(of: path) } catch { return false }
        return link(outputPath + "/" + path, stagingPath + "/" + path) == 0
    }

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
            let newPaths = Set(paths)
            if existed {
                for path in OutputWriter.filesBelow(output) where !owned.contains(path) && path != OutputWriter.manifestName {
                    if newPaths.contains(path) {
                        if force { continue }
                        throw OutputError(description: "'\(path)' in the output folder was not written by partnerbook and would be overwritten; move it or pass --force")
                    }
                    try ensureFolder(of: path)
                    try carry(path)
                }
                try keepFolders()
            }
            let extra = try finish(staging)
            try OutputWriter.writeFile(Data(((paths + extra).sorted().joined(separator: "\n") + "\n").utf8),
                                       to: staging.appendingPathComponent(OutputWriter.manifestName).path)
            try swap()
        } catch {
            abandon()
            if let error = error as? OutputError { throw error }
            throw OutputError(description: "cannot write the output: \(error.localizedDescription)")
        }
    }

    package func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// One entry a person put into the output, into the staging folder, never read through.
    private func carry(_ path: String) throws {
        let from = outputPath + "/" + path, to = stagingPath + "/" + path
        var info = stat()
        guard lstat(from, &info) == 0 else { return }
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
        }
    }

    /// Every folder of the previous output again, with its mode (empty folders
    /// a person made stay; a folder kept private stays private).
    private func keepFolders() throws {
        var info = stat()
        let madeFolders = made.withLock { $0.folders }
        for folder in FolderWalk.folders(below: outputPath) {
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
    private func swap() throws {
        let fm = FileManager.default
        guard existed else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if partnerbook_exchange_paths(staging.path, output.path) == 0 {
            discard(staging)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try fm.moveItem(at: output, to: old)
        try fm.moveItem(at: staging, to: output)
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
            let trash = output.deletingLastPathComponent()
                .appendingPathComponent(".\(output.lastPathComponent).trash-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
            let target = rename(old.path, trash.path) == 0 ? trash : old
            StagingArea.removeDetached(target)
        }
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

    /// Staging and old folders left by a build that was killed, and old
    /// outputs whose background removal did not finish.
    static func removeLeftovers(of name: String, in parent: URL) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            let url = parent.appendingPathComponent(entry)
            if entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
                try? fm.removeItem(at: url)
            } else if entry.hasPrefix(".\(name).trash-") {
                removeDetached(url)
            }
        }
    }
}
