import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookOutput
import PartnerbookRender
import PartnerbookTestSupport

/// `serve` keeps the cache in memory between rebuilds: a rebuild from it
/// gives the bytes and findings of a build that read the cache file, and
/// the kept cache is used only while the file is the one saved with it.
@Suite struct BuildMemoryTests {
    private func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        for index in 0..<3 { folder.write("content/partners/p\(index).yaml", Fixtures.partner) }
        folder.write("content/partners/warn.yaml", Fixtures.partner + "\nunknown_key: 1\n")
        return folder
    }

    private func tree(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in OutputWriter.filesBelow(url) { out[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        return out
    }

    private func fresh(_ folder: TemporaryFolder) throws -> [String: Data] {
        let output = folder.url.appendingPathComponent("fresh")
        try? FileManager.default.removeItem(at: output)
        var configuration = BuildConfiguration.test(folder.url.appendingPathComponent("content"), output: output)
        configuration.useCache = false
        #expect(try Build.run(configuration).written != nil)
        return try tree(output)
    }

    @Test func rebuildsFromTheKeptCacheGiveTheBytesAndFindingsOfAFreshBuild() throws {
        let folder = folder()
        let output = folder.url.appendingPathComponent("out")
        let configuration = BuildConfiguration.test(folder.url.appendingPathComponent("content"), output: output)
        let memory = Build.Memory()
        var announced: [Int?] = []
        let first = try Build.run(configuration, memory: memory) { announced.append($0.written) }
        #expect(announced == [first.written] && first.rendered == 4)

        for (round, partner) in ["p2", "p0", "p2"].enumerated() {
            // The summary shows on the home page's card: a listing kept in memory from before the change must not.
            folder.write("content/partners/\(partner).yaml", Fixtures.partner(replacing: "A *good* partner.", with: "Changed \(round)."))
            // In the middle round a build by hand replaces the cache file: the kept cache is then not used.
            if round == 1 {
                folder.write("content/partners/p1.yaml", Fixtures.partner(replacing: "A *good* partner.", with: "By hand."))
                #expect(try Build.run(configuration).rendered == 2, "p1 and this round's partner")
                folder.write("content/partners/\(partner).yaml", Fixtures.partner(replacing: "A *good* partner.", with: "Again \(round)."))
            }
            let again = try Build.run(configuration, memory: memory) { announced.append($0.written) }
            #expect(again.rendered == 1, "round \(round)")
            #expect(again.report.diagnostics.contains { $0.file.hasSuffix("warn.yaml") && $0.rule.id == "schema.unknown-key" },
                    "round \(round): the reused partner's finding comes back from the kept cache")
            var built = try tree(output)
            built[OutputWriter.manifestName] = nil
            var expected = try fresh(folder)
            expected[OutputWriter.manifestName] = nil
            #expect(built == expected, "round \(round)")
            let home = String(decoding: built["index.html"] ?? Data(), as: UTF8.self)
            #expect(home.contains(round == 1 ? "Again 1." : "Changed \(round)."), "round \(round)")
        }
        #expect(announced.count == 4, "each build announced once, when its output was in place")
        // Since the build by hand, the unchanged partners' listings are kept
        // decoded, and their texts are left in the cache file that build wrote.
        let kept = try #require(memory.take(for: BuildStore<PartnerListing>.location(for: output)))
        let unchanged = try #require(kept.cache.partners["warn"])
        #expect(unchanged.listing == nil && unchanged.listingAt != nil && kept.listings["warn"] != nil)
        let text = try #require(kept.cache.listing(of: unchanged), "read back from the file")
        #expect(text == kept.listings["warn"]?.listing.encoded?.text, "the noted bytes are the kept listing's stored form")
    }

    @Test func theKeptCacheIsTakenOnceAndOnlyWhileItsFileIsUnchanged() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        var cache = BuildCache(partners: ["p": BuildCache.Entry(id: "p", key: "k", files: [])])
        cache.diagnostics = [Diagnostic(file: "partners/p.yaml", at: SourcePosition(line: 1, column: 1), severity: .warning,
                                        rule: Rule("rule.id", .warning), message: "kept")]
        cache.save(to: url)
        let memory = Build.Memory()
        memory.keep(cache, savedTo: url)
        let taken = try #require(memory.take(for: url)).cache
        #expect(taken.partners["p"]?.key == "k")
        #expect(taken.diagnostics(of: "partners/p.yaml").map(\.message) == ["kept"])
        #expect(memory.take(for: url) == nil, "taken out, not shared")

        memory.keep(cache, savedTo: url)
        BuildCache(partners: [:]).save(to: url)
        #expect(memory.take(for: url) == nil, "the file was saved again by another build")
        memory.keep(cache, savedTo: url)
        #expect(memory.take(for: folder.url.appendingPathComponent(".other.cache")) == nil, "another output's cache")
    }
}
