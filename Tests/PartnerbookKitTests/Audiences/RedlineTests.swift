import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookSystem
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// What changed since signing, from the partner file's git history.
@Suite(.serialized) struct RedlineTests {
    typealias F = Fixtures

    /// Runs git in `folder` with a fixed identity and dates.
    @discardableResult
    private func git(_ arguments: [String], in folder: TemporaryFolder) throws -> Int32 {
        try TestGit.run(arguments, in: folder)
    }

    /// A repository with the content in `content/`: the signed fixture, then an edit of `we_give`, two commits.
    private func repository() throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", F.partner)
        try #require(try git(["init", "-q"], in: folder) == 0)
        try git(["add", "-A"], in: folder)
        try #require(try git(["commit", "-q", "-m", "Signed charter"], in: folder) == 0)
        folder.write("content/partners/acme.yaml", F.partner(replacing: "we_give: [ Connector ]", with: "we_give: [ Connector and SSO ]"))
        try git(["commit", "-q", "-a", "-m", "Amend the value exchange"], in: folder)
        return folder
    }

    /// The redline reads git history, so the cache keys a charter that read it by the
    /// repository's state: a commit after a build renders it again, as --no-cache does.
    @Test func aCommitAfterABuildIsSeenByTheCache() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", F.partner)
        try #require(try git(["init", "-q"], in: folder) == 0)
        try git(["add", "content/program.yaml"], in: folder)
        try #require(try git(["commit", "-q", "-m", "Program only"], in: folder) == 0)
        // The signed charter is amended before it was ever committed: the history has no signed version.
        folder.write("content/partners/acme.yaml", F.partner(replacing: "we_give: [ Connector ]", with: "we_give: [ Connector and SSO ]"))
        let build = ["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path]
        #expect(try Binary.run(build, in: folder.url).status == 0)
        let charter = { try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8) }
        #expect(try charter().contains("What changed cannot be shown"))
        // Now the signed version is committed, then the amendment on top of it.
        folder.write("content/partners/acme.yaml", F.partner)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "Signed charter"], in: folder)
        folder.write("content/partners/acme.yaml", F.partner(replacing: "we_give: [ Connector ]", with: "we_give: [ Connector and SSO ]"))
        try git(["commit", "-q", "-a", "-m", "Amend"], in: folder)
        let cached = try Binary.run(build, in: folder.url)
        #expect(cached.status == 0)
        let withCache = try charter()
        #expect(try Binary.run(build + ["--no-cache"], in: folder.url).status == 0)
        #expect(withCache == (try charter()), "the cached build gives the charter --no-cache gives")
        #expect(withCache.contains("~~Connector~~") || withCache.contains("Connector and SSO"))
        #expect(!withCache.contains("What changed cannot be shown"))
    }

    @Test func checkNamesTheChangedFieldWithItsOldAndNewText() throws {
        let folder = try repository()
        let result = try Binary.run(["check", "--content", "content"], in: folder.url)
        #expect(result.status == 0, "a stale signature is a warning: the amended charter must still build")
        let stale = result.stdout.split(separator: "\n").filter { $0.contains("[signature.stale]") }
        #expect(stale.count == 2)
        #expect(stale.allSatisfy { $0.contains("warning:") })
        #expect(stale.first?.contains("charter.value_exchange.we_give[1] changed from \"Connector\" to \"Connector and SSO\"") == true)
        #expect(try Binary.run(["check", "--strict", "--content", "content"], in: folder.url).status == 1, "--strict gates CI")
    }

    @Test func changesListsEveryFieldForEachParty() throws {
        let folder = try repository()
        let text = try Binary.run(["changes", "acme", "--content", "content"], in: folder.url)
        #expect(text.status == 0)
        #expect(text.stdout.contains("us: signed by Dana Ruiz, 2025-01-08; stale, signed text in commit"))
        #expect(text.stdout.contains("  charter.value_exchange.we_give[1]\n    signed: \"Connector\"\n    now:    \"Connector and SSO\""))
        let json = try Binary.run(["changes", "acme", "--format", "json", "--content", "content"], in: folder.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let parties = try #require(object["parties"] as? [[String: Any]])
        #expect(parties.map { $0["state"] as? String } == ["stale", "stale"])
        let change = try #require((parties[1]["changes"] as? [[String: Any]])?.first)
        #expect(change["path"] as? String == "charter.value_exchange.we_give[1]")
        #expect(change["old"] as? String == "Connector" && change["new"] as? String == "Connector and SSO")
    }

    @Test func theAmendedCharterBuildsAsADraftWithItsChangesMarked() throws {
        let folder = try repository()
        let result = try Binary.run(["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path],
                                    in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8)
        #expect(markdown.contains("> **DRAFT.**"))
        #expect(markdown.contains("## Changed since signed"))
        // Named by the heading it prints under, never by its YAML path; with the day it was amended.
        #expect(markdown.contains("- 2\\. Value exchange: Northwind Analytics gives: <del>Connector</del> → <ins>Connector and SSO</ins>"), "\(markdown)")
        #expect(!markdown.contains("we\\_give"))
        #expect(markdown.contains("signed, amended on "))
        let html = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.html"), encoding: .utf8)
        // The summary is marked as the text is: each mark announced to a screen reader.
        #expect(html.contains("<del><span class=\"visually-hidden\">deleted: </span>Connector</del> → <ins><span class=\"visually-hidden\">inserted: </span>Connector and SSO</ins>"))
        let home = try String(contentsOf: folder.url.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(home.contains("<h3>Decisions and meetings due</h3>"), "re-signing needs a meeting")
    }

    /// Section 16: a clause amended inside a sentence shows, in its own
    /// section, the old words struck and the new ones marked, word by word,
    /// in the HTML and the Markdown; the summary list stays.
    @Test func anAmendedClauseIsMarkedWhereItStandsWordByWord() throws {
        let folder = TemporaryFolder()
        let signed = "exit_criteria: [ Revenue under half of target for two quarters ]"
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", F.partner(replacing: "exit_criteria: [ Revenue under half of target ]", with: signed)
            .replacingOccurrences(of: F.fingerprint, with: "sha256:" + String(repeating: "0", count: 64)))
        let fingerprint = try Binary.run(["fingerprint", "acme", "--content", "content"], in: folder.url).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let withSigned = F.partner(replacing: "exit_criteria: [ Revenue under half of target ]", with: signed)
            .replacingOccurrences(of: F.fingerprint, with: fingerprint)
        folder.write("content/partners/acme.yaml", withSigned)
        try #require(try git(["init", "-q"], in: folder) == 0)
        try git(["add", "-A"], in: folder)
        try #require(try git(["commit", "-q", "-m", "Signed charter"], in: folder) == 0)
        folder.write("content/partners/acme.yaml", withSigned.replacingOccurrences(
            of: signed, with: "exit_criteria: [ Revenue under a third of target for three quarters ]"))
        try git(["commit", "-q", "-a", "-m", "Amend the exit criteria"], in: folder)
        let log = Process()
        log.executableURL = try #require(Git.executable)
        log.arguments = ["-C", folder.url.path, "log", "-1", "--format=%cs"]
        let pipe = Pipe()
        log.standardOutput = pipe
        try log.run()
        log.waitUntilExit()
        let committed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        folder.write("amended-on", Day(committed).map(Format.date) ?? committed)
        let build = try Binary.run(["build", "--content", "content", "--output", "out", "--templates", TestBuild.templates.path],
                                   in: folder.url)
        #expect(build.status == 0, "\(build.stderr)")
        func section(_ text: String, from start: String, to end: String) throws -> Substring {
            let from = try #require(text.range(of: start), "no \(start)")
            let to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex), "no \(end) after \(start)")
            return text[from.upperBound..<to.lowerBound]
        }
        let html = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.html"), encoding: .utf8)
        let governance = try section(html, from: "5. Governance</h2>", to: "Signatures</h2>")
        // In HTML each mark says what it is to a screen reader; a struck word and its replacement stay apart.
        #expect(governance.contains("Revenue under <del><span class=\"visually-hidden\">deleted: </span>half</del> <ins><span class=\"visually-hidden\">inserted: </span>a third</ins> of target for <del><span class=\"visually-hidden\">deleted: </span>two</del> <ins><span class=\"visually-hidden\">inserted: </span>three</ins> quarters"),
                "\(governance)")
        let markdown = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.md"), encoding: .utf8)
        let clause = try section(markdown, from: "## 5\\. Governance", to: "## Signatures")
        #expect(clause.contains("Revenue under <del>half</del> <ins>a third</ins> of target for <del>two</del> <ins>three</ins> quarters"),
                "\(clause)")
        // Nothing else is marked: the other sections read as they are.
        let before = try section(markdown, from: "## Parties", to: "## 5\\. Governance")
        #expect(!before.contains("<del>") && !before.contains("<ins>"))
        // The summary list stays, and no marker leaks.
        #expect(markdown.contains("## Changed since signed"))
        #expect(markdown.contains("- 5\\. Governance: Exit criteria: <del>Revenue under half of target for two quarters</del> → <ins>"), "\(markdown)")
        // The amendment's day: the commit that changed the signed text.
        let day = try String(contentsOf: folder.url.appendingPathComponent("amended-on"), encoding: .utf8)
        #expect(markdown.contains("signed, amended on \(day):"), "\(markdown)")
        #expect(!markdown.unicodeScalars.contains { (0xF8F0...0xF8FF).contains($0.value) })
        #expect(!html.unicodeScalars.contains { (0xF8F0...0xF8FF).contains($0.value) })
    }

    @Test func withoutGitTheRuleStillFiresAndSaysWhy() throws {
        let folder = TemporaryFolder.content(["acme": F.partner(replacing: "we_give: [ Connector ]", with: "we_give: [ Connector and SSO ]")])
        let result = try Binary.run(["check", "--content", "."], in: folder.url)
        let stale = result.stdout.split(separator: "\n").filter { $0.contains("[signature.stale]") }
        #expect(stale.count == 2)
        #expect(stale.first?.contains("what changed cannot be shown: the content folder is not in a git repository") == true)
    }

    @Test func withHistoryButNoMatchingRevisionItSaysSo() throws {
        let folder = TemporaryFolder()
        folder.write("program.yaml", F.program)
        folder.write("partners/acme.yaml", F.partner(replacing: "we_give: [ Connector ]", with: "we_give: [ Connector and SSO ]"))
        try #require(try git(["init", "-q"], in: folder) == 0)
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "Only the amended text"], in: folder)
        let result = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(result.stdout.contains("none of the 1 committed version of partners/acme.yaml has the signed fingerprint"))
    }
}
