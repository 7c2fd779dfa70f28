import Foundation

/// A set of output paths kept as the bytes of a manifest (one path a line)
/// and an open-addressing table of where each line is, not as a string per
/// path in a `Set`.
///
/// At 100,000 partners an output holds 2.5 million files: the previous
/// output's paths as a `Set<String>` (a heap string and a table slot each)
/// took some 300 MB of a one-partner rebuild's memory; here they are the
/// manifest's 99 MB, 20 MB of line places and 16 MB of table. A repeated
/// line counts once and empty lines none, as a `Set` of the lines would.
package struct PathSet: Sequence, Sendable {
    private let bytes: Data
    /// Where each path starts in `bytes`, and how many bytes it has.
    private var starts: [UInt32] = []
    private var lengths: [UInt32] = []
    /// Indexes into `starts` (+1; 0 is an empty slot), at each path's hash.
    private var slots: [UInt32]

    /// The lines of a manifest (its bytes, one path a line).
    package init(manifest: Data) {
        bytes = manifest
        let ends = manifest.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            var ends: [Int] = []
            var at = 0
            while at < raw.count, let found = memchr(raw.baseAddress! + at, Int32(UInt8(ascii: "\n")), raw.count - at) {
                ends.append(raw.baseAddress!.distance(to: UnsafeRawPointer(found)))
                at = ends[ends.count - 1] + 1
            }
            ends.append(raw.count)
            return ends
        }
        var size = 16
        while size < ends.count + ends.count / 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        starts.reserveCapacity(ends.count)
        lengths.reserveCapacity(ends.count)
        manifest.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var start = 0
            for end in ends {
                if end > start { insert(UnsafeRawBufferPointer(rebasing: raw[start..<end]), at: start, in: raw) }
                start = end + 1
            }
        }
    }

    /// `paths`, as the manifest of them would list them.
    package init(_ paths: some Sequence<String>) {
        self.init(manifest: OutputWriter.manifest(of: paths))
    }

    package var count: Int { starts.count }
    package var isEmpty: Bool { starts.isEmpty }

    package func contains(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { key in
            bytes.withUnsafeBytes { raw in lookup(UnsafeRawBufferPointer(key), in: raw).found != nil }
        }
    }

    /// Every path, in the manifest's order.
    package func makeIterator() -> some IteratorProtocol<String> {
        var index = 0
        return AnyIterator {
            guard index < starts.count else { return nil }
            defer { index += 1 }
            return bytes.withUnsafeBytes { raw in
                String(decoding: UnsafeRawBufferPointer(rebasing: raw[Int(starts[index])..<Int(starts[index] + lengths[index])]),
                       as: UTF8.self)
            }
        }
    }

    /// Every path's bytes, in the manifest's order (no string made).
    package func forEachPath(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { raw in
            for index in starts.indices {
                try body(UnsafeRawBufferPointer(rebasing: raw[Int(starts[index])..<Int(starts[index] + lengths[index])]))
            }
        }
    }

    private func hash(_ key: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: key)
        return hasher.finalize()
    }

    /// The slot holding `key`, or nil (then `free` is where it would go).
    private func lookup(_ key: UnsafeRawBufferPointer, in raw: UnsafeRawBufferPointer) -> (found: Int?, free: Int) {
        let mask = slots.count - 1
        var slot = hash(key) & mask
        while slots[slot] != 0 {
            let line = Int(slots[slot] - 1)
            let start = Int(starts[line]), length = Int(lengths[line])
            if length == key.count, memcmp(raw.baseAddress! + start, key.baseAddress!, length) == 0 { return (slot, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    private mutating func insert(_ key: UnsafeRawBufferPointer, at start: Int, in raw: UnsafeRawBufferPointer) {
        let (found, free) = lookup(key, in: raw)
        guard found == nil else { return }
        starts.append(UInt32(start))
        lengths.append(UInt32(key.count))
        slots[free] = UInt32(starts.count)
    }
}
