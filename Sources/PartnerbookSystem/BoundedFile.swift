import Foundation
import PartnerbookSupport
import PartnerbookModel

/// Reads a file only when it is a regular file within a size limit, and
/// never more than the limit: a 3 GB file, a FIFO or a device is refused
/// before its bytes are read (at most `limit + 1` bytes are ever read).
package enum BoundedFile {
    package enum Refusal: Error, Equatable {
        case missing
        case notRegular
        case tooLarge(Int, limit: Int)
        case unreadable(String)

        /// The refusal in words, for a file of `kind` ("a content file", "a CSV file").
        package func message(for kind: String) -> String {
            switch self {
            case .missing: return "the file does not exist"
            case .notRegular: return "not a regular file (a folder, a pipe or a device); \(kind) must be a plain file"
            case .tooLarge(let size, let limit): return "file is \(size) bytes; the limit for \(kind) is \(BoundedFile.describe(limit))"
            case .unreadable(let why): return "cannot be read: \(why)"
            }
        }
    }

    /// The bytes of `path`, at most `limit`. A link is followed only when `followLinks`.
    package static func read(_ path: String, limit: Int, followLinks: Bool) throws -> Data {
        var info = stat()
        let found = followLinks ? stat(path, &info) : lstat(path, &info)
        guard found == 0 else { throw errno == ENOENT ? Refusal.missing : Refusal.unreadable(String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Refusal.notRegular }
        guard Int(info.st_size) <= limit else { throw Refusal.tooLarge(Int(info.st_size), limit: limit) }
        // O_NONBLOCK: should the path become a FIFO between the stat and the open, the open does not hang.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw Refusal.unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw Refusal.notRegular }
        let capacity = min(Int(info.st_size), limit) + 1
        var data = Data(count: capacity)
        let total = data.withUnsafeMutableBytes { buffer -> Int in
            var total = 0
            while total < capacity {
                let n = Foundation.read(fd, buffer.baseAddress! + total, capacity - total)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                total += n
            }
            return total
        }
        if total > limit { throw Refusal.tooLarge(total, limit: limit) }
        data.count = total
        return data
    }

    package static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes) bytes (\(bytes >> 20) MiB)" : "\(bytes) bytes"
    }
}

extension BoundedFile {
    /// `size` bytes of the open file `descriptor` from its start (fewer when it is shorter).
    package static func read(descriptor: Int32, size: Int) throws -> Data {
        var data = Data(count: size)
        let total = data.withUnsafeMutableBytes { read(descriptor: descriptor, into: $0.baseAddress!, count: size, at: 0) }
        data.count = total
        return data
    }

    /// Up to `count` bytes of the open file `descriptor` from `offset` into
    /// `buffer` (`pread`, again until all are read or the file ends); how many were read.
    package static func read(descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Int {
        var total = 0
        while total < count {
            let n = pread(descriptor, buffer + total, count - total, off_t(offset + total))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            total += n
        }
        return total
    }
}
