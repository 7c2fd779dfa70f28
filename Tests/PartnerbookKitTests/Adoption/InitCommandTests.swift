import Foundation
import Testing
import Yams
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
@testable import PartnerbookSystem
import PartnerbookTestSupport

/// `partnerbook init`, `--version`, `schema`, and what a new user trips on.
@Suite struct InitCommandTests {
    @Test func initStartsAProgramThatCheckFlagsUntilFilledIn() throws {
        let folder = TemporaryFolder()
        let result = try Binary.run(["init"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["Content/program.yaml", "Content/partners/first-partner.yaml", "Content/.schemas/partner.schema.json",
                     "Content/.schemas/program.schema.json", ".gitignore", ".github/workflows/partnerbook.yml"] {
            #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(path).path), "\(path)")
        }
        let program = try String(contentsOf: folder.url.appendingPathComponent("Content/program.yaml"), encoding: .utf8)
        #expect(program.hasPrefix("# yaml-language-server: $schema=.schemas/program.schema.json\n"))
        let partner = try String(contentsOf: folder.url.appendingPathComponent("Content/partners/first-partner.yaml"), encoding: .utf8)
        #expect(partner.hasPrefix("# yaml-language-server: $schema=../.schemas/partner.schema.json\n"))
        let check = try Binary.run(["check"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("Content/program.yaml:6:1: error: name still holds the placeholder 'TODO program name' [content.placeholder]"))
        #expect(check.stdout.contains("Content/partners/first-partner.yaml:"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent(".gitignore"), encoding: .utf8).contains("/Output/"))
    }

    @Test func initRefusesToOverwriteAProgram() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner])
        let program = try String(contentsOf: folder.url.appendingPathComponent("program.yaml"), encoding: .utf8)
        folder.write("Content/program.yaml", program)
        let result = try Binary.run(["init"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Content/program.yaml already exists"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".gitignore").path), "nothing was written")
    }

    @Test func theWorkflowChecksPullRequestsAndPublishesMain() throws {
        let folder = TemporaryFolder()
        #expect(try Binary.run(["init", "site"], in: folder.url).status == 0)
        let text = try String(contentsOf: folder.url.appendingPathComponent("site/.github/workflows/partnerbook.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let check = try #require(jobs["check"] as? [String: Any])
        #expect(check["if"] as? String == "github.event_name == 'pull_request'")
        let checkSteps = try #require(check["steps"] as? [[String: Any]])
        #expect(checkSteps.contains { ($0["run"] as? String) == "partnerbook check --format github --strict" })
        let publish = try #require(jobs["publish"] as? [String: Any])
        let steps = try #require(publish["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["run"] as? String)?.hasPrefix("partnerbook build") == true })
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages@") == true })
        #expect((publish["permissions"] as? [String: String])?["pages"] == "write")
        // The commit this binary was built from: it exists whether or not anyone tagged it.
        let head = try Git.run(["rev-parse", "HEAD"], in: Binary.repository).text.trimmingCharacters(in: .whitespacesAndNewlines)
        let commit = try #require(head.count == 40 ? head : nil, "the tests run in a git checkout")
        #expect((workflow["env"] as? [String: Any])?["PARTNERBOOK_REF"] as? String == commit)
        for job in [checkSteps, steps] {
            let checkout = try #require(job.first { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true })
            #expect((checkout["with"] as? [String: Any])?["fetch-depth"] as? Int == 0, "the whole history, for the redline")
            let cache = try #require(job.first { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
            #expect((cache["with"] as? [String: Any])?["key"] as? String == "partnerbook-${{ runner.os }}-${{ env.PARTNERBOOK_REF }}")
            let install = try #require(job.first { ($0["name"] as? String)?.hasPrefix("Install Partnerbook") == true })
            #expect(install["if"] as? String == "steps.binary.outputs.cache-hit != 'true'", "a cached binary is not compiled again")
        }
    }

    /// Section 23: the install step of the workflow `init` writes, run as
    /// written against a clone of this repository that has no tags: it
    /// checks out the commit the binary was built from. (The release build
    /// `scripts/install` makes is left out: CI's new-user path runs it.)
    @Test(.enabled(if: Git.executable != nil, "git is not installed"))
    func theWorkflowsInstallStepFindsItsVersionInACloneWithoutTags() throws {
        let folder = TemporaryFolder()
        #expect(try Binary.run(["init", "site"], in: folder.url).status == 0)
        let text = try String(contentsOf: folder.url.appendingPathComponent("site/.github/workflows/partnerbook.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let env = try #require(workflow["env"] as? [String: Any])
        let ref = try #require(env["PARTNERBOOK_REF"] as? String)
        let steps = try #require(((workflow["jobs"] as? [String: Any])?["check"] as? [String: Any])?["steps"] as? [[String: Any]])
        let install = try #require(steps.first { ($0["name"] as? String)?.hasPrefix("Install Partnerbook") == true }?["run"] as? String)
        #expect(install.contains("scripts/install"))
        // A clone of this repository with no tags at all, as a team's fork may be.
        let source = folder.url.appendingPathComponent("source")
        #expect(try TestGit.run(["clone", "--quiet", "--no-tags", Binary.repository.path, source.path], in: folder) == 0)
        #expect(try TestGit.run(["-C", source.path, "tag", "--delete", "v\(PartnerbookVersion.current)"], in: folder) != 0, "no tag to lean on")
        let script = install.replacingOccurrences(of: "\"$RUNNER_TEMP/partnerbook/scripts/install\" \"$HOME/.local\"",
                                                  with: "test -x \"$RUNNER_TEMP/partnerbook/scripts/install\"")
        let runner = folder.url.appendingPathComponent("runner")
        try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", script]
        process.environment = ["PARTNERBOOK_GIT": source.path, "PARTNERBOOK_REF": ref, "RUNNER_TEMP": runner.path, "HOME": folder.url.path,
                               "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the install step fails: \(script)")
        let head = try Git.run(["rev-parse", "HEAD"], in: runner.appendingPathComponent("partnerbook"))
        #expect(head.text.trimmingCharacters(in: .whitespacesAndNewlines) == ref)
    }

    @Test func versionIsOnTheCommandAndEverySubcommand() throws {
        let folder = TemporaryFolder()
        let root = try Binary.run(["--version"], in: folder.url)
        #expect(root.stdout == "partnerbook \(PartnerbookVersion.current)\n")
        for command in ["check", "build", "new", "record", "fingerprint", "sign", "changes", "serve", "init", "templates", "schema"] {
            let help = try Binary.run([command, "--help"], in: folder.url)
            #expect(help.stdout.contains("--version"), "\(command) --help")
        }
        #expect(try Binary.run(["build", "--version"], in: folder.url).stdout == "partnerbook \(PartnerbookVersion.current)\n")
    }

    @Test func aMissingContentFolderSaysWhereItLookedAndSuggestsInit() throws {
        let folder = TemporaryFolder()
        for command in [["check"], ["build"], ["record", "2026-Q4", "--from", "x.csv"], ["changes", "x"]] {
            let result = try Binary.run(command, in: folder.url)
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("no content folder at Content (looked in "), "\(command)")
            #expect(result.stderr.contains("run partnerbook init"), "\(command)")
        }
    }
}

/// The JSON Schemas for editors.
@Suite struct ContentSchemaTests {
    private func schema(_ kind: ContentSchema.Kind) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(ContentSchema.json(kind).utf8)) as? [String: Any])
    }

    private func properties(_ node: [String: Any]?, _ path: [String]) -> [String: Any]? {
        var current = node
        for key in path {
            var next = (current?["properties"] as? [String: Any])?[key] as? [String: Any]
            if let items = next?["items"] as? [String: Any] { next = items }
            current = next
        }
        return current?["properties"] as? [String: Any]
    }

    @Test func everyKeyTheLoaderKnowsIsInTheSchema() throws {
        let partner = try schema(.partner)
        #expect(partner["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(Set(properties(partner, [])!.keys) == Set(PartnerLoader.topKeys))
        #expect(Set(properties(partner, ["charter"])!.keys) == Set(CharterLoader.keys))
        #expect(Set(properties(partner, ["charter", "measurement", "metrics"])!.keys) == Set(CharterLoader.metricKeys))
        #expect(Set(properties(partner, ["reviews"])!.keys) == Set(ReviewLoader.reviewKeys))
        #expect(Set(properties(partner, ["signatures"])!.keys) == Set(ReviewLoader.signatureAllKeys))
        #expect(Set(properties(partner, ["signatures", "ssh"])!.keys) == Set(ReviewLoader.sshKeys))
        #expect(partner["required"] as? [String] == ["name", "tier", "status"])
        let program = try schema(.program)
        #expect(Set(properties(program, [])!.keys) == Set(ProgramLoader.keys))
        #expect(Set(properties(program, ["scoring"])!.keys) == Set(ProgramLoader.scoringKeys))
        #expect(program["required"] as? [String] == ["name", "company"])
    }

    @Test func enumsAndDescriptionsAreThere() throws {
        let partner = try schema(.partner)
        let status = try #require(properties(partner, [])?["status"] as? [String: Any])
        #expect(status["enum"] as? [String] == ["prospect", "crawl", "walk", "run", "ended"])
        #expect((status["description"] as? String)?.isEmpty == false)
        let leverage = try #require(properties(partner, ["leverage"])?["type"] as? [String: Any])
        #expect(leverage["enum"] as? [String] == ["requirement", "economic", "competitive", "customer", "co-marketing"])
    }

    @Test func schemaPrintsEitherKind() throws {
        let folder = TemporaryFolder()
        let result = try Binary.run(["schema", "program"], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == ContentSchema.json(.program))
        #expect(try Binary.run(["schema", "nonsense"], in: folder.url).status == 64)
    }
}
