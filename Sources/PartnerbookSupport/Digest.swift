import Crypto
import Foundation
import PartnerbookModel

/// SHA-256 in lowercase hex.
package enum Digest {
    package static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    package static func hex(_ parts: [String]) -> String {
        hex(Data(parts.joined(separator: "\u{1F}").utf8))
    }

    /// The running executable, as a cache key part, so a new build of the
    /// tool never reuses output an older one rendered: its file's stamp (size,
    /// modification and change times, inode), which every rebuild or copy of
    /// the tool changes, rather than a hash of its 25 MB on every run.
    /// Nil when the executable cannot be found: the build then says the cache is off.
    package static let executable: String? = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let stamp = FileStamp.current(path) else { return nil }
        return "\(path)\u{1F}\(stamp.line)"
    }()
}
