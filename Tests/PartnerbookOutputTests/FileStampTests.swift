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

/// An input file is read again whenever it may have changed, and only then.
@Suite struct FileStampTests {
    @Test func anUnchangedFileKeepsItsRecordedDigestWithoutBeingRead() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.yaml", "name: A\n").path
        let first = try #require(FileStamp.digest(of: path, known: nil))
        #expect(first.digest == Digest.hex(Data("name: A\n".utf8)))
        // A recorded digest that is not the file's: trusted only because the stamp matches.
        var recorded = first
        recorded.digest = "recorded"
        #expect(FileStamp.digest(of: path, known: recorded)?.digest == "recorded")
    }

    @Test func aChangeOfTheSameSizeIsSeen() throws {
        let folder = TemporaryFolder()
        let url = folder.write("a.yaml", "name: A\n")
        let first = try #require(FileStamp.digest(of: url.path, known: nil))
        Thread.sleep(forTimeInterval: 0.02)
        try Data("name: B\n".utf8).write(to: url)
        let second = try #require(FileStamp.digest(of: url.path, known: first))
        #expect(second.digest == Digest.hex(Data("name: B\n".utf8)))
        #expect(second.digest != first.digest)
    }

    @Test func aReplacedFileIsSeenEvenWithItsOldTimes() throws {
        let folder = TemporaryFolder()
        let url = folder.write("a.yaml", "name: A\n")
        let first = try #require(FileStamp.digest(of: url.path, known: nil))
        // Same size, and the modification time set back: the change time still moves.
        try Data("name: B\n".utf8).write(to: url)
        let modified = Date(timeIntervalSince1970: Double(first.modified) / 1e9)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path)
        #expect(FileStamp.digest(of: url.path, known: first)?.digest == Digest.hex(Data("name: B\n".utf8)))
    }

    @Test func stampsSurviveTheCacheFile() throws {
        let folder = TemporaryFolder()
        var cache = BuildCache()
        let stamp = FileStamp(size: 12, modified: 1_700_000_000_123_456_789, changed: 1_700_000_001_000_000_000,
                              inode: 42, digest: "abc")
        cache.stamps["partners/a.yaml"] = stamp
        let url = folder.url.appendingPathComponent(".out.cache")
        cache.save(to: url)
        #expect(BuildCache.load(from: url).stamps == ["partners/a.yaml": stamp])
    }

    @Test func recentlyChangedFilesAreNotRemembered() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        folder.write("content/partners/p.yaml", Fixtures.partner)
        folder.write("content/partners/q.yaml", Fixtures.partner)
        let result = try InputsDigest.make(contentFolder: folder.url.appendingPathComponent("content"),
                                               templatesFolder: TestBuild.templates, asOf: nil, today: Fixtures.asOf, strict: false)
        // Both files were just written (their change time is now): neither stamp is kept,
        // whatever their modification time says.
        #expect(result.stamps.isEmpty)
        let again = try InputsDigest.make(contentFolder: folder.url.appendingPathComponent("content"),
                                              templatesFolder: TestBuild.templates, asOf: nil, today: Fixtures.asOf, strict: false)
        #expect(again.value == result.value, "the same inputs give the same digest")
    }
}
