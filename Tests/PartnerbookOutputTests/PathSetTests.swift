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

    /// Front-coded paths (each sharing the start of the one before it in its
    /// block of 16) against a `Set` of the same lines: random paths over two
    /// letters, unsorted and repeated, so that members are prefixes and
    /// extensions of one another and of the paths asked about.
    @Test func frontCodedPathsAnswerAsASetDoes() {
        var generator = SystemRandomNumberGenerator()
        func path() -> String {
            String((0..<Int.random(in: 1...9, using: &generator)).map { _ in ["a", "b", "/"].randomElement(using: &generator)! })
        }
        let lines = (0..<3_000).map { _ in path() }
        let set = PathSet(manifest: Data(lines.joined(separator: "\n").utf8))
        let expected = Set(lines)
        #expect(set.count == expected.count)
        var seen = Set<String>()
        #expect(Array(set) == lines.filter { seen.insert($0).inserted }, "each line once, in the order first listed")
        for line in lines { #expect(set.contains(line), "\(line)") }
        for _ in 0..<3_000 {
            let asked = path()
            #expect(set.contains(asked) == expected.contains(asked), "\(asked)")
        }
        for sorted in [lines.sorted(), lines.sorted().reversed()] {
            let other = PathSet(sorted)
            #expect(other.count == expected.count && expected.allSatisfy(other.contains))
        }
    }

    /// In one block: a member that is a prefix of the next, one that shares
    /// all but its last byte, and keys that stop or go on where they do.
    @Test func prefixesAndExtensionsInOneBlock() {
        let set = PathSet(["a/b", "a/bc", "a/bcd", "a/bd", "a/c", "b"])
        for member in ["a/b", "a/bc", "a/bcd", "a/bd", "a/c", "b"] { #expect(set.contains(member), "\(member)") }
        for absent in ["a", "a/", "a/bcde", "a/bce", "a/be", "a/cc", "a/d", "bb", "", "a/bb", "a/bdd"] {
            #expect(!set.contains(absent), "\(absent)")
        }
    }

    @Test func noPathsIsEmpty() {
        for set in [PathSet([]), PathSet(manifest: Data()), PathSet(manifest: Data("\n\n".utf8))] {
            #expect(set.isEmpty && set.count == 0 && Array(set).isEmpty)
            #expect(!set.contains("") && !set.contains("a"))
        }
    }
}
