import Foundation
import Testing
@testable import PartnerbookOutput

/// The paths of a manifest kept as its bytes answer as a `Set` of its
/// lines does: the same members, a repeated line once, an empty one not at
/// all, no prefix or extension of a member; and they list in the manifest's order.
@Suite struct PathSetTests {
    @Test func aManifestsLinesAreItsMembersAsASetOfThemWouldBe() {
        let lines = ["index.html", "partners/a/charter.md", "partners/é/charter.md", "", "index.html", "program/scorecard.md"]
        let manifest = Data(lines.joined(separator: "\n").utf8)
        let set = PathSet(manifest: manifest)
        let expected = Set(lines.filter { !$0.isEmpty })
        #expect(set.count == expected.count)
        #expect(Array(set) == ["index.html", "partners/a/charter.md", "partners/é/charter.md", "program/scorecard.md"])
        for path in expected { #expect(set.contains(path), "\(path)") }
        for absent in ["", "index.htm", "index.html ", "partners/a", "partners/a/charter.md/x", "partners/e\u{301}/charter.md", "INDEX.HTML"] {
            #expect(!set.contains(absent), "\(absent.debugDescription)")
        }
    }

    /// Enough paths for the table to fill past its first sizes and collide.
    @Test func manyPathsAllAnswerAndNoOtherDoes() {
        let paths = (0..<50_000).map { "partners/p\($0)/qbr/2026-Q\($0 % 4 + 1).html" }
        let set = PathSet(paths)
        #expect(set.count == paths.count)
        #expect(paths.allSatisfy(set.contains))
        #expect(!(0..<1_000).map { "partners/p\($0 + 50_000)/qbr/2026-Q1.html" }.contains(where: set.contains))
        #expect(Array(set) == paths)
        var seen = 0
        set.forEachPath { bytes in
            #expect(String(decoding: bytes, as: UTF8.self) == paths[seen])
            seen += 1
        }
        #expect(seen == paths.count)
    }

    @Test func noPathsIsEmpty() {
        for set in [PathSet([]), PathSet(manifest: Data()), PathSet(manifest: Data("\n\n".utf8))] {
            #expect(set.isEmpty && set.count == 0 && Array(set).isEmpty)
            #expect(!set.contains("") && !set.contains("a"))
        }
    }
}
