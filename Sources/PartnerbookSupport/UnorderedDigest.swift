import Crypto
import Foundation

/// The SHA-256 of each piece added, XORed together: the same for the same
/// pieces added in any order, on any number of cores (each core keeps one
/// and they are merged). For a set of distinct pieces: one added twice
/// cancels out.
public struct UnorderedDigest: Sendable, Equatable {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        hasher.finalize().withUnsafeBytes { digest in
            lanes.0 ^= digest.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            lanes.1 ^= digest.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            lanes.2 ^= digest.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            lanes.3 ^= digest.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func merge(_ other: UnorderedDigest) {
        lanes.0 ^= other.lanes.0
        lanes.1 ^= other.lanes.1
        lanes.2 ^= other.lanes.2
        lanes.3 ^= other.lanes.3
    }

    /// Sixty-four lowercase hex digits.
    public var hex: String {
        [lanes.0, lanes.1, lanes.2, lanes.3].map { lane in
            let digits = String(lane, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    public static func == (a: UnorderedDigest, b: UnorderedDigest) -> Bool {
        a.lanes == b.lanes
    }
}
