import Foundation
import Testing
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The linked spare a full build keeps is made on every core: its folders a
/// level of depth at a time, its files linked a batch at a time.
@Suite struct LinkedSpareTests {
    /// Paths as an output lists them: sorted, a partner's files together, folders three deep.
    private static let paths: [String] = (0..<12).flatMap { partner in
        ["charter.html", "charter.md", "qbr/2026-q1.html", "qbr/2026-q1.md", "qbr/briefs/2026-q1-brief.html"]
            .map { "partners/p\(String(format: "%02d", partner))/\($0)" }
    } + ["index.html", "program/report.html"]

    private func inode(_ url: URL, _ path: String) -> UInt64? {
        var info = stat()
        return lstat(url.appendingPathComponent(path).path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func everyFileIsLinkedInBatchesOnSeveralCores() throws {
        let folder = TemporaryFolder()
        for path in LinkedSpareTests.paths { folder.write("out/\(path)", "text of \(path)") }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("spare"), withIntermediateDirectories: false)
        let source = try OpenFolder(folder.url.appendingPathComponent("out").path)
        let target = try OpenFolder(folder.url.appendingPathComponent("spare").path)
        let folders = StagingArea.folders(of: LinkedSpareTests.paths)
        #expect(folders == Set(["partners", "program"] + (0..<12).flatMap { partner -> [String] in
            let base = "partners/p\(String(format: "%02d", partner))"
            return [base, base + "/qbr", base + "/qbr/briefs"]
        }))
        // Batches of two folders and of three files: many batches, on two cores.
        #expect(StagingArea.makeFolders(folders, in: target, jobs: 2, batch: 2))
        #expect(StagingArea.link(LinkedSpareTests.paths, from: source, to: target, jobs: 2, batch: 3))
        for path in LinkedSpareTests.paths {
            let linked = inode(folder.url.appendingPathComponent("spare"), path)
            #expect(linked != nil && linked == inode(folder.url.appendingPathComponent("out"), path), "\(path) is the same file")
        }
        let spare = folder.url.appendingPathComponent("spare")
        let spareFiles = (FileManager.default.enumerator(atPath: spare.path)?.allObjects as? [String] ?? []).filter { path in
            var info = stat()
            return lstat(spare.appendingPathComponent(path).path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
        #expect(Set(spareFiles) == Set(LinkedSpareTests.paths), "nothing more, nothing less")
    }

    @Test func aFileThatCannotBeLinkedFailsTheSpare() throws {
        let folder = TemporaryFolder()
        for path in LinkedSpareTests.paths where path != "partners/p07/qbr/2026-q1.md" { folder.write("out/\(path)", "text") }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("spare"), withIntermediateDirectories: false)
        let source = try OpenFolder(folder.url.appendingPathComponent("out").path)
        let target = try OpenFolder(folder.url.appendingPathComponent("spare").path)
        #expect(StagingArea.makeFolders(StagingArea.folders(of: LinkedSpareTests.paths), in: target, jobs: 2, batch: 2))
        #expect(!StagingArea.link(LinkedSpareTests.paths, from: source, to: target, jobs: 2, batch: 3))
    }

    @Test func aFolderWhoseParentCannotBeMadeFailsTheSpare() throws {
        let folder = TemporaryFolder()
        // A file where a folder of the spare should be: neither it nor the folders below it can be made.
        folder.write("spare/partners", "in the way")
        let target = try OpenFolder(folder.url.appendingPathComponent("spare").path)
        #expect(!StagingArea.makeFolders(StagingArea.folders(of: LinkedSpareTests.paths), in: target, jobs: 2, batch: 2))
    }
}
