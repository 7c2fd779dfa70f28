import Foundation
import PartnerbookModel
import PartnerbookRules
import PartnerbookSupport

/// What changed since a stale signature, marked where each change stands in
/// the charter: removed words struck, added words marked, word by word.
///
/// Views put markers into the text before it is rendered; after cmark-gfm
/// has rendered the document, `DocumentRenderer` turns them into `<del>` and
/// `<ins>` in both the Markdown and the HTML. A marker carries a nonce made
/// once per process, so no partner file can forge one; the output never
/// holds it.
package struct Redline: Sendable {
    static let nonce: String = {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt32, radix: 16) }.joined()
    }()
    static let removedStart = "\u{F8F1}\(nonce)a\u{F8F2}"
    static let removedEnd = "\u{F8F1}\(nonce)b\u{F8F2}"
    static let addedStart = "\u{F8F1}\(nonce)c\u{F8F2}"
    static let addedEnd = "\u{F8F1}\(nonce)d\u{F8F2}"

    /// The changes, by path (`charter.goals.us`, `charter.value_exchange.we_give[2]`).
    let changes: [String: CharterDiff.Change]

    static let none = Redline(changes: [:])

    init(changes: [String: CharterDiff.Change]) {
        self.changes = changes
    }

    init(_ diff: CharterDiff?) {
        changes = Dictionary((diff?.changes ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var isEmpty: Bool { changes.isEmpty }

    /// Prose at `path`, its changes marked word by word (the text as it is when nothing changed there).
    func prose(_ path: String, _ current: String?) -> String? {
        guard let change = changes[path] else { return current }
        guard let old = change.old else { return current.map(Redline.added) }
        guard let current, !current.isBlank else { return Redline.removed(old) }
        // The white space after a changed run stays outside its marker; a
        // removal followed by its replacement is kept apart from it by one
        // space, so the two never read (or copy out of a PDF) as one word.
        let parts = WordDiff.parts(from: old, to: Trim.whitespace(current))
        return parts.indices.map { index in
            switch parts[index] {
            case .same(let text): return text
            case .removed(let text):
                let (words, space) = Redline.splitTrailingSpace(text)
                if index + 1 < parts.count, case .added = parts[index + 1] { return Redline.removed(words) + " " }
                return Redline.removed(words) + space
            case .added(let text):
                let (words, space) = Redline.splitTrailingSpace(text)
                return Redline.added(words) + space
            }
        }.joined()
    }

    /// A value shown formatted (a number, a date, a word): the signed value
    /// struck, formatted the same way, then the value now.
    func value(_ path: String, display: String, format: (String) -> String = { $0 }) -> String {
        guard let change = changes[path] else { return display }
        guard let old = change.old else { return Redline.added(display) }
        return Redline.removed(format(old)) + " " + Redline.added(display)
    }

    /// Items of a list that were signed but are no longer in it (paths `list[N]` beyond its length now).
    func removedItems(_ list: String, count: Int) -> [String] {
        var out: [String] = []
        var index = count + 1
        while let change = changes["\(list)[\(index)]"], change.new == nil, let old = change.old {
            out.append(Redline.removed(old))
            index += 1
        }
        return out
    }

    static func splitTrailingSpace(_ text: String) -> (String, String) {
        let words = text.reversed().drop { $0.isWhitespace }.reversed()
        return (String(words), String(text.dropFirst(words.count)))
    }

    static func removed(_ text: String) -> String { text.isEmpty ? "" : removedStart + text + removedEnd }
    static func added(_ text: String) -> String { text.isEmpty ? "" : addedStart + text + addedEnd }

    /// What the rendered document's markers become: HTML elements (in the
    /// Markdown too: GitHub shows them). In HTML (`announced`) each mark
    /// starts with words a screen reader says ("deleted:", "inserted:"),
    /// hidden on the screen and the printed page: most screen readers say
    /// nothing of `<del>` and `<ins>` themselves. `DocumentRenderer` makes
    /// them in the same pass over the bytes as the extension sentinel.
    static func replacements(announced: Bool) -> [(needle: String, replacement: String)] {
        let del = announced ? "<del><span class=\"visually-hidden\">deleted: </span>" : "<del>"
        let ins = announced ? "<ins><span class=\"visually-hidden\">inserted: </span>" : "<ins>"
        return [(removedStart, del), (removedEnd, "</del>"), (addedStart, ins), (addedEnd, "</ins>")]
    }
}
