import Foundation
import PartnerbookModel
import PartnerbookSupport

/// The output folder a build may write, checked before anything is created
/// (no lock, cache or staging folder for an output that is refused).
///
/// Refused: `/`; the content folder itself, a folder inside it, or a folder
/// that holds it (the swap would take the content along); a link (the swap
/// would replace the link with a folder); something that is not a folder;
/// and the folder the command runs in, or one that holds it: the swap
/// replaces the output folder with a new one, so a shell standing in it
/// would be left in a deleted folder. (`--output .` is refused for that
/// reason: name a folder below or beside the one you are in.)
package enum OutputTarget {
    package static func check(_ output: URL, content: URL) throws {
        let path = output.standardizedFileURL.path
        guard path != "/" else { throw OutputError(description: "refusing to build into /: name a folder of its own, such as Output") }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw OutputError(description: "'\(path)' is a link; the build replaces its output folder whole, so it would replace the link: name the folder the link points to")
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError(description: "'\(path)' exists and is not a folder")
            }
        }
        let real = realPath(path)
        let contentReal = content.resolvingSymlinksInPath().standardizedFileURL.path
        if real == contentReal || contentReal.hasPrefix(real + "/") || real.hasPrefix(contentReal + "/") {
            throw OutputError(description: "'\(path)' is the content folder, inside it or holds it; the build would mix the site into the content: choose a folder outside \(content.relativePath)")
        }
        let here = realPath(FileManager.default.currentDirectoryPath)
        if here == real || here.hasPrefix(real + "/") {
            throw OutputError(description: "'\(path)' is the folder you are in (or holds it); the build replaces its output folder with a new one, which would leave you in a deleted folder: build into a folder below or beside this one")
        }
    }

    /// `path` with every link on the way resolved, including those in its
    /// parents, for a path that may not exist yet.
    static func realPath(_ path: String) -> String {
        var tail: [String] = []
        var current = URL(fileURLWithPath: path).standardizedFileURL
        while current.path != "/" {
            var info = stat()
            if lstat(current.path, &info) == 0 { break }
            tail.insert(current.lastPathComponent, at: 0)
            current = current.deletingLastPathComponent()
        }
        let base = current.resolvingSymlinksInPath().standardizedFileURL.path
        return tail.isEmpty ? base : (base == "/" ? "" : base) + "/" + tail.joined(separator: "/")
    }

    /// The mode of what a build keeps beside `output` (the cache, the lock):
    /// the output folder's read permissions, written by its owner alone, so
    /// a private output keeps private internals.
    package static func internalFileMode(of output: URL) -> mode_t {
        var info = stat()
        guard lstat(output.standardizedFileURL.path, &info) == 0 else { return 0o644 }
        return (info.st_mode & 0o444) | 0o200
    }
}
