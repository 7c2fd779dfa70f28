import Foundation
import Synchronization
import PartnerbookSupport
import PartnerbookSystem

/// The last build's store, kept in memory by a process that builds the same
/// output again and again (`serve`). The next build takes it instead of
/// reading and parsing the cache file (half a second at 10,000 partners),
/// but only while that file is still the one this process saved: a `build`
/// run by hand in between replaces the file, and then the file is read.
///
/// With the cache, each partner's listing is kept decoded, under the key it
/// was made with: a partner reused from the kept cache is not decoded from
/// its stored form again (at 10,000 partners decoding them is a second of work).
///
/// The cache is taken out for the build, not shared with it, so the build
/// can let the last build's entries go as it does with a cache it read; a
/// build that stops before saving leaves none kept (the file is read).
package final class StoreMemory<Listing: StoredListing>: Sendable {
    private struct Kept: Sendable {
        var cache: BuildCache
        var listings: [String: KeptListing<Listing>]
        var file: String
        var stamp: FileStamp
    }

    private let kept = Mutex<Kept?>(nil)

    package init() {}

    /// The cache kept for `url` and the listings kept with it, if that file
    /// is still the one saved with them.
    func take(for url: URL) -> (cache: BuildCache, listings: [String: KeptListing<Listing>])? {
        guard let kept = kept.withLock({ kept in defer { kept = nil }; return kept }),
              kept.file == url.path, let now = FileStamp.current(url.path), now == kept.stamp else { return nil }
        return (kept.cache, kept.listings)
    }

    /// Keeps `cache`, just saved to `url`, and the partners' listings.
    func keep(_ cache: BuildCache, listings: [String: KeptListing<Listing>] = [:], savedTo url: URL) {
        var cache = cache
        cache.indexDiagnostics()
        let stamp = FileStamp.current(url.path)
        kept.withLock { $0 = stamp.map { Kept(cache: cache, listings: listings, file: url.path, stamp: $0) } }
    }
}

/// A partner's listing, and the key of the build that made it.
struct KeptListing<Listing: StoredListing>: Sendable {
    var key: String
    var listing: Listing
}

/// What the store keeps of each partner besides its files: the listing the
/// pages that list every partner are made from, as a line of text and its
/// fragments of text (a card, a row: kept as filled, each a line). The
/// listing's type is the renderer's; the store only keeps its stored form.
package protocol StoredListing: Sendable {
    /// The listing as the store writes it; nil when it cannot be written.
    var encoded: (text: String, fragments: [String])? { get }
}
