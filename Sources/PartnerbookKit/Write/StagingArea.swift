import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A build in progress: files go into a staging folder beside the output,
/// and `commit` swaps it in whole. Safe to write distinct paths from several
/// threads at once.
final class StagingArea: @unchecked Sendable {
    let output: URL
    let staging: URL
    private let force: Bool
    private let existed: Bool
    /// Files of the current output that the tool wrote (from its manifest).
    let owned: Set<String>
    private let lock = NSLock()
    private var folders: Set<String> = []

    init(output: URL, force: Bool) throws {
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
        if let manifest = try? String(contentsOf: self.output.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8) {
            owned = Set(manifest.split(separator: "\n").map(String.init))
        } else {
            if existed, !((try? fm.contentsOfDirectory(atPath: self.output.path)) ?? []).isEmpty, !force {
                throw OutputError(description: "'\(self.output.path)' has files partnerbook did not write; choose an empty folder or pass --force (nothing is deleted either way)")
            }
            owned = []
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(description: "cannot create a staging folder beside the output: \(error.localizedDescription)")
        }
    }

    private func ensureFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        lock.lock()
        let isNew = folders.insert(folder).inserted
        lock.unlock()
        if isNew {
            try FileManager.default.createDirectory(atPath: staging.appendingPathComponent(folder).path,
                                                    withIntermediateDirectories: true)
        }
    }

    func write(_ file: OutputFile) throws {
        guard OutputWriter.isSafeRelativePath(file.path) else {
            throw OutputError(description: "refusing to write outside the output folder: \(file.path)")
        }
        try ensureFolder(of: file.path)
        // A reused file is a hard link to the previous output: unlink first, so
        // writing never reaches the old file through the shared inode.
        let path = staging.appendingPathComponent(file.path).path
        unlink(path)
        try OutputWriter.writeFile(file.data, to: path)
    }

    /// Reuses a file the previous build wrote, if it is still there with `size`
    /// bytes: a hard link, so no bytes are copied. False when it cannot be reused.
    func reuse(_ path: String, size: Int) -> Bool {
        guard owned.contains(path), OutputWriter.isSafeRelativePath(path) else { return false }
        let old = output.appendingPathComponent(path).path
        var info = stat()
        guard lstat(old, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return false }
        do { try ensureFolder(of: path) } catch { return false }
        return link(old, staging.appendingPathComponent(path).path) == 0
    }

    /// Carries over the files a person put into the output, writes the
    /// manifest of `paths`, runs `finish` in the staging folder, and swaps.
    func commit(paths: [String], finish: (URL) throws -> [String] = { _ in [] }) throws {
        let fm = FileManager.default
        do {
            let newPaths = Set(paths)
            if existed {
                for path in OutputWriter.filesBelow(output) where !owned.contains(path) && path != OutputWriter.manifestName {
                    if newPaths.contains(path) {
                        if force { continue }
                        throw OutputError(description: "'\(path)' in the output folder was not written by partnerbook and would be overwritten; move it or pass --force")
                    }
                    try ensureFolder(of: path)
                    try fm.copyItem(at: output.appendingPathComponent(path), to: staging.appendingPathComponent(path))
                }
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

    func abandon() {
        try? FileManager.default.removeItem(at: staging)
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
            try? fm.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try fm.moveItem(at: output, to: old)
        try fm.moveItem(at: staging, to: output)
        try? fm.removeItem(at: old)
    }

    /// Staging and old folders left by a build that was killed.
    static func removeLeftovers(of name: String, in parent: URL) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }
}
