import CAtomicSwap
import Foundation

/// Why the output could not be written.
public struct OutputError: Error, CustomStringConvertible {
    public var description: String
}

/// Writes a build into the output folder without ever leaving it half-written:
/// every file goes into a staging folder beside the output, files a person put
/// into the output are carried over, and the staging folder then takes the
/// output's place in one rename. A manifest records what the tool wrote, so
/// the next build knows which files are its own to replace or remove.
public enum OutputWriter {
    public static let manifestName = ".partnerbook-manifest"

    /// - Parameter force: build into a folder the tool did not write, and replace
    ///   files of the same name in it.
    /// - Parameter finish: runs on the staging folder once every file is in it,
    ///   before the swap; returns further paths it wrote there (for the manifest).
    public static func write(_ files: [OutputFile], to output: URL, force: Bool,
                             finish: (URL) throws -> [String] = { _ in [] }) throws {
        let fm = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeLeftovers(of: name, in: parent)

        for file in files where !isSafeRelativePath(file.path) {
            throw OutputError(description: "refusing to write outside the output folder: \(file.path)")
        }

        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError(description: "'\(output.path)' exists and is not a folder")
        }
        let existing = exists ? filesBelow(output) : []
        let owned: Set<String>
        if let manifest = try? String(contentsOf: output.appendingPathComponent(manifestName), encoding: .utf8) {
            owned = Set(manifest.split(separator: "\n").map(String.init))
        } else {
            if !existing.isEmpty && !force {
                throw OutputError(description: "'\(output.path)' has files partnerbook did not write; choose an empty folder or pass --force (nothing is deleted either way)")
            }
            owned = []
        }

        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            let newPaths = Set(files.map(\.path))
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            for path in existing where !owned.contains(path) && path != manifestName {
                if newPaths.contains(path) {
                    if force { continue }
                    throw OutputError(description: "'\(path)' in the output folder was not written by partnerbook and would be overwritten; move it or pass --force")
                }
                let target = staging.appendingPathComponent(path)
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fm.copyItem(at: output.appendingPathComponent(path), to: target)
            }
            let extra = try finish(staging)
            try Data(((files.map(\.path) + extra).sorted().joined(separator: "\n") + "\n").utf8)
                .write(to: staging.appendingPathComponent(manifestName))
            try swap(staging, into: output, exists: exists)
        } catch {
            try? fm.removeItem(at: staging)
            if let error = error as? OutputError { throw error }
            throw OutputError(description: "cannot write the output: \(error.localizedDescription)")
        }
    }

    /// Puts `staging` in place of `output`: one atomic exchange where the
    /// system has it, else two renames; the old output is then removed.
    private static func swap(_ staging: URL, into output: URL, exists: Bool) throws {
        let fm = FileManager.default
        guard exists else {
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
    private static func removeLeftovers(of name: String, in parent: URL) {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Regular files below `folder`, as relative paths; links are listed, not followed.
    static func filesBelow(_ folder: URL) -> [String] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes
            if attributes?[.type] as? FileAttributeType != .typeDirectory { files.append(path) }
        }
        return files.sorted()
    }

    static func isSafeRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}
