import Foundation
import Testing
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The store lets the last build's entries go as soon as it knows no key
/// can match (the shared key part changed: another day, template, binary),
/// and keeps them while it is the same.
@Suite struct BuildStoreBaseTests {
    private struct Note: StoredListing {
        var encoded: (text: String, fragments: [String])? { ("note", []) }
    }

    /// A store that saved one partner, `p`, and the program entry under `parts`.
    private func saved(in folder: TemporaryFolder, parts: [String]) -> URL {
        let output = folder.url.appendingPathComponent("out")
        var store = BuildStore<Note>(output: output, enabled: true)
        store.share(parts)
        let key = store.key(id: "p", fileDigest: "digest")!
        let partner = BuildStore<Note>.Partner(id: "p", key: key, files: BuildCache.FileList([BuildCache.File(path: "partners/p/index.html", size: 1)]),
                                               listing: nil, stored: ("note", []), history: nil)
        store.save(.init(partners: [partner], program: BuildCache.Entry(key: "program", files: [BuildCache.File(path: "index.html", size: 1)]),
                         inputs: "inputs", partnerCount: 1, diagnostics: [], stamps: [:], spare: nil))
        return output
    }

    @Test func theSameSharedPartKeepsTheLastBuildsEntries() {
        let folder = TemporaryFolder()
        let output = saved(in: folder, parts: ["binary", "templates", "2026-12-07"])
        #expect(BuildCache.load(from: BuildStore<Note>.location(for: output)).base != nil, "the cache records the shared part")
        var store = BuildStore<Note>(output: output, enabled: true)
        store.share(["binary", "templates", "2026-12-07"])
        #expect(!store.isEmpty)
        let key = store.key(id: "p", fileDigest: "digest")!
        #expect(store.reusable(id: "p", key: key, repositoryState: { "" }, decode: { text, _ in text == "note" ? Note() : nil }) != nil)
    }

    @Test func anotherSharedPartLetsTheLastBuildsEntriesGo() {
        let folder = TemporaryFolder()
        let output = saved(in: folder, parts: ["binary", "templates", "2026-12-07"])
        var store = BuildStore<Note>(output: output, enabled: true)
        #expect(!store.isEmpty, "read before the shared part is known")
        store.share(["binary", "templates", "2026-12-08"])
        #expect(store.isEmpty, "a new day: nothing can be reused, nothing is held")
        #expect(store.reusableProgram(key: "program") == nil)
    }
}
