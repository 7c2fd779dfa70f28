import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookRender
import PartnerbookTestSupport

/// The generated reference pages in `docs/reference/` are what the code
/// says now: regenerate them with `partnerbook docs` after changing a rule,
/// a key or a view.
@Suite struct ReferenceDocsTests {
    static let pages: [OutputFile] = {
        let content = Binary.repository.appendingPathComponent("Content")
        return (try? ReferenceDocs.pages(.test(content, asOf: nil))) ?? []
    }()

    @Test(arguments: ["rules.md", "content.md", "templates.md"])
    func theCommittedPageIsCurrent(_ name: String) throws {
        let fresh = try #require(Self.pages.first { $0.path == name }, "no page \(name) generated")
        let committed = try Data(contentsOf: Binary.repository.appendingPathComponent(ReferenceDocs.folder + "/" + name))
        #expect(String(decoding: committed, as: UTF8.self) == String(decoding: fresh.data, as: UTF8.self),
                "docs/reference/\(name) is stale: run `swift run partnerbook docs`")
    }

    @Test func everyRuleAndEveryTemplateHasItsEntry() throws {
        let rules = String(decoding: try #require(Self.pages.first { $0.path == "rules.md" }).data, as: UTF8.self)
        for info in RuleCatalog.all { #expect(rules.contains("## `\(info.rule.id)`")) }
        let templates = String(decoding: try #require(Self.pages.first { $0.path == "templates.md" }).data, as: UTF8.self)
        for name in TemplateName.allCases {
            #expect(templates.contains("## `\(name.rawValue).mustache`\n\n| variable"), "\(name.rawValue) has no variables listed")
        }
        // A variable the charter template uses is listed under it.
        let charter = try #require(templates.components(separatedBy: "## `charter.md.mustache`").last?.components(separatedBy: "\n## ").first)
        #expect(charter.contains("| `partnerName` | text |"))
        #expect(charter.contains("| `draft` | yes/no |"))
    }

    @Test func everyKeyTheLoaderReadsIsListed() throws {
        let content = String(decoding: try #require(Self.pages.first { $0.path == "content.md" }).data, as: UTF8.self)
        for key in ["`charter.governance.exit_criteria`", "`reviews[].next_review`", "`charter.measurement.metrics[].counts_toward`",
                    "`outcomes[].revenue`", "`exchange_rates.<CURRENCY>`"] {
            #expect(content.contains(key), "\(key) missing")
        }
    }
}
