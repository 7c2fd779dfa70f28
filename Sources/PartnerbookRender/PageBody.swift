import Foundation
import PartnerbookSupport

/// A page's body as the layout receives it: one text, or a list's items
/// between a head and a tail, separated by the same text each time (the
/// home page: its cards, a line each, between what the template writes
/// before and after them). `page` copies the parts straight into the file's
/// bytes, so a list of 100,000 cards (130 MB) is never joined into a
/// string of its own first.
struct PageBody {
    var head: String
    var items: [String] = []
    var separator = ""
    var tail = ""

    init(_ text: String) {
        head = text
    }

    init(head: String, items: [String], separator: String, tail: String) {
        self.head = head
        self.items = items
        self.separator = separator
        self.tail = tail
    }

    /// The body as one text (for a layout a person wrote, which may use it anywhere).
    var text: String { head + items.joined(separator: separator) + tail }

    /// How many bytes `append` adds.
    var byteCount: Int {
        head.utf8.count + items.reduce(0) { $0 + $1.utf8.count } + separator.utf8.count * max(items.count - 1, 0) + tail.utf8.count
    }

    /// Appends the body's bytes to `data`.
    func append(to data: inout Data) {
        data.append(utf8: head)
        for index in items.indices {
            if index > 0 { data.append(utf8: separator) }
            data.append(utf8: items[index])
        }
        data.append(utf8: tail)
    }
}
