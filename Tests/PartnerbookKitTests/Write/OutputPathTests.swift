import Foundation
import Testing
@testable import PartnerbookOutput

/// The paths the staging area will write to, and the manifest it reads back.
@Suite struct OutputPathTests {
    @Test func aPathThatLeavesTheOutputOrNamesNothingIsRefused() {
        for path in ["", "/etc/passwd", "..", "../x", "a/../b", "a/..", ".", "./a", "a/./b", "a//b", "a/", "/"] {
            #expect(!OutputWriter.isSafeRelativePath(path), "\(path)")
        }
    }

    @Test func aPathInsideTheOutputIsAccepted() {
        for path in ["index.html", "partners/acme/charter.md", ".well-known/x", "a/...", "a/..b/c", "..a", "a.", "é/ü.html"] {
            #expect(OutputWriter.isSafeRelativePath(path), "\(path)")
        }
    }

    @Test func theManifestIsReadLineByLineAndRefusedWhenItIsNotText() throws {
        let folder = TemporaryFolder()
        folder.write(OutputWriter.manifestName, "index.html\npartners/é/charter.md\n")
        #expect(OutputWriter.manifest(of: folder.url) == ["index.html", "partners/é/charter.md"])
        try Data([0x61, 0xFF, 0x0A]).write(to: folder.url.appendingPathComponent(OutputWriter.manifestName))
        #expect(OutputWriter.manifest(of: folder.url) == nil)
    }
}
