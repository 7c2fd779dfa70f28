#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// Why the output could not be written.
package struct OutputError: Error, CustomStringConvertible {
    package var description: String

    package init(description: String) {
        self.description = description
    }
}

/// Writes a build into the output folder without ever leaving it half-written:
/// every file goes into a staging folder beside the output, files a person put
/// into the output are carried over, and the staging folder then takes the
/// output's place in one rename. A manifest records what the tool wrote, so
/// the next build knows which files are its own to replace or remove.
package enum OutputWriter {
    package static let manifestName = ".partnerbook-manifest"

    /// The largest manifest read (a quarter of a million paths make some 10 MB).
    static let maxManifestBytes = 256 << 20

    /// The manifest of the output at `output` (the paths the tool wrote), read
    /// bounded, only when it is a regular file reached through no link, and
    /// only when every path it lists lies inside the folder; nil otherwise.
    package static func manifest(of output: URL) -> [String]? {
        guard let folder = try? OpenFolder(output.standardizedFileURL.path) else { return nil }
        guard let manifest = try? StagingArea.manifest(in: folder, display: output.path) else { return nil }
        return Array(manifest.paths)
    }

    /// The manifest's bytes for `paths`: sorted, one per line.
    package static func manifest(of paths: [String]) -> Data {
        manifest(of: SortedPaths(lists: [], others: paths))
    }

    /// The manifest's bytes for paths already in order.
    package static func manifest(of sorted: some Sequence<String>) -> Data {
        var manifest = Data()
        manifestPieces(of: sorted) { manifest.append(contentsOf: $0) }
        return manifest
    }

    /// The SHA-256 of the manifest for paths already in order, hashed as
    /// its lines are made.
    package static func manifestDigest(of sorted: some Sequence<String>) -> Data {
        Digest.bytes(feeding: { take in manifestPieces(of: sorted, take) })
    }

    /// Writes the manifest for paths already in order into `fd` (a file just made).
    package static func writeManifest(of sorted: some Sequence<String>, to fd: Int32) throws {
        try manifestPieces(of: sorted) { try writeAll($0, to: fd, path: manifestName) }
    }

    /// Hands the manifest's bytes (one path a line; a lone newline for
    /// none) to `take` a bufferful of up to 256 KB at a time. At 100,000
    /// partners the manifest is some 100 MB: made whole, it was the largest
    /// thing a build held when it committed.
    private static func manifestPieces(of sorted: some Sequence<String>,
                                       _ take: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var gathered = Gathered(capacity: 1 << 18)
        var any = false
        for var path in sorted {
            any = true
            try path.withUTF8 { try gathered.put(UnsafeRawBufferPointer($0), take) }
            try gathered.put(byte: UInt8(ascii: "\n"), take)
        }
        if !any { try gathered.put(byte: UInt8(ascii: "\n"), take) }
        try gathered.flush(take)
    }

    /// Writes `files` as a whole new output (see `StagingArea`).
    /// - Parameter finish: runs on the staging folder once every file is in it,
    ///   before the swap; returns further paths it wrote there (for the manifest).
    package static func write(_ files: [OutputFile], to output: URL, force: Bool,
                             finish: (URL) throws -> [String] = { _ in [] }) throws {
        let area = try StagingArea(output: output, force: force)
        do {
            for file in files { try area.write(file) }
        } catch {
            area.abandon()
            throw error
        }
        try area.commit(paths: SortedPaths(lists: [], others: files.map(\.path)), finish: finish)
    }

    /// Writes bytes with plain POSIX calls into `fd` (a file just made).
    /// Foundation's `Data.write` syncs every file to disk; the swap makes
    /// the whole tree appear at once, so per-file syncs only cost time.
    @discardableResult
    package static func write(_ data: Data, to fd: Int32, path: String) throws -> stat {
        try data.withUnsafeBytes { try writeAll($0, to: fd, path: path) }
        return status(of: fd)
    }

    /// Writes `file`'s bytes into `fd` (a file just made). A file of one
    /// piece (its bytes, or one text) is written as it is; the pieces of a
    /// file made of several texts are gathered into a buffer of at most
    /// 256 KB and written a bufferful at a time: one call for a page, and no
    /// copy of the whole for the home page's 140 MB of cards at 100,000
    /// partners.
    @discardableResult
    package static func write(_ file: OutputFile, to fd: Int32) throws -> stat {
        let write = { (bytes: UnsafeRawBufferPointer) in try writeAll(bytes, to: fd, path: file.path) }
        var gathered = Gathered(capacity: min(max(file.byteCount, 1), 1 << 18))
        try file.forEachPiece { try gathered.put($0, write) }
        try gathered.flush(write)
        return status(of: fd)
    }

    /// Pieces of bytes gathered into a buffer of `capacity` bytes (made on
    /// the first piece that needs it) and handed on a bufferful at a time; a
    /// piece as large as the buffer is handed on as it is.
    private struct Gathered: ~Copyable {
        let capacity: Int
        private var buffer: UnsafeMutableRawBufferPointer?
        private var filled = 0

        init(capacity: Int) {
            self.capacity = capacity
        }

        deinit { buffer?.deallocate() }

        mutating func put(_ piece: UnsafeRawBufferPointer, _ take: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            if filled + piece.count > capacity { try flush(take) }
            if piece.count >= capacity { return try take(piece) }
            guard let from = piece.baseAddress else { return }
            let into = buffer ?? UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
            buffer = into
            (into.baseAddress! + filled).copyMemory(from: from, byteCount: piece.count)
            filled += piece.count
        }

        mutating func put(byte: UInt8, _ take: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            try withUnsafeBytes(of: byte) { try put($0, take) }
        }

        mutating func flush(_ take: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            if let buffer, filled > 0 { try take(UnsafeRawBufferPointer(rebasing: buffer[..<filled])) }
            filled = 0
        }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Writes every byte of `bytes` to `fd`; false when a write fails.
    static func writeAllBytes(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { (try? writeAll($0, to: fd, path: "")) != nil }
    }

    private static func status(of fd: Int32) -> stat {
        var info = stat()
        fstat(fd, &info)
        return info
    }

    /// Writes `data` to a new file at `path` (nothing may stand there; a link is never followed).
    @discardableResult
    package static func writeNewFile(_ data: Data, to path: String) throws -> stat {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return try write(data, to: fd, path: path)
    }

    /// Files below `folder` (everything but folders), as sorted relative
    /// paths; links are listed, not followed. Read with `readdir`, which says
    /// what each entry is without a `stat` per file; a folder with many
    /// subfolders (the partners) has them read in parallel.
    package static func filesBelow(_ folder: URL) -> [String] {
        FolderWalk.files(below: folder.path).sorted()
    }

    /// One folder (its parent must exist); an existing folder is fine, anything else there is not.
    package static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        var info = stat()
        if errno == EEXIST, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
        throw OutputError(description: "cannot create the folder \(path): \(String(cString: strerror(errno)))")
    }

    /// Not empty, not absolute, no part empty, `.` or `..`, and no control
    /// character (a newline would split the manifest's lines). Read byte by
    /// byte: it runs for each of a quarter of a million paths in a build.
    static func isSafeRelativePath(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { isSafeRelativePath(UnsafeRawBufferPointer($0)) }
    }

    /// The same test of a path's UTF-8 bytes (a manifest's line).
    static func isSafeRelativePath(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var partStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] < 0x20 || bytes[index] == 0x7F || bytes[index] == slash {
            if index < bytes.count && bytes[index] != slash { return false }
            let length = index - partStart
            if length == 0 { return false }
            if length <= 2 && bytes[partStart] == dot && (length == 1 || bytes[partStart + 1] == dot) { return false }
            partStart = index + 1
        }
        return true
    }
}
