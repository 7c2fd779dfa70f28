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

/// A big previous output is removed by a process of its own after the swap.
@Suite struct DetachedRemovalTests {
    @Test func aFolderHandedToTheBackgroundIsRemoved() throws {
        let folder = TemporaryFolder()
        let old = folder.url.appendingPathComponent(".out.trash-1-abc")
        for index in 0..<50 { folder.write(".out.trash-1-abc/partners/p\(index)/charter.html", "old") }
        StagingArea.removeDetached(old)
        var waited = 0.0
        while FileManager.default.fileExists(atPath: old.path) && waited < 20 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 0.05
        }
        #expect(!FileManager.default.fileExists(atPath: old.path))
    }

    @Test func theNextBuildHandsOverWhatAnInterruptedRemovalLeft() throws {
        let folder = TemporaryFolder()
        folder.write(".out.trash-99-dead/partners/p/charter.html", "old")
        folder.write(".out.staging-99-dead/partners/p/charter.html", "half")
        folder.write(".other.trash-1-x/keep.txt", "not ours")
        StagingArea.removeLeftovers(of: "out", in: folder.url)
        var waited = 0.0
        while FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".out.trash-99-dead").path) && waited < 20 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 0.05
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(left == [".other.trash-1-x"])
    }
}
