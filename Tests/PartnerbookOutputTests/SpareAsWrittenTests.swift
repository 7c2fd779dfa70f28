import Foundation
import Testing
import PartnerbookModel
@testable import PartnerbookOutput
import PartnerbookSupport
import PartnerbookTestSupport

/// A build that expects to write every file afresh links the next build's
/// spare as it writes, not after the swap; whenever that spare is not a
/// copy of the output, the commit drops it and links one the old way.
@Suite struct SpareAsWrittenTests {
    private static let partnerFiles = ["partners/p0/charter.html", "partners/p0/charter.md", "partners/p0/qbr/2026-q1.md",
                                       "partners/p1/charter.html", "partners/p1/qbr/briefs/2026-q1-brief.html"]

    private func spares(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".out.spare-") }.sorted()
    }

    private func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Every regular file below `url` with its bytes and inode.
    private func files(_ url: URL) -> [String: (bytes: Data, inode: UInt64?)] {
        var found: [String: (bytes: Data, inode: UInt64?)] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: url.path) ?? .init() {
            let file = url.appendingPathComponent(path)
            var info = stat()
            guard lstat(file.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            found[path] = ((try? Data(contentsOf: file)) ?? Data(), UInt64(info.st_ino))
        }
        return found
    }

    private func waitUntilGone(_ url: URL) {
        var waited = 0.0
        while FileManager.default.fileExists(atPath: url.path) && waited < 20 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 0.05
        }
    }

    /// Writes the partners' files (two batches, from two threads) and a program page, and commits.
    private func build(_ area: StagingArea, text: String, reusing reused: [BuildCache.File] = []) throws -> [BuildCache.File] {
        let batches = [Array(SpareAsWrittenTests.partnerFiles.prefix(3)), Array(SpareAsWrittenTests.partnerFiles.dropFirst(3))]
        var written = try Parallel.map(batches, jobs: 2) { batch in
            Result { try area.write(batch.map { OutputFile(.charter, $0, "\(text) \($0)") }) }
        }.map { try $0.get() }
        written.append([try area.write(OutputFile(.programPage, "index.html", "\(text) home"))])
        if !reused.isEmpty { #expect(area.reuse(reused)) }
        let paths = written.joined().map(\.path) + reused.map(\.path)
        try area.commit(paths: SortedPaths(lists: [], others: paths))
        return Array(written.joined())
    }

    @Test func eachFileIsLinkedIntoTheSpareAsItIsWritten() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        let area = try StagingArea(output: output, force: false, keepSpare: true, linkedSpareFrom: 1, linkAsWritten: true)
        let first = try area.write(OutputFile(.charter, "partners/p0/charter.md", "charter"))
        let made = try spares(in: folder)
        try #require(made.count == 1, "the spare is there from the start")
        let spareFile = folder.url.appendingPathComponent(made[0] + "/partners/p0/charter.md")
        #expect(try String(contentsOf: spareFile, encoding: .utf8) == "charter", "linked once written, before the commit")
        try area.commit(paths: SortedPaths(lists: [], others: [first.path]))
        #expect(try spares(in: folder) == made, "the commit keeps it, and links no other")
        #expect(area.spare.map { ".out.spare-" + $0.id } == made[0])
        #expect(inode(spareFile) == inode(output.appendingPathComponent("partners/p0/charter.md")), "the output's very file")
        var info = stat()
        #expect(lstat(folder.url.appendingPathComponent(made[0]).path, &info) == 0 && info.st_mode & 0o777 == 0o700)
    }

    @Test func theSpareIsACopyOfTheOutputSharingEveryFile() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        let area = try StagingArea(output: output, force: false, keepSpare: true, linkedSpareFrom: 1, linkAsWritten: true)
        _ = try build(area, text: "first")
        let spare = try #require(area.spare)
        let out = files(output), copy = files(folder.url.appendingPathComponent(".out.spare-\(spare.id)"))
        #expect(Set(out.keys) == Set(SpareAsWrittenTests.partnerFiles + ["index.html", OutputWriter.manifestName]))
        #expect(Set(copy.keys) == Set(out.keys), "nothing more, nothing less, the manifest included")
        for (path, file) in out {
            #expect(copy[path]?.inode == file.inode && copy[path]?.bytes == file.bytes, "\(path) is the same file")
        }
        #expect(try spares(in: folder).count == 1)
    }

    /// A file reused from the last output (not expected when nothing was to
    /// be reused) spoils the spare made as written: the commit removes it and
    /// links a copy of the whole output after the swap, as before.
    @Test func aReusedFileSpoilsItAndTheCommitLinksACopy() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        // A first output holding a file the second build reuses.
        let first = try StagingArea(output: output, force: false)
        let kept = try first.write(OutputFile(.programPage, "program/report.html", "report"))
        try first.commit(paths: SortedPaths(lists: [], others: [kept.path]))

        let area = try StagingArea(output: output, force: false, keepSpare: true, linkedSpareFrom: 1, linkAsWritten: true)
        let asWritten = try spares(in: folder)
        try #require(asWritten.count == 1)
        _ = try build(area, text: "second", reusing: [kept])
        let spare = try #require(area.spare)
        #expect(".out.spare-\(spare.id)" != asWritten[0], "a copy linked at the commit")
        #expect(try spares(in: folder) == [".out.spare-\(spare.id)"], "the spoiled one is removed")
        let out = files(output), copy = files(folder.url.appendingPathComponent(".out.spare-\(spare.id)"))
        #expect(Set(copy.keys) == Set(out.keys) && out["program/report.html"] != nil)
        for (path, file) in out { #expect(copy[path]?.inode == file.inode, "\(path) is the same file") }
    }

    /// An output below the size a spare is kept for, and a build abandoned:
    /// the spare made as written is removed (a small one at once), and none is recorded.
    @Test func noSpareIsLeftBelowTheSizeOrWhenTheBuildIsAbandoned() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        let small = try StagingArea(output: output, force: false, keepSpare: true, linkedSpareFrom: 100, linkAsWritten: true)
        let made = try spares(in: folder)
        try #require(made.count == 1)
        _ = try build(small, text: "small")
        #expect(small.spare == nil)
        #expect(try spares(in: folder).isEmpty, "removed at once: a small tree, and the next build may look")

        let abandoned = try StagingArea(output: output, force: false, keepSpare: true, linkedSpareFrom: 1, linkAsWritten: true)
        let pending = try spares(in: folder)
        try #require(pending.count == 1)
        _ = try abandoned.write(OutputFile(.charter, "partners/p0/charter.md", "half"))
        abandoned.abandon()
        waitUntilGone(folder.url.appendingPathComponent(pending[0]))
        #expect(try spares(in: folder).isEmpty)
        #expect(files(output)["partners/p0/charter.md"]?.bytes == Data("small partners/p0/charter.md".utf8), "the output as it was")
    }
}
