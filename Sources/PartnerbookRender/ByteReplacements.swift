import Foundation

/// Several literal replacements made in one pass over UTF-8 bytes, from
/// cmark-gfm's buffer to the file's bytes: a document's rendering is read
/// once and copied once, not made a string (checked as UTF-8 byte by byte)
/// and copied again for each marker replaced in turn.
///
/// Each needle is found where it stands in the input, never in what replaced
/// another; for needles that cannot overlap one another and replacements
/// that hold none of them (the extension sentinel, the redline markers) that
/// is what replacing them one after another gives.
struct ByteReplacements {
    private let needles: [[UInt8]]
    private let replacements: [[UInt8]]
    /// The needles' first bytes, each once: the pass jumps from one to the next with `memchr`.
    private let firstBytes: [UInt8]

    init(_ pairs: [(needle: String, replacement: String)]) {
        precondition(pairs.allSatisfy { !$0.needle.isEmpty }, "an empty needle matches everywhere")
        needles = pairs.map { Array($0.needle.utf8) }
        replacements = pairs.map { Array($0.replacement.utf8) }
        var firsts: [UInt8] = []
        for needle in needles where !firsts.contains(needle[0]) { firsts.append(needle[0]) }
        firstBytes = firsts
    }

    /// `bytes` with every needle replaced, appended to `out`.
    func apply<Sink: ByteSink>(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Sink) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        /// Where `byte` next occurs at or after `from` (`count` if nowhere).
        func next(_ byte: UInt8, from: Int) -> Int {
            guard from < count, let hit = memchr(base + from, Int32(byte), count - from) else { return count }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        var candidates = firstBytes.map { next($0, from: 0) }
        var copied = 0
        while let at = candidates.min(), at < count {
            var resume = at + 1
            for (index, needle) in needles.enumerated()
            where needle[0] == bytes[at] && count - at >= needle.count && memcmp(base + at, needle, needle.count) == 0 {
                out.put(UnsafeBufferPointer(rebasing: bytes[copied..<at]))
                replacements[index].withUnsafeBufferPointer { out.put($0) }
                copied = at + needle.count
                resume = copied
                break
            }
            for index in candidates.indices where candidates[index] < resume {
                candidates[index] = next(firstBytes[index], from: resume)
            }
        }
        out.put(UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
}

/// Where `ByteReplacements` appends its bytes.
protocol ByteSink {
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}

extension Data: ByteSink {
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }
}
