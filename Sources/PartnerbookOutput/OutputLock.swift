import Foundation
#if canImport(Glibc)
import Glibc
import PartnerbookModel
import PartnerbookSupport
#endif

/// One build at a time per output folder: an exclusive `flock` on a lock file
/// beside it (`.Output.lock` for `Output`), held while a build reads the
/// previous output and writes the new one. A second build waits and says so,
/// or, asked not to wait, fails with the holder's process ID. The lock goes
/// with the process: a build that is killed never leaves it held.
package final class OutputLock: Sendable {
    package struct Busy: Error, CustomStringConvertible {
        package var path: String
        package var holder: String?
        package var description: String {
            "another partnerbook build is writing \(path)" + (holder.map { " (process \($0))" } ?? "")
                + "; not waiting (--no-wait). Try again when it has finished"
        }
    }

    private let descriptor: Int32

    /// - Parameters:
    ///   - wait: block until the other build is done; otherwise throw `Busy`.
    ///   - waiting: told once, with a sentence to show, when this build has to wait.
    package init(output: URL, wait: Bool, waiting: (String) -> Void = { _ in }) throws {
        let folder = output.standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = parent.appendingPathComponent(".\(folder.lastPathComponent).lock").path
        descriptor = try OutputLock.open(path, mode: OutputTarget.internalFileMode(of: folder))
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = OutputLock.holder(of: descriptor)
            guard errno == EWOULDBLOCK, wait else {
                close(descriptor)
                throw Busy(path: folder.path, holder: holder)
            }
            waiting("waiting for another partnerbook build to finish writing \(folder.lastPathComponent)"
                    + (holder.map { " (process \($0))" } ?? "") + "…")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw OutputError(description: "cannot lock \(path): \(String(cString: strerror(errno)))")
                }
            }
        }
        // Who holds it, for the message another build shows: written over
        // the same bytes every time, never truncated.
        let pid = Data(String(ProcessInfo.processInfo.processIdentifier).padding(toLength: OutputLock.holderBytes - 1, withPad: " ", startingAt: 0).utf8 + [10])
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The lock file holds a process ID in this many bytes; a longer file is no lock file.
    static let holderBytes = 24

    /// Opens (or makes) the lock file: never through a link, and only a
    /// regular file of this user's with no other name and no more than a
    /// process ID in it (a repository can bring a `.Output.lock` that is a
    /// link to `~/.bashrc`, or a file of its own: neither is opened for writing).
    private static func open(_ path: String, mode: mode_t) throws -> Int32 {
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == ELOOP {
                throw OutputError(description: "the lock file \(path) is a link; partnerbook does not write through it: remove it and build again")
            }
            throw OutputError(description: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        let problem: String?
        if fstat(fd, &info) != 0 {
            problem = "cannot be read: \(String(cString: strerror(errno)))"
        } else if !info.isRegularFile {
            problem = "is not a regular file"
        } else if !info.isOwnedByThisUser {
            problem = "belongs to another user"
        } else if info.st_nlink != 1 {
            problem = "has other names (hard links)"
        } else if Int(info.st_size) > holderBytes {
            problem = "holds more than a process ID"
        } else {
            problem = nil
        }
        if let problem {
            close(fd)
            throw OutputError(description: "the lock file \(path) \(problem), so it is not one partnerbook made; it is left as it is: remove it and build again")
        }
        return fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func holder(of descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: holderBytes)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
