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
}
