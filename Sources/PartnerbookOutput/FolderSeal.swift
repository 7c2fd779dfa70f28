import Foundation
import PartnerbookSupport
import PartnerbookSystem
#if canImport(Glibc)
import Glibc
#endif

/// The output's folders as a build left them, so that the next build knows,
/// without reading every name in the output, that nobody put anything into
/// it since. A folder's change time moves whenever an entry in it is added,
/// removed or renamed (and when its mode or owner changes), and no user can
/// set it back; the seal is the digest of every folder's device, inode and
/// change time below the output folder. The output folder's own entries
/// (a few dozen) are read instead: its change time moves with the swap
/// that puts it in place. When the folders give the same digest and the
/// output folder holds only the build's own entries, nothing was added,
/// removed or renamed anywhere in the output, and the commit does not walk
/// it for what a person put there (at 10,000 partners the walk read 254,000
/// names in 30,000 folders: 0.25 s of a 1.7 s edit). A file changed in
/// place moves no folder's time: the files a build reuses are checked one
/// by one anyway (`StagingArea.reuse`).
///
/// A seal is made only when it will be true next time: every folder of the
/// new output is one of the build's own with the usual mode (no person's
/// folder, nothing carried), the folders listed are all the folders there
/// are (each folder's link count tells how many subfolders it holds), and
/// the clock has moved past every change time sealed before the output is
/// swapped in, so that no change made once it is in place, however soon,
/// can carry the time of the build's last one.
package enum FolderSeal {
    /// Before the swap: the seal of `folders` below `root` (the staging
    /// folder), once the clock has passed every change time in them; nil
    /// when one is not a folder of this user's with mode 0755, when the tree
    /// holds a folder that is not listed, or when the clock does not move
    /// within 50 ms.
    ///
    /// Every folder listed exists, so the tree holds no other exactly when
    /// the subfolders of the listed folders and the root add up to the
    /// number listed: a folder's link count is two and one for each
    /// subfolder. A count of 1 says nothing (ext4 past 65,000 subfolders,
    /// btrfs always): such a folder's subfolders are counted by reading it.
    package static func prepare(_ folders: Set<String>, in root: OpenFolder) -> String? {
        guard let rootInfo = root.status,
              let read = read(Array(folders), in: root, check: { $0.isOwnedByThisUser && $0.st_mode & 0o7777 == 0o755 }) else { return nil }
        var uncounted = read.uncounted
        var subfolders = read.subfolders
        if rootInfo.st_nlink == 1 { uncounted.append("") } else { subfolders += Int(rootInfo.st_nlink) - 2 }
        // Reading a folder's names costs what the walk saved; a few large ones (`partners/`) are worth it.
        guard uncounted.count <= 8 else { return nil }
        for path in uncounted {
            let count = subfolderCount(path, in: root)
            guard count >= 0 else { return nil }
            subfolders += count
        }
        guard subfolders == folders.count else { return nil }
        for _ in 0..<50 {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME_COARSE, &now)
            if now > read.latest { return read.digest.hex }
            usleep(1000)
        }
        return nil
    }

    /// Whether the output open at `root` is as sealed: its folders
    /// (`folders` below it) as `seal` recorded them, and nothing in the
    /// output folder itself but the build's own entries (`owned` paths,
    /// `folders` and the manifest).
    package static func holds(_ seal: String, folders: Set<String>, owned: PathSet, in root: OpenFolder) -> Bool {
        guard let entries = names(in: root),
              entries.allSatisfy({ owned.contains($0) || folders.contains($0) || $0 == OutputWriter.manifestName }),
              let read = read(Array(folders), in: root, check: { _ in true }) else { return false }
        return read.digest.hex == seal
    }

    /// The names in the folder open at `root`; nil when it cannot be read.
    private static func names(in root: OpenFolder) -> [String]? {
        // Opened again, not duplicated: the folder's own descriptor keeps its reading position.
        FolderWalk.entries(of: openat(root.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)).map { $0.files + $0.folders }
    }

    /// Adds what is digested of a folder: its path, then its device, inode
    /// and change time, eight bytes each (`buffer` is reused from folder to folder).
    private static func add(_ path: String, _ info: stat, to digest: inout UnorderedDigest, buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: path.utf8)
        func put(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
        put(UInt64(info.st_dev))
        put(UInt64(info.st_ino))
        put(UInt64(bitPattern: Int64(info.st_ctim.tv_sec)))
        put(UInt64(info.st_ctim.tv_nsec))
        buffer.withUnsafeBytes { digest.add($0) }
    }

    /// What `read` found: the folders' digest and latest change time, and
    /// their subfolders as their link counts tell, with the folders whose
    /// count says nothing.
    private struct Read: Sendable {
        var digest = UnorderedDigest()
        var latest = timespec()
        var subfolders = 0
        var uncounted: [String] = []

        mutating func merge(_ other: Read) {
            digest.merge(other.digest)
            if other.latest > latest { latest = other.latest }
            subfolders += other.subfolders
            uncounted += other.uncounted
        }
    }

    /// Every folder's status, on every core; nil when one is not a folder or
    /// fails `check`. A depth at a time: each folder is looked up by its
    /// whole path (one call, where opening its parent first made three), and
    /// no link is followed on the way, because every folder above it was
    /// seen to be a folder, not a link, before.
    private static func read(_ list: [String], in root: OpenFolder, check: @escaping @Sendable (stat) -> Bool) -> Read? {
        var depths: [[String]] = []
        for path in list {
            let depth = path.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while depths.count <= depth { depths.append([]) }
            depths[depth].append(path)
        }
        let size = 2048
        var total = Read()
        for level in depths {
            let pieces = stride(from: 0, to: level.count, by: size).map { $0 ..< min($0 + size, level.count) }
            let found = Parallel.map(pieces) { piece -> Read? in
                var read = Read(), buffer: [UInt8] = []
                for path in level[piece] {
                    var info = stat()
                    guard fstatat(root.descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.isFolder, check(info) else { return nil }
                    add(path, info, to: &read.digest, buffer: &buffer)
                    if info.st_ctim > read.latest { read.latest = info.st_ctim }
                    if info.st_nlink == 1 { read.uncounted.append(path) } else { read.subfolders += Int(info.st_nlink) - 2 }
                }
                return read
            }
            for piece in found {
                guard let piece else { return nil }
                total.merge(piece)
            }
        }
        return total
    }

    /// The subfolders in the folder `path` below `root` (`""`: `root`'s own); -1 when it cannot be read.
    private static func subfolderCount(_ path: String, in root: OpenFolder) -> Int {
        let fd = path.isEmpty ? openat(root.descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : root.open(path, O_RDONLY | O_DIRECTORY)
        return FolderWalk.entries(of: fd)?.folders.count ?? -1
    }
}

extension timespec {
    static func > (a: timespec, b: timespec) -> Bool {
        a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec
    }
}
