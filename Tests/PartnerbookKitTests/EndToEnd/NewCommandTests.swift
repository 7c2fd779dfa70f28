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

/// `partnerbook new` run as a process.
@Suite struct NewCommandTests {
    @Test func writesAFileThatCheckFlagsUntilFilledIn() throws {
        let folder = TemporaryFolder.content([:])
        let made = try Binary.run(["new", "globex", "--tier", "2", "--content", "."], in: folder.url)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOf: folder.url.appendingPathComponent("partners/globex.yaml"), encoding: .utf8)
        #expect(text.contains("tier: partnership"))
        for section in ["profile:", "contacts:", "leverage:", "commitments:", "goals:", "value_exchange:", "timeline:",
                        "measurement:", "governance:", "co_marketing:", "reviews:", "signatures:"] {
            #expect(text.contains(section), "scaffold lacks \(section)")
        }
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("./partners/globex.yaml:5:1: error: name still holds the placeholder 'TODO partner name' [content.placeholder]"))
        #expect(!check.stdout.contains("[schema.unknown-key]"), "the scaffold only uses known keys")
        #expect(!check.stdout.contains("[schema.type]"), "placeholders are reported as placeholders")
    }

    @Test func scaffoldWithEveryPlaceholderFilledPassesCheck() throws {
        var text = NewPartner.text(tier: .integration)
        let replacements: [(String, String)] = [
            ("TODO partner name", "Globex"), ("TODO@example.com", "a@globex.example"),
            ("TODO YYYY-MM-DD   # after crawl ends", "2027-03-01"), ("TODO YYYY-MM-DD   # after walk ends", "2027-06-01"),
            ("TODO YYYY-MM-DD     # 4 to 8 weeks after start", "2027-02-22"),
            ("TODO YYYY-MM-DD     # 8 to 12 weeks after start", "2027-05-24"),
            ("TODO YYYY-MM-DD", "2027-01-11"), ("TODO number", "10"),
            ("TODO requirement | economic | competitive | customer | co-marketing", "economic"),
            ("TODO_metric_id", "leads"), ("engineering_resources: false", "engineering_resources: true"),
        ]
        for (old, new) in replacements {
            #expect(text.contains(old), "scaffold lacks \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        text = text.replacingOccurrences(of: "TODO", with: "Filled")
        let diagnostics = Fixtures.check(text)
        // A new partner is a prospect nobody has signed yet: those two warnings are its due.
        #expect(diagnostics.map(\.rule) == ["signature.missing", "signature.missing"], "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func refusesToOverwrite() throws {
        let folder = TemporaryFolder.content(["acme": "name: Kept\n"])
        let result = try Binary.run(["new", "acme", "--content", "."], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("already exists"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("partners/acme.yaml"), encoding: .utf8) == "name: Kept\n")
    }

    @Test(arguments: ["Acme", "-acme", "acme_cloud", "../escape", "a b", ""])
    func refusesInvalidIDs(_ id: String) throws {
        let folder = TemporaryFolder.content([:])
        let result = try Binary.run(["new", id, "--content", "."], in: folder.url)
        #expect(result.status != 0 && result.status != 1)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("partners/\(id).yaml").path))
    }
}
