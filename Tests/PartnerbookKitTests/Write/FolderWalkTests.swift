import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput

/// The output walk lists every file and link below a folder, never a folder.
@Suite struct FolderWalkTests {
    @Test func listsFilesAndLinksInEveryFolderButNoFolders() throws {
        let folder = TemporaryFolder()
        folder.write("a.txt", "a")
        folder.write(".hidden", "h")
        folder.write("x/y/z.txt", "z")
        // Enough subfolders to take the parallel path.
        for index in 0..<100 { folder.write("partners/p\(index)/index.html", "p") }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("link").path, withDestinationPath: "x")
        let found = OutputWriter.filesBelow(folder.url)
        let expected = (["a.txt", ".hidden", "x/y/z.txt", "link"] + (0..<100).map { "partners/p\($0)/index.html" }).sorted()
        #expect(found == expected)
    }

    @Test func aMissingFolderHasNoFiles() {
        #expect(OutputWriter.filesBelow(URL(fileURLWithPath: "/nonexistent/partnerbook")).isEmpty)
    }
}
