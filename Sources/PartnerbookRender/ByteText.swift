import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// Literal, byte-level text search and replace on UTF-8. Foundation's
/// `replacingOccurrences` and `contains` go through locale-aware CFString
/// search, which showed up as a quarter of a build's time on large documents;
/// `utf8.contains` walks byte by byte. These read the string's own bytes in
/// place with libc's `memchr` and `memcmp`, and copy only when they replace.
package enum ByteText {
    /// Whether `byte` occurs in `text`.
    static func contains(byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard var match = firstIndex(of: needle, in: bytes, from: 0) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var start = 0
            let pattern = needle.utf8.count
            while true {
                out += bytes[start..<match]
                out += replacement.utf8
                start = match + pattern
                guard let next = firstIndex(of: needle, in: bytes, from: start) else { break }
                match = next
            }
            out += bytes[start...]
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// `text` onto the end of `out`, each byte `isSpecial` picks out replaced
    /// by what `replace` appends for it (given all the bytes and its index);
    /// the runs between are copied whole. Inlined, so that the two tests
    /// are not calls made for every byte of every value of a page.
    @inline(__always)
    static func append(_ text: String, to out: inout [UInt8], replacing isSpecial: (UInt8) -> Bool,
                       with replace: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where isSpecial(byte) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                replace(bytes, index, &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// `text` as `append` makes it, or `text` itself when no byte is special.
    @inline(__always)
    static func replacing(_ isSpecial: (UInt8) -> Bool, in text: String,
                          with replace: (UnsafeBufferPointer<UInt8>, Int, inout [UInt8]) -> Void) -> String {
        guard text.utf8.contains(where: isSpecial) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out, replacing: isSpecial, with: replace)
        return String(decoding: out, as: UTF8.self)
    }

    /// Where `needle` first occurs in `bytes` at or after `start`.
    static func firstIndex(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern -> Int? in
            guard let base = bytes.baseAddress, let first = pattern.baseAddress, pattern.count > 0,
                  bytes.count - start >= pattern.count else { return nil }
            // memchr to each candidate first byte, memcmp for the rest (Glibc's memmem is not exported to Swift).
            var index = start
            let last = bytes.count - pattern.count
            while index <= last {
                guard let hit = memchr(base + index, Int32(first.pointee), last - index + 1) else { return nil }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, first, pattern.count) == 0 { return index }
                index += 1
            }
            return nil
        }
    }
}
