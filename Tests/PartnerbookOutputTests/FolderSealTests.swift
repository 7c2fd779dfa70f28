import Foundation
import Testing
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// A seal tells the next build that nobody added, removed or renamed
/// anything anywhere in the output since the build that left it; it is left
/// only on a tree of the build's own folders, every one listed.
@Suite struct FolderSealTests {
    private static let folders: Set<String> = ["partners", "partners/p0", "partners/p0/qbr", "partners/p0/qbr/briefs",
                                               "partners/p1", "program"]

    /// A tree of `folders` with a file in each, its folders 0755.
    private func tree() -> (TemporaryFolder, URL) {
        let folder = TemporaryFolder()
        for path in FolderSealTests.folders { folder.write("out/\(path)/file.txt", "text") }
        folder.write("out/index.html", "home")
        let root = folder.url.appendingPathComponent("out")
        for path in FolderSealTests.folders { chmod(root.appendingPathComponent(path).path, 0o755) }
        return (folder, root)
    }

    /// The files `tree` writes: the build's own.
    private static let owned = PathSet(folders.map { "\($0)/file.txt" } + ["index.html"])

    private func seal(_ root: URL) throws -> String? {
        FolderSeal.prepare(FolderSealTests.folders, in: try OpenFolder(root.path))
    }

    private func holds(_ seal: String, _ root: URL) throws -> Bool {
        FolderSeal.holds(seal, folders: FolderSealTests.folders, owned: FolderSealTests.owned, in: try OpenFolder(root.path))
    }

    @Test func aSealHoldsUntilAnEntryIsAddedRemovedOrRenamedAnywhere() throws {
        let changes: [(String, (URL) throws -> Void)] = [
            ("a file added deep down", { try Data("mine".utf8).write(to: $0.appendingPathComponent("partners/p0/qbr/briefs/mine.txt")) }),
            ("a file added at the top", { try Data("mine".utf8).write(to: $0.appendingPathComponent("notes.txt")) }),
            ("a folder added at the top", { try FileManager.default.createDirectory(at: $0.appendingPathComponent("mine"),
                                                                                   withIntermediateDirectories: false) }),
            ("a folder added", { try FileManager.default.createDirectory(at: $0.appendingPathComponent("partners/p1/drafts"),
                                                                         withIntermediateDirectories: false) }),
            ("a file removed", { try FileManager.default.removeItem(at: $0.appendingPathComponent("partners/p0/qbr/file.txt")) }),
            ("a file renamed", { try FileManager.default.moveItem(at: $0.appendingPathComponent("program/file.txt"),
                                                                  to: $0.appendingPathComponent("program/other.txt")) }),
            ("a folder's mode changed", { chmod($0.appendingPathComponent("partners/p1").path, 0o700) }),
        ]
        for (change, make) in changes {
            let (folder, root) = tree()
            let sealed = try #require(try seal(root), "\(change): a tree of the build's own folders is sealed")
            #expect(try holds(sealed, root), "\(change): the seal holds before")
            try make(root)
            #expect(try !holds(sealed, root), "\(change): the seal no longer holds")
            withExtendedLifetime(folder) {}
        }
    }

    /// A file's bytes changed in place move no folder's time: the seal
    /// still holds (the reused files are checked one by one elsewhere).
    @Test func aFileChangedInPlaceLeavesTheSeal() throws {
        let (folder, root) = tree()
        let sealed = try #require(try seal(root))
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("partners/p0/file.txt"))
        try handle.write(contentsOf: Data("changed".utf8))
        try handle.close()
        #expect(try holds(sealed, root))
        withExtendedLifetime(folder) {}
    }

    @Test func noSealOnATreeWithAFolderNotListedOrNotTheBuildsOwn() throws {
        do {
            let (folder, root) = tree()
            try FileManager.default.createDirectory(at: root.appendingPathComponent("partners/p1/mine"), withIntermediateDirectories: false)
            #expect(try seal(root) == nil, "a folder the list does not have")
            withExtendedLifetime(folder) {}
        }
        do {
            let (folder, root) = tree()
            try FileManager.default.createDirectory(at: root.appendingPathComponent("mine"), withIntermediateDirectories: false)
            #expect(try seal(root) == nil, "a folder at the top the list does not have")
            withExtendedLifetime(folder) {}
        }
        do {
            let (folder, root) = tree()
            chmod(root.appendingPathComponent("partners/p0/qbr").path, 0o750)
            #expect(try seal(root) == nil, "a folder with a mode of its own")
            withExtendedLifetime(folder) {}
        }
        do {
            let (folder, root) = tree()
            try FileManager.default.removeItem(at: root.appendingPathComponent("program"))
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("program").path, withDestinationPath: "partners")
            #expect(try seal(root) == nil, "a link where a folder is listed")
            withExtendedLifetime(folder) {}
        }
    }

    /// The seal is given once the clock has passed every change time it
    /// holds (before the output is swapped in): a change made right after
    /// cannot carry the time of the last one sealed.
    @Test func theSealWaitsForTheClockToPassTheLastChange() throws {
        let (folder, root) = tree()
        try Data("last".utf8).write(to: root.appendingPathComponent("partners/p1/last.txt"))
        _ = try #require(try seal(root))
        var now = timespec(), info = stat()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        #expect(lstat(root.appendingPathComponent("partners/p1").path, &info) == 0)
        #expect(now.tv_sec > info.st_ctim.tv_sec || (now.tv_sec == info.st_ctim.tv_sec && now.tv_nsec > info.st_ctim.tv_nsec))
        try Data("after".utf8).write(to: root.appendingPathComponent("partners/p1/after.txt"))
        #expect(lstat(root.appendingPathComponent("partners/p1").path, &info) == 0)
        #expect(info.st_ctim.tv_sec > now.tv_sec || (info.st_ctim.tv_sec == now.tv_sec && info.st_ctim.tv_nsec >= now.tv_nsec))
        withExtendedLifetime(folder) {}
    }
}
