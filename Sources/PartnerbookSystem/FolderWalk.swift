import Foundation
import PartnerbookSupport
#if canImport(Glibc)
import Glibc
#endif

/// Lists a folder tree with `opendir`/`readdir`: the entry type comes with
/// the name, so a tree of a quarter of a million files is read without a
/// `stat` per file (FileManager's enumerator asks for attributes of each).
package enum FolderWalk {
    /// Paths of every non-folder entry below `root`, relative to it, in no particular order.
    package static func files(below root: String) -> [String] {
        tree(below: root) { _ in true }.files
    }

    /// A folder of the tree: its path relative to the root, and its `fstat`.
    package struct Folder: Sendable {
        package var path: String
        package var info: stat
    }

    /// Every folder below `root` (parents before children, each folder's
    /// subfolders in name order) and the files `keep` accepts, relative to
    /// it, in one pass: the commit reads the previous output once for what a
    /// person put there and for its folders (with each folder's mode and
    /// owner, read from the folder already open). Each folder is opened
    /// relative to its parent (no path walked again from the root) and never
    /// through a link. Folders with 64 subfolders or more are read on every core.
    package static func tree(below root: String, keep: @escaping @Sendable (String) -> Bool) -> (files: [String], folders: [String]) {
        let found = walk(below: root, keep: keep)
        return (found.files, found.folders.map(\.path))
    }

    /// The same, each folder with its status.
    package static func walk(below root: String, keep: @escaping @Sendable (String) -> Bool) -> (files: [String], folders: [Folder]) {
        var tree: (files: [String], folders: [Folder]) = ([], [])
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return tree }
        walkTree(fd, prefix: "", keep: keep, into: &tree)
        return tree
    }

    /// Reads the folder open at `fd` (and closes it), then the folders in it.
    private static func walkTree(_ fd: Int32, prefix: String, keep: @escaping @Sendable (String) -> Bool,
                                 into tree: inout (files: [String], folders: [Folder])) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(dir) }
        let (entries, folders) = read(dir, prefix: prefix)
        tree.files += entries.filter(keep)
        let sorted = folders.sorted()
        let parent = dirfd(dir)
        /// A subfolder opened below `parent` (not through a link), with its status.
        @Sendable func opened(_ name: String) -> (fd: Int32, info: stat)? {
            let child = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { return nil }
            var info = stat()
            guard fstat(child, &info) == 0 else {
                close(child)
                return nil
            }
            return (child, info)
        }
        if sorted.count < 64 {
            for folder in sorted {
                guard let (child, info) = opened(folder) else { continue }
                tree.folders.append(Folder(path: prefix + folder, info: info))
                walkTree(child, prefix: prefix + folder + "/", keep: keep, into: &tree)
            }
            return
        }
        let found = Parallel.map(sorted) { folder -> (files: [String], folders: [Folder]) in
            guard let (child, info) = opened(folder) else { return ([], []) }
            var below: (files: [String], folders: [Folder]) = ([], [Folder(path: prefix + folder, info: info)])
            walkTree(child, prefix: prefix + folder + "/", keep: keep, into: &below)
            return below
        }
        for below in found {
            tree.files += below.files
            tree.folders += below.folders
        }
    }

    /// The names in the one folder open at `fd` (closed here), its files
    /// and its subfolders apart, as the walk reads them; nil when it cannot be read.
    package static func entries(of fd: Int32) -> (files: [String], folders: [String])? {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return nil
        }
        defer { closedir(dir) }
        return read(dir, prefix: "")
    }

    /// One folder's files (with `prefix`) and subfolder names.
    private static func read(_ dir: OpaquePointer, prefix: String) -> (files: [String], folders: [String]) {
        var files: [String] = [], folders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                var info = stat()
                isFolder = fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { folders.append(name) } else { files.append(prefix + name) }
        }
        return (files, folders)
    }
}
