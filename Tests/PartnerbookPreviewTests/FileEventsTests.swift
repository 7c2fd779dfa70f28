import Foundation
import Testing
@testable import PartnerbookPreview
import PartnerbookTestSupport

/// `serve`'s wake-up call: a write, a new file in a folder made after the
/// watch began, a removal and a rename each wake it; nothing else does.
@Suite struct FileEventsTests {
    @Test func writesCreationsRemovalsAndRenamesWakeTheWatcher() throws {
        let folder = TemporaryFolder()
        folder.write("partners/acme.yaml", "id: acme\n")
        folder.write("templates/card.html.mustache", "{{name}}\n")
        let events = try #require(FileEvents([folder.url.appendingPathComponent("partners"),
                                              folder.url.appendingPathComponent("templates")]))
        #expect(!events.wait(timeout: 0.05), "nothing changed yet")

        folder.write("partners/acme.yaml", "id: acme\nname: Acme\n")
        #expect(events.wait(timeout: 5), "a saved partner file")
        #expect(!events.wait(timeout: 0.05), "every event of that save was read")

        folder.write("templates/card.html.mustache", "{{name}}!\n")
        #expect(events.wait(timeout: 5), "a saved template")

        // A folder made after the watch began is watched from then on.
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("partners/archive"), withIntermediateDirectories: false)
        #expect(events.wait(timeout: 5), "a new folder")
        _ = events.wait(timeout: 0.05)
        folder.write("partners/archive/old.yaml", "id: old\n")
        #expect(events.wait(timeout: 5), "a file in the new folder")

        try FileManager.default.moveItem(at: folder.url.appendingPathComponent("partners/archive/old.yaml"),
                                         to: folder.url.appendingPathComponent("partners/old.yaml"))
        #expect(events.wait(timeout: 5), "a rename")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("partners/old.yaml"))
        #expect(events.wait(timeout: 5), "a removal")
        #expect(!events.wait(timeout: 0.05))
    }

    /// A descriptor copied into another process (a child spawned while the
    /// file was open) closes when that process lets it go: that late close is
    /// not a second change.
    @Test func aLateCloseOfACopiedDescriptorDoesNotWakeIt() throws {
        let folder = TemporaryFolder()
        let file = folder.write("partners/acme.yaml", "id: acme\n")
        let events = try #require(FileEvents([folder.url.appendingPathComponent("partners")]))
        let descriptor = open(file.path, O_WRONLY | O_TRUNC)
        try #require(descriptor >= 0)
        let text = Array("id: acme\nname: Acme\n".utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        let copy = dup(descriptor)
        close(descriptor)
        #expect(events.wait(timeout: 5), "the write")
        #expect(!events.wait(timeout: 0.05), "every event of that write was read")
        close(copy)
        #expect(!events.wait(timeout: 0.05), "the copy's close is no change")
    }

    @Test func aFileBesideTheWatchedFoldersDoesNotWakeIt() throws {
        let folder = TemporaryFolder()
        folder.write("partners/acme.yaml", "id: acme\n")
        let events = try #require(FileEvents([folder.url.appendingPathComponent("partners")]))
        folder.write("Output/index.html", "<p>built</p>\n")
        #expect(!events.wait(timeout: 0.1))
    }

    @Test func noFolderToWatchIsNoWatcher() {
        #expect(FileEvents([URL(fileURLWithPath: "/nonexistent-partnerbook-folder")]) == nil)
    }
}
