/// A long text made a little at a time and kept as texts of about 256 KB
/// each (an `OutputFile` of texts is written from them as they are).
///
/// The data files and the calendar of 100,000 partners are 17-48 MB each.
/// Made as one string grown by doubling (or as an array of every line,
/// then joined), each held two to four times its size while it was made,
/// beside the partners' listings; pieces hold it once.
///
/// `bytes` is the piece being made; a writer may append to it directly.
/// A piece is cut only by `cut()`, which its writer calls where a whole
/// text ends, so no piece ends inside a UTF-8 sequence.
public struct TextPieces {
    /// About how many bytes a piece holds.
    public static let pieceSize = 1 << 18

    /// The pieces made so far.
    public private(set) var texts: [String] = []
    /// The piece being made.
    public var bytes: [UInt8] = []

    public init() {
        bytes.reserveCapacity(TextPieces.pieceSize + TextPieces.pieceSize / 4)
    }

    /// Appends `text` and cuts the piece when it is full.
    public mutating func append(_ text: String) {
        bytes.append(utf8: text)
        cut()
    }

    /// Ends the piece being made if it holds `pieceSize` bytes or more.
    /// Call it only where a whole text ends.
    public mutating func cut() {
        guard bytes.count >= TextPieces.pieceSize else { return }
        texts.append(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }

    /// Every piece, the last one too.
    public consuming func finished() -> [String] {
        if !bytes.isEmpty { texts.append(String(decoding: bytes, as: UTF8.self)) }
        return texts
    }
}
