import Foundation
import PartnerbookSupport
#if canImport(Glibc)
import Glibc
import PartnerbookModel
#endif

/// What `stat` says about an input file, with the SHA-256 of its bytes when
/// they were last read. A file whose size, modification and change times
/// (nanoseconds) and inode are all as recorded is not read again: its
/// recorded digest stands (as git's index does). Any write, `touch` or
/// replacement changes the change time, so a stale digest is never trusted.
package struct FileStamp: Sendable, Equatable {
    package var size: Int
    package var modified: Int
    package var changed: Int
    package var inode: UInt64
    package var digest: String

    /// The stamp of the file at `path` (links followed), without its digest.
    package static func current(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// A stamp from what `stat` or `lstat` filled in, without a digest.
    package init(_ info: stat) {
        self.init(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                  changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino), digest: "")
    }

    /// Whether `other` describes the same bytes as this stamp, by metadata alone.
    package func sameFile(as other: FileStamp) -> Bool {
        size == other.size && modified == other.modified && changed == other.changed && inode == other.inode
    }

    /// The digest of the file at `path`: the recorded one when `known` still
    /// describes it, else read and hashed. Nil when it cannot be read.
    package static func digest(of path: String, known: FileStamp?) -> FileStamp? {
        guard var stamp = current(path) else { return nil }
        if let known, !known.digest.isEmpty, known.sameFile(as: stamp) { return known }
        guard let data = try? BoundedFile.read(path, limit: ContentLimits.fileBytes, followLinks: true) else { return nil }
        // Read after the stat: if the file changed in between, its stamp no
        // longer matches on the next run and it is read again.
        stamp.digest = Digest.hex(data)
        return stamp
    }

    /// Stamps changed at or after this time (nanoseconds, the file system's
    /// clock) are not kept: two writes within the timestamps' resolution
    /// (a few milliseconds) can leave the same stamp on different bytes, as
    /// git's index knows ("racily clean" entries).
    package static func racyFrom(margin seconds: Int = 2) -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return (Int(now.tv_sec) - seconds) * 1_000_000_000 + Int(now.tv_nsec)
    }

    package var line: String { "\(size)\t\(modified)\t\(changed)\t\(inode)\t\(digest)" }

    package init(size: Int, modified: Int, changed: Int, inode: UInt64, digest: String) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.digest = digest
    }

    /// A stamp from its `line`, split at the tabs.
    package init?(fields: ArraySlice<String>) {
        let f = Array(fields)
        guard f.count == 5, let size = Int(f[0]), let modified = Int(f[1]), let changed = Int(f[2]), let inode = UInt64(f[3]) else {
            return nil
        }
        self.init(size: size, modified: modified, changed: changed, inode: inode, digest: f[4])
    }
}
