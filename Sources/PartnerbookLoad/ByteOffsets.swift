/// libyaml's marks count characters (a CR LF counts two); the composer reads
/// the source by byte. Where a file is plain ASCII the two are the same;
/// otherwise each character's byte offset is looked up.
struct ByteOffsets {
    /// The byte offset of each character, and the end; nil for plain ASCII.
    private let table: [Int32]?
    private let count: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        if TextBytes.isPlainASCII(UnsafeRawBufferPointer(bytes)) {
            table = nil
            return
        }
        // The encoding is given, so libyaml's reader does not eat a byte-order
        // mark: the scanner skips it as one character, counted like any other.
        var table: [Int32] = []
        table.reserveCapacity(bytes.count + 1)
        for offset in 0..<bytes.count where bytes[offset] & 0xC0 != 0x80 {
            table.append(Int32(offset))
        }
        table.append(Int32(bytes.count))
        self.table = table
    }

    /// The byte offset of the character at `index`.
    func byte(_ index: Int) -> Int {
        guard let table else { return index }
        return index < table.count ? Int(table[index]) : count
    }
}
