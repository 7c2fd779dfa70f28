import Crypto
import Foundation
import PartnerbookModel

/// SHA-256 in lowercase hex.
public enum Digest {
    public static func hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The parts joined by U+001F, hashed as they are joined (no `Data` made):
    /// a build takes one for every partner's key.
    public static func hex(_ parts: [String]) -> String {
        var hasher = SHA256()
        for (index, part) in parts.enumerated() {
            if index > 0 { hasher.update(data: separator) }
            var part = part
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(hasher.finalize())
    }

    private static let separator: [UInt8] = [0x1F]

    /// Sixty-four lowercase hex digits, written into one string.
    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { out in
            var index = 0
            for byte in digest {
                out[index] = digits[Int(byte >> 4)]
                out[index + 1] = digits[Int(byte & 15)]
                index += 2
            }
            return 64
        }
    }
}

extension Digest {
    /// The SHA-256 of `data`, as bytes.
    public static func bytes(_ data: Data) -> Data {
        Data(SHA256.hash(data: data))
    }

    /// The SHA-256, as bytes, of what `feed` hands over a piece at a time.
    public static func bytes(feeding feed: ((UnsafeRawBufferPointer) -> Void) -> Void) -> Data {
        var hasher = SHA256()
        feed { hasher.update(bufferPointer: $0) }
        return Data(hasher.finalize())
    }
}
