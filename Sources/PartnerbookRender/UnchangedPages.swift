import Synchronization
import PartnerbookSupport

/// What lets a build skip a program page made from a text when the text is
/// the one the last build made it from: the program scorecard's Markdown
/// (every partner's row and alert line, filled in the template) is parsed,
/// cleaned, rendered twice and laid out by cmark-gfm, a third of a second
/// at 10,000 partners; filling the template and taking its digest is a
/// tenth of that. An edit that changes nothing the scorecard shows (a
/// partner's summary, its contacts) then leaves cmark-gfm out of it.
///
/// The renderer asks; the caller (the build, with its store) answers.
package final class UnchangedPages<Record: Sendable>: Sendable {
    /// A text's key: its digest on what every page shares (templates, program, date).
    let key: @Sendable (_ textDigest: String) -> String
    /// The last build's records of `paths`, reused, when it made them under `key`; nil when it did not or they cannot be reused.
    let reuse: @Sendable (_ paths: [String], _ key: String) -> [Record]?
    private let keys = Mutex<[String: String]>([:])

    package init(key: @escaping @Sendable (String) -> String, reuse: @escaping @Sendable ([String], String) -> [Record]?) {
        self.key = key
        self.reuse = reuse
    }

    /// The key each page made from a text was made (or reused) under, by the page's path: what the next build compares.
    package var made: [String: String] { keys.withLock { $0 } }

    /// The files of `paths` made from `text`: the last build's when they
    /// were made from the same text (and the title the layout prints), else
    /// `make`'s, each handed to `emit`.
    func files(_ paths: [String], from text: String, title: String, emit: (OutputFile) throws -> Record,
               make: () -> [OutputFile]) throws -> [Record] {
        let key = key(Digest.hex([title, text]))
        keys.withLock { $0[paths[0]] = key }
        if let reused = reuse(paths, key) { return reused }
        return try make().map(emit)
    }
}
