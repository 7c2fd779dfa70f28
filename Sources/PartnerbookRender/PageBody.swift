import Foundation
import PartnerbookSupport

/// A page's body as the layout receives it: one text, or a list's items
/// between a head and a tail, separated by the same text each time (the
/// home page: its cards, a line each, between what the template writes
/// before and after them). `page` makes the file of the parts, written
/// a bufferful at a time, so a list of 100,000 cards (130 MB) is never
/// joined into a string or a buffer of its own.
struct PageBody {
    var head: String
    var items: [String] = []
    var separator = ""
    var tail = ""
    /// A document's body as cmark-gfm rendered it, bytes never made a string
    /// when a built-in layout frames it (then `head` is empty and unused).
    private var bytes: [UInt8]?

    init(_ text: String) {
        head = text
    }

    init(bytes: [UInt8]) {
        head = ""
        self.bytes = bytes
    }

    /// The bytes of head and tail (a body of items is written from its texts).
    var byteCount: Int { bytes?.count ?? head.utf8.count + tail.utf8.count }

    /// Head and tail, or the bytes, onto `data`.
    func appendBytes(to data: inout Data) {
        if let bytes {
            data.append(contentsOf: bytes)
        } else {
            data.append(utf8: head)
            data.append(utf8: tail)
        }
    }

    /// A body made as pieces one after another (`TextPieces`).
    init(pieces: [String]) {
        self.init(head: "", items: pieces, separator: "", tail: "")
    }

    init(head: String, items: [String], separator: String, tail: String) {
        self.head = head
        self.items = items
        self.separator = separator
        self.tail = tail
    }

    /// The body as one text (for a layout a person wrote, which may use it anywhere).
    var text: String {
        if let bytes { return String(decoding: bytes, as: UTF8.self) }
        return head + items.joined(separator: separator) + tail
    }

    /// The texts whose bytes, one after another, are the body's.
    var texts: [String] {
        if let bytes { return [String(decoding: bytes, as: UTF8.self)] }
        var texts = [head]
        texts.reserveCapacity(items.count * 2 + 1)
        for index in items.indices {
            if index > 0 { texts.append(separator) }
            texts.append(items[index])
        }
        texts.append(tail)
        return texts
    }
}
