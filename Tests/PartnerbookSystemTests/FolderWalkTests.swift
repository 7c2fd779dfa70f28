import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookSystem
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The output walk lists every file and link below a folder, never a folder.
@Suite struct FolderWalkTests {
    /// Files at the top, hidden, nested, a person's among the build's, an
    /// empty folder, a link, and enough subfolders to take the parallel path.
    private func fixture() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("a.txt", "a")
        folder.write(".hidden", "h")
        folder.write("x/y/z.txt", "z")
        folder.write("x/mine.txt", "m")
        for index in 0..<100 { folder.write("partners/p\(index)/index.html", "p") }
        folder.write("partners/p7/added.txt", "a")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("link").path, withDestinationPath: "x")
        return folder
    }

    @Test func listsFilesAndLinksInEveryFolderButNoFolders() throws {
        let folder = try fixture()
        let found = OutputWriter.filesBelow(folder.url)
        let expected = (["a.txt", ".hidden", "x/y/z.txt", "x/mine.txt", "partners/p7/added.txt", "link"]
            + (0..<100).map { "partners/p\($0)/index.html" }).sorted()
        #expect(found == expected)
    }

    /// The commit's one pass: the files it keeps and every folder, parents first, in name order.
    @Test func theTreeListsTheFilesKeptAndEveryFolderParentsFirst() throws {
        let folder = try fixture()
        let tree = FolderWalk.tree(below: folder.url.path) { !$0.hasSuffix("index.html") && $0 != "a.txt" && $0 != ".hidden" && $0 != "link" }
        #expect(tree.files.sorted() == ["partners/p7/added.txt", "x/mine.txt", "x/y/z.txt"])
        let partners = (0..<100).map { "partners/p\($0)" }.sorted()
        #expect(tree.folders == ["empty", "partners"] + partners + ["x", "x/y"])
    }

    /// Each folder comes with its own status, read from the folder opened
    /// below its parent: the commit keeps a person's folder with its mode.
    @Test func eachFolderComesWithItsModeAndNoLinkIsEntered() throws {
        let folder = try fixture()
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.url.appendingPathComponent("x/y").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: folder.url.appendingPathComponent("x").path)
        let walked = FolderWalk.walk(below: folder.url.path) { _ in true }
        let modes = Dictionary(uniqueKeysWithValues: walked.folders.map { ($0.path, $0.info.st_mode & 0o7777) })
        #expect(modes["x/y"] == 0o700)
        #expect(modes["x"] == 0o750)
        #expect(walked.folders.allSatisfy { ($0.info.st_mode & S_IFMT) == S_IFDIR })
        #expect(modes["link"] == nil, "a link to a folder is listed as a file, never entered")
        #expect(walked.files.contains("link") && !walked.files.contains("link/mine.txt"))
    }

    /// The folders a spare holds, from its manifest's paths: every parent
    /// of every path, whether its neighbours share a folder or not.
    @Test func theFoldersOfPathsAreEveryParentOfEveryPath() {
        let paths = ["a.html", "partners/p/charter.html", "partners/p/charts/t.svg", "partners/p/index.html",
                     "partners/p/qbr/2026-Q1.html", "partners/q/x.md", "program/data/deep/x.json", "partners/p/z.md"]
        var expected: Set<String> = []
        for path in paths {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty { expected.insert(parts.joined(separator: "/")); parts = parts.dropLast() }
        }
        #expect(StagingArea.folders(of: paths) == expected)
        #expect(StagingArea.folders(of: paths.sorted()) == expected)
        #expect(StagingArea.folders(of: ["top.html"]).isEmpty)
        // Read from a manifest's set as bytes, the same folders.
        #expect(StagingArea.folders(of: PathSet(paths)) == expected)
        #expect(StagingArea.folders(of: PathSet(paths.sorted())) == expected)
        #expect(StagingArea.folders(of: PathSet(["top.html"])).isEmpty)
    }

    @Test func aMissingFolderHasNoFiles() {
        #expect(OutputWriter.filesBelow(URL(fileURLWithPath: "/nonexistent/partnerbook")).isEmpty)
    }
}
