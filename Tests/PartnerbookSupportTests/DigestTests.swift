import Foundation
import Testing
@testable import PartnerbookSupport

/// SHA-256 in lowercase hex, of bytes and of parts joined by U+001F.
@Suite struct DigestTests {
    @Test func knownDigests() {
        #expect(Digest.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func partsAreHashedAsTheirJoinedBytes() {
        for parts in [[], [""], ["a"], ["a", "b"], ["", ""], ["é😀", "x\u{1F}y", String(repeating: "long ", count: 1000)]] {
            #expect(Digest.hex(parts) == Digest.hex(Data(parts.joined(separator: "\u{1F}").utf8)), "\(parts.count) parts")
        }
        #expect(Digest.hex(["a", "b"]) != Digest.hex(["ab"]))
    }

    /// The XOR of each piece's SHA-256: the pieces' order and the way they
    /// are split between cores do not matter; which pieces do.
    @Test func anUnorderedDigestIsTheXOROfEachPiecesDigest() {
        let pieces = ["partners\u{0}1\u{0}2", "partners/p0\u{0}1\u{0}3", "program\u{0}1\u{0}4", ""]
        var forward = UnorderedDigest(), backward = UnorderedDigest(), left = UnorderedDigest(), right = UnorderedDigest()
        for piece in pieces { forward.add(piece) }
        for piece in pieces.reversed() { backward.add(piece) }
        for piece in pieces.prefix(1) { left.add(piece) }
        for piece in pieces.dropFirst() { right.add(piece) }
        left.merge(right)
        #expect(forward == backward && forward.hex == backward.hex)
        #expect(left == forward)
        // One piece alone: its SHA-256, as four 64-bit lanes read from its bytes.
        var one = UnorderedDigest()
        one.add("abc")
        let sha = Digest.bytes(Data("abc".utf8))
        let lanes = (0..<4).map { lane in sha.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: lane * 8, as: UInt64.self) } }
        #expect(one.hex == lanes.map { String(repeating: "0", count: 16 - String($0, radix: 16).count) + String($0, radix: 16) }.joined())
        var changed = UnorderedDigest()
        for piece in pieces.dropLast() + ["x"] { changed.add(piece) }
        #expect(changed != forward)
        #expect(UnorderedDigest().hex == String(repeating: "0", count: 64))
    }
}
