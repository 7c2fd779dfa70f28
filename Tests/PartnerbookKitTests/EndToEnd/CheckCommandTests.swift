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

/// `partnerbook check` run as a process on real folders.
@Suite struct CheckCommandTests {
    @Test func exampleProgramHasNoErrors() throws {
        let result = try Binary.run(["check"], in: Binary.repository)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last?.hasPrefix("0 errors, ") == true)
        #expect(lines.last?.contains(" in 8 partners (") == true, "notices are counted apart: they never fail a run")
        #expect(result.stdout.contains("Content/partners/ember-events.yaml:40:1: warning: no economic commitment"))
        #expect(result.stdout.contains("[commitment.handshake]"))
        #expect(result.stdout.contains("[leverage.weak]"))
        #expect(!result.stdout.contains(": error: "))
    }

    @Test func aBrokenRuleNamesFileLineColumnAndExitsOne() throws {
        let yaml = Fixtures.signed(Fixtures.partner(replacing: "    exit_criteria: [ Revenue under half of target ]\n", with: "",
                                                    in: Fixtures.partnerBody))
        let folder = TemporaryFolder.content(["acme": yaml])
        let at = Fixtures.position(of: "governance:", in: yaml)
        let result = try Binary.run(["check", "--content", folder.url.path], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(folder.url.path)/partners/acme.yaml:\(at.line):\(at.column): error: charter.governance has no exit criteria: say what would end the partnership [charter.governance.exit-criteria]"))
        #expect(result.stdout.hasSuffix("1 error, 0 warnings in 1 partner\n"))
    }

    @Test func pathsAreShownAsGivenOnTheCommandLine() throws {
        let folder = TemporaryFolder()
        folder.write("my content/program.yaml", Fixtures.program)
        folder.write("my content/partners/acme.yaml", Fixtures.partner + "\nextra: 1\n")
        let result = try Binary.run(["check", "--content", "./my content/"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("./my content/partners/acme.yaml:"))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner + "\nextra: 1\n"])
        #expect(try Binary.run(["check", "--content", folder.url.path], in: folder.url).status == 0)
        #expect(try Binary.run(["check", "--content", folder.url.path, "--strict"], in: folder.url).status == 1)
    }

    @Test func jsonFormatIsParseable() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.signed(Fixtures.partnerBody.replacingOccurrences(of: "tier: strategic", with: "tier: 7"))])
        let result = try Binary.run(["check", "--content", ".", "--format", "json"], in: folder.url)
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["rule"] as? String == "schema.type")
        #expect(array.first?["file"] as? String == "./partners/acme.yaml")
        #expect(array.first?["line"] as? Int == 2)
        #expect(result.stderr.contains("1 error"))
    }

    @Test func githubFormatAnnotates() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner.replacingOccurrences(of: "tier: strategic", with: "tier: 7")])
        let result = try Binary.run(["check", "--content", "Content", "--format", "github"], in: folder.url.deletingLastPathComponent())
        #expect(result.status == 2, "no folder named Content there")
        let good = try Binary.run(["check", "--content", ".", "--format", "github"], in: folder.url)
        #expect(good.stdout.hasPrefix("::error file=./partners/acme.yaml,line=2,col=1,title=schema.type::"))
    }

    @Test func asOfChangesWhatIsOverdue() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner])
        let before = try Binary.run(["check", "--content", ".", "--as-of", "2026-11-20"], in: folder.url)
        let after = try Binary.run(["check", "--content", ".", "--as-of", "2027-02-01"], in: folder.url)
        #expect(!before.stdout.contains("review.overdue"))
        #expect(after.stdout.contains("[review.overdue]"))
        #expect(after.status == 0)
    }

    @Test func missingFolderIsOneClearLine() throws {
        let folder = TemporaryFolder()
        let result = try Binary.run(["check", "--content", "nowhere"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr == "partnerbook: no content folder at nowhere (looked in \(folder.url.appendingPathComponent("nowhere").standardizedFileURL.path)); run partnerbook init to start a program there, or pass --content DIR\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func badOptionsAreUsageErrorsNotContentErrors() throws {
        let folder = TemporaryFolder.content([:])
        let badDate = try Binary.run(["check", "--content", ".", "--as-of", "tomorrow"], in: folder.url)
        #expect(badDate.status != 0 && badDate.status != 1)
        #expect(badDate.stderr.contains("--as-of"))
        let badFormat = try Binary.run(["check", "--format", "xml"], in: folder.url)
        #expect(badFormat.status != 0 && badFormat.status != 1)
    }

    @Test func hostileFilesEndInDiagnosticsNotCrashes() throws {
        let folder = TemporaryFolder.content([
            "dup": "name: A\nname: B\n",
            "multi": "name: A\n---\nname: B\n",
            "list": "- a\n- b\n",
            "empty": "",
            "tabs": "name: A\ncharter:\n\tgoals: {}\n",
        ])
        folder.write("partners/nul.yaml", Data("name: A\u{0}\n".utf8))
        folder.write("partners/latin1.yaml", Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]))
        let result = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(result.status == 1)
        for id in ["dup", "multi", "list", "empty", "tabs", "nul", "latin1"] {
            #expect(result.stdout.contains("./partners/\(id).yaml:"), "no diagnostic for \(id)")
        }
        #expect(result.stderr.isEmpty)
    }
}
