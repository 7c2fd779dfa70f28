import Crypto
import Foundation
import PartnerbookModel

/// SHA-256 in lowercase hex.
public enum Digest {
    public static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    public static func hex(_ parts: [String]) -> String {
        hex(Data(parts.joined(separator: "\u{1F}").utf8))
    }
}

extension Digest {
    /// The SHA-256 of `data`, as bytes.
    public static func bytes(_ data: Data) -> Data {
        Data(SHA256.hash(data: data))
    }
}
