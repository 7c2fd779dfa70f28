import CFileSystem
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder held open, below which entries are made, opened, linked and
/// removed without ever following a link: not on the way, not at the end
/// (`partnerbook_open_beneath`: Linux's openat2 with `RESOLVE_BENEATH` and
/// `RESOLVE_NO_SYMLINKS`, else one `O_NOFOLLOW` step at a time). A tree a
/// cloned repository brings (a spare folder whose `assets` is a link to
/// `~/.ssh`) cannot turn a write below this folder into a write elsewhere.
package final class OpenFolder: Sendable {
    package let descriptor: Int32
    /// The path it was opened at, for messages.
    package let path: String

    /// Opens the folder at `path`, which must be a folder and not a link.
    package init(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError(description: "cannot open the folder \(path): \(OpenFolder.lastError)") }
        descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    /// The folder's own `fstat`.
    package var status: stat? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? info : nil
    }

    /// `relative` opened with `flags` (no link followed); -1 with `errno` set.
    package func open(_ relative: String, _ flags: Int32, mode: mode_t = 0o644) -> Int32 {
        partnerbook_open_beneath(descriptor, relative, flags, mode)
    }

    /// Makes the folder `relative` (its parent must exist); true when made.
    package func makeFolder(_ relative: String, mode: mode_t = 0o755) -> Bool {
        partnerbook_mkdir_beneath(descriptor, relative, mode) == 0
    }

    /// Makes the folder `relative` with one mkdir, and its parents only when
    /// they are missing (another thread may be making a shared parent at the
    /// same moment): a real folder already there is success, a link or file
    /// there is not. False with `errno` set when it cannot be made.
    package func makeFolderAndParents(_ relative: String) -> Bool {
        if makeFolder(relative) || isFolder(afterFailedMake: relative) { return true }
        if errno == ENOENT, let slash = relative.lastIndex(of: "/") {
            return makeFolderAndParents(String(relative[..<slash])) && (makeFolder(relative) || isFolder(afterFailedMake: relative))
        }
        return false
    }

    /// After a failed mkdir: whether a real folder stands at `relative` (errno kept otherwise).
    private func isFolder(afterFailedMake relative: String) -> Bool {
        guard errno == EEXIST else { return false }
        if status(of: relative)?.isFolder == true { return true }
        errno = EEXIST
        return false
    }

    /// Removes the file or link `relative` (never what a link points to); true when removed.
    @discardableResult
    package func remove(_ relative: String) -> Bool {
        partnerbook_unlink_beneath(descriptor, relative) == 0
    }

    /// `lstat` of `relative`, reached through no link.
    package func status(of relative: String) -> stat? {
        var info = stat()
        return partnerbook_stat_beneath(descriptor, relative, &info) == 0 ? info : nil
    }

    /// A hard link at `relative` to `source` below `folder`; true when made.
    package func link(_ relative: String, to source: String, in folder: OpenFolder) -> Bool {
        partnerbook_link_beneath(folder.descriptor, source, descriptor, relative) == 0
    }

    /// Calls `body` with the folder holding `relative`, opened without links,
    /// and the entry's last name; nil when that folder cannot be opened.
    package func inParent<T>(of relative: String, _ body: (_ folder: Int32, _ name: String) -> T) -> T? {
        var last: UnsafePointer<CChar>?
        let result: T? = relative.withCString { pointer in
            let fd = partnerbook_open_parent_beneath(descriptor, pointer, &last)
            guard fd >= 0, let last else { return nil }
            defer { close(fd) }
            return body(fd, String(cString: last))
        }
        return result
    }

    static var lastError: String { String(cString: strerror(errno)) }
}

extension stat {
    /// Whether this process's user owns the entry.
    package var isOwnedByThisUser: Bool { st_uid == geteuid() }
    package var isFolder: Bool { (st_mode & S_IFMT) == S_IFDIR }
    package var isRegularFile: Bool { (st_mode & S_IFMT) == S_IFREG }
    /// Whether a user other than the owner may add, remove or rename entries in it (or write it).
    package var isWritableByOthers: Bool { st_mode & 0o022 != 0 }
}

/// The folders of a run of paths below an `OpenFolder`, each opened once
/// (without links, as `OpenFolder` opens) and kept open until the cursor
/// goes: a partner's two dozen files sit in two or three folders, so
/// looking each file up in its folder costs one call instead of a walk of
/// its whole path.
package final class FolderCursor {
    let root: OpenFolder
    private var opened: [(folder: Substring, descriptor: Int32)] = []

    package init(_ root: OpenFolder) {
        self.root = root
    }

    deinit {
        for folder in opened { close(folder.descriptor) }
    }

    /// The descriptor of the folder holding `path` (the root's own for a
    /// path with no folder part) and the entry's name; nil when that folder
    /// cannot be opened without following a link.
    package func parent(of path: String) -> (descriptor: Int32, name: String)? {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
        guard let slash else { return (root.descriptor, name) }
        let folder = path[..<slash]
        if let known = opened.first(where: { $0.folder == folder }) { return (known.descriptor, name) }
        let descriptor = root.open(String(folder), O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return nil }
        // A partner's files alternate between a few folders; more than eight open is never needed.
        if opened.count == 8 { close(opened.removeFirst().descriptor) }
        opened.append((folder, descriptor))
        return (descriptor, name)
    }

    /// `lstat` of `path`, reached through no link.
    package func status(of path: String) -> stat? {
        guard let (folder, name) = parent(of: path) else { return nil }
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }
}
