import Foundation
import PartnerbookSupport

/// Programs partnerbook runs (git, ssh-keygen, weasyprint), found on the PATH.
package enum Executable {
    /// The first executable file named `name` in a PATH folder, or nil.
    package static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The running executable, as a cache key part, so a new build of the
    /// tool never reuses output an older one rendered: its file's stamp (size,
    /// modification and change times, inode), which every rebuild or copy of
    /// the tool changes, rather than a hash of its 25 MB on every run.
    /// Nil when the executable cannot be found: the build then says the cache is off.
    package static let stamp: String? = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let stamp = FileStamp.current(path) else { return nil }
        return "\(path)\u{1F}\(stamp.line)"
    }()
}
