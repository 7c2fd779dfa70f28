import Foundation
import Testing
@testable import PartnerbookPreview
import PartnerbookTestSupport

/// What decides that `serve` builds again: a snapshot of the watched
/// folders equals the last one exactly when no file was saved, added,
/// removed or renamed, in either folder.
@Suite struct FolderSnapshotTests {
    @Test func anySavedAddedRemovedOrRenamedFileChangesItAndNothingElseDoes() throws {
        let folder = TemporaryFolder()
        folder.write("content/partners/acme.yaml", "id: acme\n")
        folder.write("content/program.yaml", "name: P\n")
        folder.write("templates/card.html.mustache", "{{name}}\n")
        let content = folder.url.appendingPathComponent("content"), templates = folder.url.appendingPathComponent("templates")
        func snapshot() -> FolderSnapshot { FolderSnapshot(content, templates) }
        var last = snapshot()
        #expect(snapshot() == last, "nothing changed")

        func expectChange(_ what: String, _ change: () throws -> Void) rethrows {
            try change()
            let now = snapshot()
            #expect(now != last, "\(what)")
            last = now
            #expect(snapshot() == last, "\(what), then nothing")
        }
        // Same size, another modification time: saved again.
        try expectChange("a partner file saved with the same bytes' length") {
            folder.write("content/partners/acme.yaml", "id: acmf\n")
            let later = Date().addingTimeInterval(5)
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: content.appendingPathComponent("partners/acme.yaml").path)
        }
        expectChange("a template saved") { folder.write("templates/card.html.mustache", "{{name}}!\n") }
        expectChange("a partner file added") { folder.write("content/partners/bolt.yaml", "id: bolt\n") }
        try expectChange("a partner file renamed") {
            try FileManager.default.moveItem(at: content.appendingPathComponent("partners/bolt.yaml"),
                                             to: content.appendingPathComponent("partners/bolt-2.yaml"))
        }
        try expectChange("a partner file removed") {
            try FileManager.default.removeItem(at: content.appendingPathComponent("partners/bolt-2.yaml"))
        }
    }
}
