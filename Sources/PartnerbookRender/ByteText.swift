import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// Literal, byte-level text search and replace on UTF-8. Foundation's
/// `replacingOccurrences` and `contains` go through locale-aware CFString
/// search, which showed up as a quarter of a build's time on large documents.
package enum ByteText {
    static func contains(_ text: String, _ needle: String) -> Bool {
        firstIndex(of: Array(needle.utf8), in: Array(text.utf8), from: 0) != nil
    }

    static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        guard !pattern.isEmpty, var match = firstIndex(of: pattern, in: bytes, from: 0) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        let with = Array(replacement.utf8)
        while true {
            out += bytes[start..<match]
            out += with
            start = match + pattern.count
            guard let next = firstIndex(of: pattern, in: bytes, from: start) else { break }
            match = next
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
