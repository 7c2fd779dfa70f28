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
public final class OutputLock: Sendable {
    public struct Busy: Error, CustomStringConvertible {
        public var path: String
        public var holder: String?
        public var description: String {
            "another partnerbook build is writing \(path)" + (holder.map { " (process \($0))" } ?? "")
                + "; not waiting (--no-wait). Try again when it has finished"
        }
    }

    private let descriptor: Int32

    /// - Parameters:
    ///   - wait: block until the other build is done; otherwise throw `Busy`.
    ///   - waiting: told once, with a sentence to show, when this build has to wait.
    public init(output: URL, wait: Bool, waiting: (String) -> Void = { _ in }) throws {
        let folder = output.standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = parent.appendingPathComponent(".\(folder.lastPathComponent).lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError(description: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
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
        // Who holds it, for the message another build shows.
        let pid = Data("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func holder(of descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
