import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookSupport
@testable import PartnerbookSystem
import PartnerbookTestSupport

/// `record --dry-run` shows each edit as `diff -u` would: hunks of the
/// changed lines with three lines of context, far-apart changes in hunks of
/// their own; a redline marks words the same way, from the standard
/// library's difference.
@Suite struct LineDiffTests {
    private func diffU(_ before: String, _ after: String) throws -> String {
        let folder = TemporaryFolder()
        folder.write("a", before)
        folder.write("b", after)
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/diff"), ["-u", "a", "b"], in: folder.url)
        // Its two header lines carry file names and times; the hunks are what is compared.
        return result.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    private func ours(_ before: String, _ after: String) -> String {
        LineDiff(before: before, after: after, path: "x").unified.split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst(2).joined(separator: "\n")
    }

    enum Edit: String, CaseIterable, Sendable {
        case oneChangeInTheMiddle, twoChangesFarApart, twoChangesClose, linesAddedAtTheEnd, linesRemovedAtTheStart, aReviewInserted

        func apply(_ lines: [String]) -> [String] {
            var lines = lines
            switch self {
            case .oneChangeInTheMiddle: lines[10] = "changed"
            case .twoChangesFarApart: lines[2] = "x"; lines[30] = "y"
            case .twoChangesClose: lines[10] = "x"; lines[14] = "y"
            case .linesAddedAtTheEnd: lines += ["new 1", "new 2"]
            case .linesRemovedAtTheStart: lines.removeFirst(3)
            case .aReviewInserted: lines.insert(contentsOf: ["  - quarter: 2026-Q4", "    date: 2027-01-14"], at: 20)
            }
            return lines
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/diff")), arguments: Edit.allCases)
    func hunksAreDiffUs(_ edit: Edit) throws {
        let lines = (1...40).map { "line \($0)" }
        let before = lines.joined(separator: "\n") + "\n", after = edit.apply(lines).joined(separator: "\n") + "\n"
        #expect(ours(before, after) == (try diffU(before, after)), "\(edit)")
    }

    @Test func noChangeIsNoDiff() {
        #expect(LineDiff(before: "a\nb\n", after: "a\nb\n", path: "x").unified.isEmpty)
    }

    @Test func wordsRemovedAndAddedInPlace() {
        #expect(WordDiff.parts(from: "Two years from the start", to: "Three years from the effective date") == [
            .removed("Two "), .added("Three "), .same("years from the "), .removed("start"), .added("effective date"),
        ])
        let long = (0..<3_000).map { "word\($0)" }.joined(separator: " ")
        let parts = WordDiff.parts(from: long, to: long.replacingOccurrences(of: "word1500 ", with: "changed "))
        #expect(parts.count == 4, "a long text is still compared word by word, not replaced whole")
    }
}
