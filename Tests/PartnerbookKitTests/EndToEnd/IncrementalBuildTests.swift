import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// Incremental and parallel builds give the same bytes as a full serial build,
/// and do only the work a change calls for.
@Suite struct IncrementalBuildTests {
    private func tree(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in OutputWriter.filesBelow(url) { out[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        return out
    }

    private func build(_ folder: TemporaryFolder, _ output: String, _ extra: [String] = []) throws -> Binary.Result {
        try Binary.run(["build", "--content", "content", "--templates", "templates", "--output", output] + extra, in: folder.url)
    }

    private func folder(partners: Int) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        for index in 0..<partners { folder.write("content/partners/p\(index).yaml", Fixtures.partner) }
        try FileManager.default.copyItem(at: TestBuild.templates, to: folder.url.appendingPathComponent("templates"))
        return folder
    }

    @Test func parallelOutputEqualsSerialOutput() throws {
        let folder = try folder(partners: 6)
        #expect(try build(folder, "serial", ["--jobs", "1", "--no-cache"]).status == 0)
        #expect(try build(folder, "parallel", ["--jobs", "4", "--no-cache"]).status == 0)
        #expect(try tree(folder.url.appendingPathComponent("serial")) == tree(folder.url.appendingPathComponent("parallel")))
    }

    /// The spare tree (the previous output, kept and patched by the next
    /// build) never shows: after every kind of change, the output holds
    /// exactly the files, byte for byte, of a build without the cache and
    /// without a spare, plus what a person put there, and nothing removed
    /// comes back.
    @Test func patchingTheSpareTreeGivesTheBytesOfAFreshBuild() throws {
        let folder = try folder(partners: 6)
        let parent = folder.url
        func spares() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".out.spare-") }
        }
        func expectFresh(_ step: String, plus extra: [String: Data] = [:]) throws {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent("fresh"))
            #expect(try build(folder, "fresh", ["--no-cache"]).status == 0)
            var expected = try tree(parent.appendingPathComponent("fresh"))
            for (path, data) in extra { expected[path] = data }
            let actual = try tree(parent.appendingPathComponent("out"))
            #expect(Set(actual.keys) == Set(expected.keys), "\(step): \(Set(actual.keys).symmetricDifference(expected.keys).sorted())")
            for (path, data) in expected where actual[path] != data { Issue.record("\(step): \(path) differs from a fresh build") }
        }
        #expect(try build(folder, "out").status == 0)
        #expect(try spares().isEmpty, "a full build leaves no spare: it would share nothing")
        for round in 1...3 {
            folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue \(round)"))
            #expect(try build(folder, "out").status == 0)
            #expect(try spares().count == 1, "round \(round): the previous output is kept as the spare")
            try expectFresh("round \(round)")
        }
        // A person's file is carried over; a removed partner's files go.
        folder.write("out/notes.txt", "mine")
        try FileManager.default.removeItem(at: parent.appendingPathComponent("content/partners/p5.yaml"))
        #expect(try build(folder, "out").status == 0)
        try expectFresh("partner removed", plus: ["notes.txt": Data("mine".utf8)])
        folder.write("content/partners/p1.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: More"))
        #expect(try build(folder, "out").status == 0)
        try expectFresh("after removal", plus: ["notes.txt": Data("mine".utf8)])
        // The person's file removed does not come back from the spare.
        try FileManager.default.removeItem(at: parent.appendingPathComponent("out/notes.txt"))
        folder.write("content/partners/p1.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Most"))
        #expect(try build(folder, "out").status == 0)
        try expectFresh("person's file removed")
        #expect(try spares().count == 1, "one spare at a time")
    }

    /// The sitemaps list every page: an edit that leaves the output's paths
    /// as they were reuses them (the same file, not written again); a
    /// partner added makes them again, listing it.
    @Test func theSitemapIsMadeAgainOnlyWhenThePathsChange() throws {
        let folder = try folder(partners: 2)
        let sitemap = folder.url.appendingPathComponent("out/sitemap.xml")
        func inode() throws -> UInt64 {
            (try FileManager.default.attributesOfItem(atPath: sitemap.path)[.systemFileNumber] as? UInt64) ?? 0
        }
        #expect(try build(folder, "out").status == 0)
        folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue 1"))
        #expect(try build(folder, "out").status == 0)
        let before = try inode()
        folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue 2"))
        #expect(try build(folder, "out").status == 0)
        #expect(try inode() == before, "the same paths: the sitemap is reused")
        folder.write("content/partners/p9.yaml", Fixtures.partner)
        #expect(try build(folder, "out").status == 0)
        #expect(try inode() != before)
        #expect(try String(contentsOf: sitemap, encoding: .utf8).contains("partners/p9/"), "a partner added is listed")
    }

    /// An edit seals its output's folders (`FolderSeal`), and the next build,
    /// finding them as sealed, does not walk the output for what a person
    /// put there. A file or folder a person puts anywhere in it breaks the
    /// seal, and is carried into the new output as it was.
    @Test func whatAPersonPutDeepInASealedOutputIsCarried() throws {
        let folder = try folder(partners: 3)
        let out = folder.url.appendingPathComponent("out")
        func sealed() throws -> Bool {
            try String(contentsOf: folder.url.appendingPathComponent(".out.cache"), encoding: .utf8).contains("\nfolders\t")
        }
        #expect(try build(folder, "out").status == 0)
        for round in 1...2 {
            folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue \(round)"))
            #expect(try build(folder, "out").status == 0)
            #expect(try sealed(), "round \(round): the edit sealed its output")
        }
        let deep = try #require(OutputWriter.filesBelow(out).filter { $0.hasPrefix("partners/p2/") }.max { $0.split(separator: "/").count < $1.split(separator: "/").count })
        let mine = (deep as NSString).deletingLastPathComponent + "/mine.txt"
        folder.write("out/" + mine, "mine")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("partners/p1/drafts"), withIntermediateDirectories: false)
        folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue 3"))
        #expect(try build(folder, "out").status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent(mine), encoding: .utf8) == "mine", "\(mine) is carried")
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("partners/p1/drafts").path, isDirectory: &isFolder)
                && isFolder.boolValue, "the empty folder a person made is carried")
        #expect(try !sealed(), "an output holding a person's entries is not sealed: the next build walks it")
        folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue 4"))
        #expect(try build(folder, "out").status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent(mine), encoding: .utf8) == "mine", "and carried again")
        try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("fresh"))
        #expect(try build(folder, "fresh", ["--no-cache"]).status == 0)
        var expected = try tree(folder.url.appendingPathComponent("fresh"))
        expected[mine] = Data("mine".utf8)
        #expect(try tree(out) == expected, "the output is a fresh build's plus the person's file")
    }

    /// A build that writes its output afresh keeps a hard-linked copy of a
    /// big enough output as the spare (here any size), so the first edit
    /// patches it: the spare becomes the new output, and its bytes are a
    /// fresh build's.
    @Test func aFreshBuildLeavesALinkedSpareThatTheFirstEditPatches() throws {
        let folder = try folder(partners: 3)
        let parent = folder.url
        func spares() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".out.spare-") }
        }
        func inode(_ path: String) throws -> UInt64 {
            (try FileManager.default.attributesOfItem(atPath: parent.appendingPathComponent(path).path)[.systemFileNumber] as? UInt64) ?? 0
        }
        var configuration = BuildConfiguration.test(parent.appendingPathComponent("content"), output: parent.appendingPathComponent("out"))
        configuration.linkedSpareFrom = 1
        _ = try Build.run(configuration)
        let linked = try spares()
        try #require(linked.count == 1, "a fresh build keeps a linked spare")
        let output = try tree(parent.appendingPathComponent("out"))
        #expect(try tree(parent.appendingPathComponent(linked[0])) == output, "the spare holds the output's files")
        #expect(try inode("out/partners/p0/index.html") == inode(linked[0] + "/partners/p0/index.html"), "linked, not copied")
        let spareFolder = try inode(linked[0])

        folder.write("content/partners/p0.yaml", Fixtures.partner(replacing: "us: Revenue", with: "us: Revenue edited"))
        _ = try Build.run(configuration)
        #expect(try inode("out") == spareFolder, "the first edit patched the linked spare into the new output")
        #expect(try spares().count == 1 && spares() != linked, "the fresh build's output is the next spare")
        var fresh = configuration
        fresh.output = parent.appendingPathComponent("fresh")
        fresh.useCache = false
        _ = try Build.run(fresh)
        #expect(try tree(parent.appendingPathComponent("out")) == tree(parent.appendingPathComponent("fresh")))
    }

    /// The program pages made from partners reused from the store are the
    /// pages a fresh build makes: the example program (figures recorded
    /// ahead of a planned review, an ended partner, every tier) with one
    /// other partner edited.
    @Test func reusedListingsGiveTheProgramPagesOfAFreshBuild() throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("Content"), to: folder.url.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: TestBuild.templates, to: folder.url.appendingPathComponent("templates"))
        #expect(try build(folder, "out").status == 0)
        let edited = folder.url.appendingPathComponent("content/partners/polaris-hosting.yaml")
        try (try String(contentsOf: edited, encoding: .utf8) + "# edited\n").write(to: edited, atomically: true, encoding: .utf8)
        let result = try build(folder, "out")
        #expect(result.stderr.contains("(1 rendered, 7 reused"), "\(result.stderr)")
        #expect(try build(folder, "fresh", ["--no-cache"]).status == 0)
        let out = try tree(folder.url.appendingPathComponent("out")), fresh = try tree(folder.url.appendingPathComponent("fresh"))
        #expect(Set(out.keys) == Set(fresh.keys))
        #expect(String(decoding: out["program/scorecard.md"] ?? Data(), as: UTF8.self).contains("recorded ahead of a review still planned"))
        for (path, data) in fresh where out[path] != data { Issue.record("\(path) differs from a fresh build") }
    }

    /// The program scorecard (parsed and rendered by cmark-gfm) is made
    /// again only when its text changed: a partner's summary edited keeps
    /// the last build's files (the same inodes); a name edited, or the
    /// scorecard edited by hand in the output, makes it again. Every time,
    /// the output is a fresh build's.
    @Test func theProgramScorecardIsMadeAgainOnlyWhenItsTextChanged() throws {
        let folder = try folder(partners: 3)
        let parent = folder.url
        func inode(_ path: String) throws -> UInt64 {
            (try FileManager.default.attributesOfItem(atPath: parent.appendingPathComponent("out/" + path).path)[.systemFileNumber] as? UInt64) ?? 0
        }
        func expectFresh(_ step: String) throws {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent("fresh"))
            #expect(try build(folder, "fresh", ["--no-cache"]).status == 0)
            let out = try tree(parent.appendingPathComponent("out")), fresh = try tree(parent.appendingPathComponent("fresh"))
            #expect(Set(out.keys) == Set(fresh.keys), "\(step)")
            for (path, data) in fresh where out[path] != data { Issue.record("\(step): \(path) differs from a fresh build") }
        }
        let pages = ["program/scorecard.md", "program/scorecard.html"]
        #expect(try build(folder, "out").status == 0)
        var before = try pages.map(inode)

        folder.write("content/partners/p1.yaml", Fixtures.partner.replacingOccurrences(of: "A *good* partner.", with: "Summary edited."))
        #expect(try build(folder, "out").stderr.contains("(1 rendered, 2 reused"))
        #expect(try pages.map(inode) == before, "the summary is not on the scorecard: its files are the last build's")
        #expect(try inode("index.html") != (try inode("partners/p0/index.html")), "sanity: inodes are read")
        try expectFresh("summary edited")

        folder.write("content/partners/p1.yaml", Fixtures.partner.replacingOccurrences(of: "name: Acme Cloud", with: "name: Renamed Cloud"))
        #expect(try build(folder, "out").status == 0)
        #expect(try pages.map(inode) != before, "the name is on the scorecard: made again")
        #expect(String(decoding: try Data(contentsOf: parent.appendingPathComponent("out/program/scorecard.md")), as: UTF8.self)
            .contains("Renamed Cloud"))
        try expectFresh("name edited")

        before = try pages.map(inode)
        let scorecard = parent.appendingPathComponent("out/program/scorecard.md")
        try Data("tampered".utf8).write(to: scorecard)
        folder.write("content/partners/p2.yaml", Fixtures.partner.replacingOccurrences(of: "A *good* partner.", with: "Another summary."))
        #expect(try build(folder, "out").status == 0)
        #expect(try inode("program/scorecard.md") != before[0], "a scorecard edited by hand is made again")
        try expectFresh("scorecard edited by hand")
    }

    @Test func rebuildsOnlyWhatChanged() throws {
        let folder = try folder(partners: 4)
        let first = try build(folder, "out")
        #expect(first.stderr.contains("(4 rendered, 0 reused"))
        let unchanged = try build(folder, "out")
        #expect(unchanged.stderr.contains("out is up to date"), "\(unchanged.stderr)")

        folder.write("content/partners/p2.yaml", Fixtures.partner.replacingOccurrences(of: "A *good* partner.", with: "Changed."))
        let one = try build(folder, "out")
        #expect(one.stderr.contains("(1 rendered, 3 reused"), "\(one.stderr)")
        let incremental = try tree(folder.url.appendingPathComponent("out"))
        #expect(try build(folder, "fresh", ["--no-cache"]).status == 0)
        #expect(incremental == (try tree(folder.url.appendingPathComponent("fresh"))), "incremental equals a full build")
        #expect(String(decoding: incremental["partners/p2/index.html"]!, as: UTF8.self).contains("Changed."))

        let css = folder.url.appendingPathComponent("templates/assets/partnerbook.css")
        try (try String(contentsOf: css, encoding: .utf8) + "\n/* edited */\n").write(to: css, atomically: true, encoding: .utf8)
        #expect(try build(folder, "out").stderr.contains("(4 rendered, 0 reused"), "a template change renders everything")
    }

    @Test func anUnchangedBuildReplaysTheSameDiagnosticsAndExitCode() throws {
        let folder = try folder(partners: 2)
        folder.write("content/partners/warn.yaml", Fixtures.partner + "\nunknown_key: 1\n")
        let first = try build(folder, "out")
        let second = try build(folder, "out")
        #expect(second.stderr.contains("out is up to date"))
        #expect(second.stdout == first.stdout)
        #expect(second.stdout.contains("[schema.unknown-key]"))
        #expect(try build(folder, "out", ["--strict"]).status == 1, "--strict still fails on the replayed warnings")
        let later = try build(folder, "out", ["--as-of", "2027-06-01"])
        #expect(!later.stderr.contains("up to date"), "another as-of date is another build")
        #expect(later.stdout.contains("[review.overdue]"))
    }

    @Test func aHandEditedOutputFileIsRenderedAgain() throws {
        let folder = try folder(partners: 2)
        #expect(try build(folder, "out").status == 0)
        let charter = folder.url.appendingPathComponent("out/partners/p0/charter.html")
        let original = try Data(contentsOf: charter)
        try Data("tampered".utf8).write(to: charter)
        let result = try build(folder, "out")
        #expect(result.stderr.contains("(1 rendered, 1 reused"), "\(result.stderr)")
        #expect(try Data(contentsOf: charter) == original)
    }

    @Test func reuseNeverWritesThroughToThePreviousOutput() throws {
        let folder = try folder(partners: 2)
        #expect(try build(folder, "out").status == 0)
        let before = try tree(folder.url.appendingPathComponent("out"))
        // Hard links are shared between the two outputs; a rendered file must not modify the old one.
        folder.write("content/partners/p1.yaml", Fixtures.partner.replacingOccurrences(of: "A *good* partner.", with: "New."))
        let pinned = folder.url.appendingPathComponent("pinned")
        try FileManager.default.createDirectory(at: pinned, withIntermediateDirectories: true)
        for path in before.keys where path.hasPrefix("partners/p1/") {
            let target = pinned.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
            try FileManager.default.linkItem(at: folder.url.appendingPathComponent("out/" + path), to: target)
        }
        #expect(try build(folder, "out").status == 0)
        for path in before.keys where path.hasPrefix("partners/p1/") {
            let pinnedCopy = try Data(contentsOf: pinned.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_")))
            #expect(pinnedCopy == before[path], "\(path) changed through a shared inode")
        }
    }

    @Test func unchangedPartnersAreNotReadAgain() throws {
        let folder = try folder(partners: 3)
        #expect(try build(folder, "out").status == 0)
        // What the home page says of p0 comes from the cache, not from its file:
        // a listing edited there shows, because p0's file is not read again.
        let cacheURL = folder.url.appendingPathComponent(".out.cache")
        let cache = try String(contentsOf: cacheURL, encoding: .utf8)
        let lines = cache.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let p0 = try #require(lines.firstIndex { $0.hasPrefix("partner\tp0\t") })
        #expect(lines[p0 + 1].hasPrefix("listing\t"))
        var edited = lines
        // The card as its template filled it is kept beside the listing (the home page joins the cards).
        let card = try #require(lines.indices.first { $0 > p0 && lines[$0].hasPrefix("fragment\t<li class=") })
        edited[card] = lines[card].replacingOccurrences(of: "fragment\t<li class=", with: "fragment\t<li data-marker=\"marker-from-cache\" class=")
        // Written in place: the cache is trusted only while it is the file the build wrote (its inode).
        let handle = try FileHandle(forUpdating: cacheURL)
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(edited.joined(separator: "\n").utf8))
        try handle.close()

        folder.write("content/partners/p2.yaml", Fixtures.partner.replacingOccurrences(of: "A *good* partner.", with: "Changed."))
        let one = try build(folder, "out")
        #expect(one.stderr.contains("(1 rendered, 2 reused"), "\(one.stderr)")
        let home = try String(contentsOf: folder.url.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(home.contains("marker-from-cache"))

        // A build without the cache reads every file again.
        #expect(try build(folder, "out", ["--no-cache"]).status == 0)
        let fresh = try String(contentsOf: folder.url.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(!fresh.contains("marker-from-cache"))
    }

    @Test func aChangedPartnerWithAnErrorWritesNothingAndReportsTheReusedPartnersFindings() throws {
        let folder = try folder(partners: 2)
        folder.write("content/partners/warn.yaml", Fixtures.partner + "\nunknown_key: 1\n")
        #expect(try build(folder, "out").status == 0)
        let before = try tree(folder.url.appendingPathComponent("out"))
        folder.write("content/partners/p1.yaml", Fixtures.partner.replacingOccurrences(of: "tier: ", with: "tier: nine # "))
        let failed = try build(folder, "out")
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("p1.yaml"))
        #expect(failed.stdout.contains("[schema.unknown-key]"), "the unchanged partner's warning is still reported")
        #expect(try tree(folder.url.appendingPathComponent("out")) == before)
    }
}
