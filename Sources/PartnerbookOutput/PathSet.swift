import Foundation

/// A set of output paths kept front-coded, not as a string per path in a
/// `Set`: in blocks of 16 paths, each path as the count of bytes it shares
/// with the one before it in its block and its own bytes after them (a
/// manifest lists its paths sorted, and a partner's 25 paths share
/// `partners/ID/` and often more), with an open-addressing table of path
/// numbers at each path's hash, and a byte of that hash beside each slot.
///
/// At 100,000 partners an output holds 2.5 million files: the previous
/// output's paths as a `Set<String>` (a heap string and a table slot each)
/// took some 300 MB of a one-partner rebuild's memory, and as the
/// manifest's bytes with a table of where each line is, 140 MB; front-coded
/// they are about a third of that. A member is found without making its
/// path: the key is compared with each path of the block as it is decoded
/// (`isPath`). A repeated line counts once and empty lines none, as a
/// `Set` of the lines would.
package struct PathSet: Sequence, Sendable {
    private static let blockSize = 16
    /// The blocks, one after another: for each path, its shared count and
    /// its own count (each a LEB128 number), then its own bytes.
    private var bytes: [UInt8] = []
    /// Where each block starts in `bytes`.
    private var blocks: [UInt32] = []
    /// Path numbers (+1; 0 is an empty slot), at each path's hash, and the
    /// top byte of that hash, so that most slots are passed over without
    /// decoding their path.
    private var slots: [UInt32] = Array(repeating: 0, count: 16)
    private var tags: [UInt8] = Array(repeating: 0, count: 16)
    package private(set) var count = 0
    /// The last path added (the next one in its block shares bytes with it).
    private var last: [UInt8] = []

    /// The lines of a manifest (its bytes, one path a line).
    package init(manifest: Data) {
        manifest.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            // The table sized for every line at once: growing it hashes every path again.
            var lines = 1, at = 0
            while at < raw.count, let found = memchr(raw.baseAddress! + at, Int32(UInt8(ascii: "\n")), raw.count - at) {
                lines += 1
                at = raw.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
            }
            var size = 16
            while size * 2 < lines * 3 { size <<= 1 }
            slots = Array(repeating: 0, count: size)
            tags = Array(repeating: 0, count: size)
            blocks.reserveCapacity(lines / PathSet.blockSize + 1)
            insertLines(raw)
        }
        finish()
    }

    /// `paths`, as the manifest of them would list them.
    package init(_ paths: some Sequence<String>) {
        for path in paths { insert(path) }
        finish()
    }

    /// Kept at their exact sizes once every path is in (a grown array holds
    /// up to twice its elements; `Array(array)` would share the same storage).
    private mutating func finish() {
        bytes = bytes.withUnsafeBufferPointer { Array($0) }
        blocks = blocks.withUnsafeBufferPointer { Array($0) }
        last = []
    }

    /// Adds `path` as a manifest would list it: each of its lines, unless
    /// empty or in already.
    package mutating func insert(_ path: String) {
        var path = path
        path.withUTF8 { insertLines(UnsafeRawBufferPointer($0)) }
    }

    /// Adds each line of `raw` that is not empty or in already.
    private mutating func insertLines(_ raw: UnsafeRawBufferPointer) {
        var start = 0
        while start < raw.count {
            let end = memchr(raw.baseAddress! + start, Int32(UInt8(ascii: "\n")), raw.count - start)
                .map { raw.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? raw.count
            if end > start { insert(UnsafeRawBufferPointer(rebasing: raw[start..<end])) }
            start = end + 1
        }
    }

    package var isEmpty: Bool { count == 0 }

    package func contains(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { find(UnsafeRawBufferPointer($0), hash: PathSet.hash(UnsafeRawBufferPointer($0))).found }
    }

    /// Every path, in the order added (a manifest's order).
    package func makeIterator() -> some IteratorProtocol<String> {
        var paths = Paths(set: self)
        return AnyIterator { paths.next().map { String(decoding: $0, as: UTF8.self) } }
    }

    /// Every path's bytes, in the order added (no string made).
    package func forEachPath(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var paths = Paths(set: self)
        while let path = paths.next() {
            try path.withUnsafeBytes { try body($0) }
        }
    }

    /// The paths decoded one after another.
    private struct Paths {
        let set: PathSet
        var index = 0
        var offset = 0
        var path: [UInt8] = []

        mutating func next() -> [UInt8]? {
            guard index < set.count else { return nil }
            let (shared, own) = set.bytes.withUnsafeBufferPointer { PathSet.entry($0, at: &offset) }
            path.removeSubrange((index % PathSet.blockSize == 0 ? 0 : shared)...)
            path += set.bytes[offset..<offset + own]
            offset += own
            index += 1
            return path
        }
    }

    // MARK: - Storage

    private static func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        return hasher.finalize()
    }

    private static func tag(_ hash: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: UInt(bitPattern: hash) >> 56)
    }

    /// One path's shared and own counts, read from `offset` (moved past them).
    private static func entry(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> (shared: Int, own: Int) {
        let shared = number(bytes, at: &offset)
        return (shared, number(bytes, at: &offset))
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, at offset: inout Int) -> Int {
        var value = 0, shift = 0
        while true {
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private mutating func put(_ value: Int) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Whether path number `number` is `key`: its block decoded up to it,
    /// the key compared with each path on the way without making any.
    private func isPath(_ number: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            var offset = Int(blocks[number / PathSet.blockSize])
            // The bytes the path just decoded shares with the key from its start, and its length.
            var matched = 0, length = 0
            for position in 0...(number % PathSet.blockSize) {
                let (shared, own) = PathSet.entry(bytes, at: &offset)
                let kept = position == 0 ? 0 : shared
                if kept <= matched {
                    // The key's first `kept` bytes are this path's: compare its own bytes after them.
                    matched = kept
                    while matched - kept < own, matched < key.count, bytes[offset + matched - kept] == key[matched] { matched += 1 }
                }
                // Else this path differs from the key where the one before did.
                length = kept + own
                offset += own
            }
            return matched == length && length == key.count
        }
    }

    /// The slot holding `key`, or where it would go.
    private func find(_ key: UnsafeRawBufferPointer, hash: Int) -> (found: Bool, slot: Int) {
        let mask = slots.count - 1, tag = PathSet.tag(hash)
        var slot = hash & mask
        while slots[slot] != 0 {
            if tags[slot] == tag, isPath(Int(slots[slot]) - 1, key) { return (true, slot) }
            slot = (slot + 1) & mask
        }
        return (false, slot)
    }

    private mutating func insert(_ key: UnsafeRawBufferPointer) {
        let hash = PathSet.hash(key)
        let (found, slot) = find(key, hash: hash)
        guard !found else { return }
        let position = count % PathSet.blockSize
        if position == 0 { blocks.append(UInt32(bytes.count)) }
        let shared = position == 0 ? 0 : last.withUnsafeBufferPointer { last in
            var shared = 0
            let most = Swift.min(last.count, key.count)
            while shared < most && last[shared] == key[shared] { shared += 1 }
            return shared
        }
        put(shared)
        put(key.count - shared)
        bytes.append(contentsOf: key[shared...])
        last.removeSubrange(Swift.min(shared, last.count)...)
        last.append(contentsOf: key[shared...])
        count += 1
        slots[slot] = UInt32(count)
        tags[slot] = PathSet.tag(hash)
        // At most two thirds full.
        if count * 3 > slots.count * 2 { grow() }
    }

    /// Twice the slots, every path hashed again in order.
    private mutating func grow() {
        let size = slots.count * 2
        var slots = [UInt32](repeating: 0, count: size), tags = [UInt8](repeating: 0, count: size)
        var paths = Paths(set: self)
        var number = 0
        while let path = paths.next() {
            number += 1
            let hash = path.withUnsafeBytes { PathSet.hash($0) }
            var slot = hash & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = UInt32(number)
            tags[slot] = PathSet.tag(hash)
        }
        self.slots = slots
        self.tags = tags
    }
}
