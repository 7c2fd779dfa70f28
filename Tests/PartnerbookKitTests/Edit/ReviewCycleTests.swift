import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
import PartnerbookTestSupport

/// `review plan`, `review hold`, `commitment done` and `gate` (SPEC 23), run
/// as the binary: each edit leaves every other byte (comments included) as
/// it was, keeps the file's mode, is all or nothing, and changes nothing when
/// done again.
@Suite struct ReviewCycleTests {
    typealias F = Fixtures

    private func folder(_ partner: String = F.partner + "\n") -> TemporaryFolder {
        TemporaryFolder.content(["acme": partner])
    }

    private func run(_ folder: TemporaryFolder, _ arguments: [String]) throws -> Binary.Result {
        try Binary.run(arguments + ["--content", "."], in: folder.url)
    }

    private func file(_ folder: TemporaryFolder) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("partners/acme.yaml"), encoding: .utf8)
    }

    @Test func planAddsTheNextReviewOnceAndKeepsEveryOtherByte() throws {
        let commented = F.partner + "\n# kept: a comment at the end\n"
        let folder = folder(commented)
        let result = try run(folder, ["review", "plan", "acme", "--date", "2027-01-14"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "updated ./partners/acme.yaml: planned the 2026-Q4 review of Acme Cloud for 14 January 2027\n")
        let after = try file(folder)
        #expect(after == commented.replacingOccurrences(of: "    next_review: 2027-01-14\n", with: "    next_review: 2027-01-14\n  - quarter: 2026-Q4\n    date: 2027-01-14\n"))
        let again = try run(folder, ["review", "plan", "acme", "--date", "2027-01-14"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to change"))
        #expect(try file(folder) == after)
        let clash = try run(folder, ["review", "plan", "acme", "--date", "2027-01-20", "--period", "2026-Q4"])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("Acme Cloud already has a 2026-Q4 review dated 14 January 2027"))
        let month = try run(folder, ["review", "plan", "acme", "--date", "2027-01-20", "--period", "2027-01"])
        #expect(month.stderr.contains("Acme Cloud is reviewed quarterly: plan a quarter (YYYY-Qn), not 2027-01"))
        #expect(try file(folder) == after, "a refused edit writes nothing")
    }

    @Test func holdDatesTheReviewAndAddsDecisionsAndRisksInTheFilesStyle() throws {
        let planned = F.partner(replacing: "    next_review: 2027-01-14\n", with: """
            next_review: 2027-01-14
          - quarter: 2026-Q4
            date: 2027-01-14
            objectives: [ Agree the 2027 plan ]   # ours

        """)
        let folder = folder(planned)
        chmod(folder.url.appendingPathComponent("partners/acme.yaml").path, 0o640)
        let result = try run(folder, ["review", "hold", "acme", "2026-Q4", "--date", "2027-01-12",
                                      "--decision", "Renew the co-sell budget", "--decision", "Start run, with ten pilots",
                                      "--risk", "Budget freeze in Q1", "--owner", "Sam Okafor"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("held the 2026-Q4 review of Acme Cloud on 12 January 2027, 2 decisions, 1 risk"))
        let after = try file(folder)
        #expect(after.contains("""
          - quarter: 2026-Q4
            date: 2027-01-12
            objectives: [ Agree the 2027 plan ]   # ours
            decisions:
              - Renew the co-sell budget
              - "Start run, with ten pilots"
            risks:
              - { risk: Budget freeze in Q1, owner: Sam Okafor }

        """), "\(after)")
        var info = stat()
        stat(folder.url.appendingPathComponent("partners/acme.yaml").path, &info)
        #expect(info.st_mode & 0o777 == 0o640, "the file's mode is kept")
        let again = try run(folder, ["review", "hold", "acme", "2026-Q4", "--date", "2027-01-12", "--decision", "Renew the co-sell budget"])
        #expect(again.status == 0 && again.stdout.contains("nothing to change"))
        #expect(try file(folder) == after)
        let check = try run(folder, ["check", "--as-of", "2027-01-20"])
        #expect(check.stdout.contains("0 errors"), "\(check.stdout)")
    }

    @Test func holdIntoAFlowReviewAndARiskWithoutAnOwnerIsRefused() throws {
        let flow = F.partner(replacing: "    next_review: 2027-01-14\n", with: "    next_review: 2027-01-14\n  - { quarter: 2026-Q4, date: 2027-01-14 }\n")
        let folder = folder(flow)
        let result = try run(folder, ["review", "hold", "acme", "2026-Q4", "--date", "2027-01-14", "--decision", "Go"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try file(folder).contains("  - { quarter: 2026-Q4, date: 2027-01-14, decisions: [ Go ] }\n"))
        let unowned = try run(folder, ["review", "hold", "acme", "2026-Q4", "--risk", "Budget"])
        #expect(unowned.status != 0 && unowned.stderr.contains("each --risk needs an --owner"))
        let month = try run(folder, ["review", "hold", "acme", "2027-01", "--date", "2027-01-20"])
        #expect(month.status == 1 && month.stderr.contains("Acme Cloud is reviewed quarterly: hold a quarter (YYYY-Qn), not 2027-01"), "\(month.stderr)")
    }

    @Test func commitmentDoneMarksItInTheReviewThatMadeIt() throws {
        let committed = F.partner(replacing: "    next_review: 2027-01-14\n", with: """
            commitments:
              us: [ Ship the storage-tier connector, Publish the Keystone case study ]
              partner:
                - "Feature us in the January newsletter"
            next_review: 2027-01-14

        """)
        let folder = folder(committed)
        let result = try run(folder, ["commitment", "done", "acme", "keystone case study"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("marked done: 'Publish the Keystone case study' (ours, from the 2026-Q3 review of Acme Cloud)"))
        let quoted = try run(folder, ["commitment", "done", "acme", "Feature us in the January newsletter"])
        #expect(quoted.status == 0)
        #expect(try file(folder) == committed
            .replacingOccurrences(of: "Publish the Keystone", with: "(done) Publish the Keystone")
            .replacingOccurrences(of: "- \"Feature us", with: "- \"(done) Feature us"))
        let twice = try run(folder, ["commitment", "done", "acme", "Publish the Keystone case study"])
        #expect(twice.status == 0 && twice.stdout.contains("nothing to change"))
        let vague = try run(folder, ["commitment", "done", "acme", "the"])
        #expect(vague.status == 1 && vague.stderr.contains("matches 3 commitments"), "\(vague.stderr)")
        let unknown = try run(folder, ["commitment", "done", "acme", "Launch webinar"])
        #expect(unknown.stderr.contains("no commitment of Acme Cloud reads 'Launch webinar'; open: 'Ship the storage-tier connector'"))
    }

    @Test func gateWritesIntoFlowOrBlockPhasesOrAddsThem() throws {
        let folder = folder()
        let walk = try run(folder, ["gate", "acme", "walk", "--adopted", "9", "--decision", "go"])
        #expect(walk.status == 0, "\(walk.stdout)\(walk.stderr)")
        #expect(try file(folder).contains("  walk: { invited: 10, adopted: 9, decision: go }\n"))
        // No crawl result written: the key goes before the closing brace.
        let noResult = F.partner(replacing: "baseline: 14, result: 10, direction: down, decision: go", with: "baseline: 14, direction: down")
        let flow = self.folder(noResult)
        #expect(try run(flow, ["gate", "acme", "crawl", "--result", "10", "--decision", "go"]).status == 0)
        #expect(try file(flow).contains("  crawl: { pilot_customers: [ Bluewater ], baseline: 14, direction: down, result: 10, decision: go }\n"))
        // No phases at all: a block is added at the end of the file.
        let none = F.partner(replacing: "phases:\n  crawl: { pilot_customers: [ Bluewater ], baseline: 14, result: 10, direction: down, decision: go }\n  walk: { invited: 10, adopted: 8, decision: go }\n", with: "")
            .replacingOccurrences(of: "status: run", with: "status: crawl")
        let bare = self.folder(none + "\n")
        let added = try run(bare, ["gate", "acme", "crawl", "--baseline", "14", "--result", "11"])
        #expect(added.status == 0, "\(added.stdout)\(added.stderr)")
        let bareText = try file(bare)
        #expect(bareText.hasSuffix("phases: { crawl: { baseline: 14, result: 11 } }\n"), "\(bareText)")
        let wrong = try run(bare, ["gate", "acme", "crawl", "--adopted", "3"])
        #expect(wrong.status != 0 && wrong.stderr.contains("--invited and --adopted are the walk gate's"))
    }
}
