import Foundation
import Synchronization
import PartnerbookSupport
import PartnerbookOutput

/// The last build's cache, kept in memory by a process that builds the same
/// output again and again (`serve`). The next build takes it instead of
/// reading and parsing the cache file (half a second at 10,000 partners),
/// but only while that file is still the one this process saved: a `build`
/// run by hand in between replaces the file, and then the file is read.
///
/// The cache is taken out for the build, not shared with it, so the build
/// can let the last build's entries go as it does with a cache it read; a
/// build that stops before saving leaves none kept (the file is read).
public final class BuildMemory: Sendable {
    private struct Kept: Sendable {
        var cache: BuildCache
        var file: String
        var stamp: FileStamp
    }

    private let kept = Mutex<Kept?>(nil)

    public init() {}

    /// The cache kept for `url`, if that file is still the one saved with it.
    func take(for url: URL) -> BuildCache? {
        guard let kept = kept.withLock({ kept in defer { kept = nil }; return kept }),
              kept.file == url.path, let now = FileStamp.current(url.path), now == kept.stamp else { return nil }
        return kept.cache
    }

    /// Keeps `cache`, just saved to `url`.
    func keep(_ cache: BuildCache, savedTo url: URL) {
        var cache = cache
        cache.indexDiagnostics()
        let stamp = FileStamp.current(url.path)
        kept.withLock { $0 = stamp.map { Kept(cache: cache, file: url.path, stamp: $0) } }
    }
}
