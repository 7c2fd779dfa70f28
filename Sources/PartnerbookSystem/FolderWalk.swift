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

    /// Every folder below `root` (parents before children, each folder's
    /// subfolders in name order) and the files `keep` accepts, relative to
    /// it, in one pass: the commit reads the previous output once for what a
    /// person put there and for its folders. Folders with 64 subfolders or
    /// more are read on every core.
    package static func tree(below root: String, keep: @escaping @Sendable (String) -> Bool) -> (files: [String], folders: [String]) {
        var tree: (files: [String], folders: [String]) = ([], [])
        walkTree(root, prefix: "", keep: keep, into: &tree)
        return tree
    }

    private static func walkTree(_ path: String, prefix: String, keep: @escaping @Sendable (String) -> Bool,
                                 into tree: inout (files: [String], folders: [String])) {
        let (entries, folders) = read(path, prefix: prefix)
        tree.files += entries.filter(keep)
        let sorted = folders.sorted()
        if sorted.count < 64 {
            for folder in sorted {
                tree.folders.append(prefix + folder)
                walkTree(path + "/" + folder, prefix: prefix + folder + "/", keep: keep, into: &tree)
            }
            return
        }
        let found = Parallel.map(sorted) { folder -> (files: [String], folders: [String]) in
            var below: (files: [String], folders: [String]) = ([], [prefix + folder])
            walkTree(path + "/" + folder, prefix: prefix + folder + "/", keep: keep, into: &below)
            return below
        }
        for below in found {
            tree.files += below.files
            tree.folders += below.folders
        }
    }

    /// One folder's files (with `prefix`) and subfolder names.
    private static func read(_ path: String, prefix: String) -> (files: [String], folders: [String]) {
        guard let dir = opendir(path) else { return ([], []) }
        defer { closedir(dir) }
        var files: [String] = [], folders: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { folders.append(name) } else { files.append(prefix + name) }
        }
        return (files, folders)
    }
}
