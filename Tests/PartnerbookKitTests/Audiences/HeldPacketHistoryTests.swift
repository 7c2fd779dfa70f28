import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookSystem
import PartnerbookTestSupport

/// Section 21: a held review's packet shows the targets, the gates and the
/// commitments' done marks as they stood on the review's day, read from the
/// partner file's git history; the packet ahead shows them as they are.
@Suite struct HeldPacketHistoryTests {
    typealias F = Fixtures

    @discardableResult
    private func git(_ arguments: [String], in folder: TemporaryFolder, date: String) throws -> Int32 {
        try TestGit.run(arguments, in: folder, date: date)
    }

    /// The fixture with commitments made at the 2026-Q2 review (checked at the Q3 review on 8 October 2026).
    static let before = F.partner(replacing: "    next_review: 2026-10-08\n",
                                  with: "    commitments: { us: [ Ship the connector ], partner: [ Renew the budget ] }\n    next_review: 2026-10-08\n")
    /// As edited on 1 November 2026, after the Q3 review: a commitment marked done, a higher target, the walk re-decided.
    static let after = F.partner(replacing: "commitments: { us: [ Ship the connector ]", with: "commitments: { us: [ (done) Ship the connector ]", in: before)
        .replacingOccurrences(of: "target: 400000, direction: up, weight: 2", with: "target: 500000, direction: up, weight: 2")

    private func build(_ folder: TemporaryFolder) throws -> (held: String, upcoming: String) {
        let result = try Binary.run(["build", "--content", "content", "--output", "out", "--as-of", F.asOf.description,
                                     "--templates", TestBuild.templates.path], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let qbr = folder.url.appendingPathComponent("out/partners/acme/qbr")
        return (try String(contentsOf: qbr.appendingPathComponent("2026-Q3.md"), encoding: .utf8),
                try String(contentsOf: qbr.appendingPathComponent("2026-Q4.md"), encoding: .utf8))
    }

    @Test(.enabled(if: Git.executable != nil, "git is not installed"))
    func aHeldPacketShowsTheFileAsItStoodOnTheReviewsDay() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", Self.before)
        try #require(try git(["init", "-q"], in: folder, date: "2026-10-01") == 0)
        try git(["add", "-A"], in: folder, date: "2026-10-01")
        try #require(try git(["commit", "-q", "-m", "Before the Q3 review"], in: folder, date: "2026-10-01") == 0)
        folder.write("content/partners/acme.yaml", Self.after)
        try #require(try git(["commit", "-q", "-a", "-m", "After it"], in: folder, date: "2026-11-01") == 0)

        let (held, upcoming) = try build(folder)
        #expect(held.contains("**Open:** Ship the connector"), "not done on 8 October: \(held)")
        #expect(held.contains("| Revenue | $410,000 (2026-Q3, 8 days old) | $350,000 | $400,000 |"), "the target then")
        #expect(upcoming.contains("| proposed: $500,000 (signed: $400,000) |"), "the packet ahead: the target as it is, amended and not signed")

        // The same edit not yet committed reads the same: the review's day had the committed text.
        try #require(try git(["reset", "-q", "--soft", "HEAD~1"], in: folder, date: "2026-11-02") == 0)
        let (uncommitted, _) = try build(folder)
        #expect(uncommitted.contains("**Open:** Ship the connector"))
    }

    @Test func withoutARepositoryThePacketShowsTheFileAsItIs() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", Self.after)
        let (held, _) = try build(folder)
        #expect(held.contains("**Done:** Ship the connector") && held.contains("$500,000"))
    }
}
