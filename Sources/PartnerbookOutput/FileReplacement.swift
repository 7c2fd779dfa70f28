import Foundation
import PartnerbookModel
import PartnerbookSupport

/// Replaces the text of partner files all or nothing (`record`, `sign`).
///
/// Each new text is written to a temporary file beside the file it
/// replaces, with the file's mode and owner; every original is kept (a hard
/// link beside it) until every rename has succeeded; a rename that fails
/// puts every file already replaced back, and temporary files and backups
/// are removed on every path. A partner file that is a link inside the
/// content folder is written through (its target gets the text, the link
/// stays); a link out of it, or anything but a regular file, is refused
/// before anything is written.
///
/// Not promised: a `kill -9` (or power loss) between two renames leaves
/// the files renamed so far new and the rest old, each one whole, with its
/// backup `.NAME.partnerbook-PID.old` beside it.
package enum FileReplacement {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// One file to replace: its path as the caller names it, and its new text.
    package struct Change {
        package var path: String
        package var data: Data

        package init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    private struct Staged {
        var display: String
        var target: String
        var temporary: String
        var backup: String
    }

    /// Replaces every file, or none. `root` is the content folder links must stay inside.
    /// - Parameter rename: the rename call (a test makes one fail).
    package static func replace(_ changes: [Change], root: URL,
                               rename: (String, String) -> Int32 = { Glibc.rename($0, $1) }) throws {
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        var staged: [Staged] = []
        func cleanUp() {
            for file in staged {
                unlink(file.temporary)
                unlink(file.backup)
            }
        }
        do {
            for change in changes {
                let target = try resolve(change.path, root: rootPath)
                var info = stat()
                guard stat(target, &info) == 0 else { throw Failure(description: "cannot read \(change.path): \(errorText())") }
                let folder = (target as NSString).deletingLastPathComponent, name = (target as NSString).lastPathComponent
                let tag = "partnerbook-\(getpid())"
                let file = Staged(display: change.path, target: target, temporary: "\(folder)/.\(name).\(tag).new",
                                  backup: "\(folder)/.\(name).\(tag).old")
                staged.append(file)
                try write(change.data, to: file.temporary, mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid,
                          display: change.path)
                unlink(file.backup)
                guard link(target, file.backup) == 0 else {
                    throw Failure(description: "cannot keep a copy of \(change.path) while writing: \(errorText())")
                }
            }
        } catch {
            cleanUp()
            throw Failure(description: "\(error); nothing was changed")
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let reason = errorText()
            // Put back what was already replaced, from the kept originals.
            var restored: [String] = [], stuck: [String] = []
            for done in staged[..<index] {
                if Glibc.rename(done.backup, done.target) == 0 { restored.append(done.display) } else { stuck.append(done.display) }
            }
            cleanUp()
            var message = "cannot replace \(file.display): \(reason)"
            message += stuck.isEmpty ? "; nothing was changed" + (restored.isEmpty ? "" : " (\(restored.joined(separator: ", ")) put back)")
                                     : "; these files were changed and could not be put back: \(stuck.joined(separator: ", "))"
            throw Failure(description: message)
        }
        for file in staged { unlink(file.backup) }
    }

    /// The file to write: the path itself, or the target of a link that stays inside `root`.
    static func resolve(_ path: String, root: String) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw Failure(description: "cannot read \(path): \(errorText())") }
        var target = path
        if (info.st_mode & S_IFMT) == S_IFLNK {
            target = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard target.hasPrefix(root + "/") else {
                throw Failure(description: "\(path) is a link to a file outside the content folder; it is not written")
            }
            guard lstat(target, &info) == 0 else { throw Failure(description: "\(path) is a link to a file that does not exist") }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(description: "\(path) is not a regular file; it is not written") }
        return target
    }

    private static func write(_ data: Data, to path: String, mode: mode_t, owner: uid_t, group: gid_t, display: String) throws {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot write beside \(display): \(errorText())") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        guard written, fsync(fd) == 0 else { throw Failure(description: "cannot write beside \(display): \(errorText())") }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_uid != owner || info.st_gid != group {
            guard fchown(fd, owner, group) == 0 else {
                throw Failure(description: "cannot keep the owner of \(display) (\(errorText()))")
            }
        }
        guard fchmod(fd, mode) == 0 else { throw Failure(description: "cannot keep the mode of \(display): \(errorText())") }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
