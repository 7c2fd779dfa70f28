import Foundation
import Testing
@testable import PartnerbookRender
import PartnerbookTestSupport

/// The home page joins each partner's card as `card.html` filled it when the
/// partner was rendered (and as the cache kept it): the same bytes as filling
/// the card inside the page, and a card edited is a card rebuilt.
@Suite struct FragmentTests {
    static let content = Binary.repository.appendingPathComponent("Content").path

    func read(_ folder: TemporaryFolder, _ path: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent(path), encoding: .utf8)
    }

    /// Page templates that write the item out themselves, as they read
    /// before the fragment partials existed: the same pages, byte for byte.
    @Test func theJoinedFragmentsAreWhatFillingThemInThePageGives() throws {
        let folder = TemporaryFolder()
        for (page, partial, section) in [("index.html", "card.html", "cards"), ("program-scorecard.md", "program-scorecard-row.md", "partners")] {
            let fragment = try #require(BuiltInTemplates.files[partial + ".mustache"])
            // The item's own lines: the pragma and the comment before them stay behind.
            let body = fragment.split(separator: "\n", omittingEmptySubsequences: false)
                .drop { $0.hasPrefix("{{%") || $0.hasPrefix("{{!") }.joined(separator: "\n")
            let text = try #require(BuiltInTemplates.files[page + ".mustache"])
            let tag = "{{#\(section)}}\n{{> \(partial)}}\n{{/\(section)}}"
            #expect(text.contains(tag))
            folder.write("inline/\(page).mustache", text.replacingOccurrences(of: "{{> \(partial)}}\n", with: body))
        }
        let joined = try Binary.run(["build", "--content", Self.content, "--output", "joined", "--no-cache"], in: folder.url)
        let inline = try Binary.run(["build", "--content", Self.content, "--output", "inline-out", "--no-cache",
                                     "--templates", folder.url.appendingPathComponent("inline").path], in: folder.url)
        #expect(joined.status == 0 && inline.status == 0, "\(joined.stderr)\n\(inline.stderr)")
        #expect((try read(folder, "joined/index.html")).components(separatedBy: "<li class=\"card\"").count == 9)
        #expect((try read(folder, "joined/program/scorecard.md")).split(separator: "\n").filter { $0.hasPrefix("| [") }.count == 8)
        #expect((try read(folder, "joined/program/scorecard.html")).components(separatedBy: "/scorecard.html\">").count >= 9)
        for path in ["index.html", "program/scorecard.md", "program/scorecard.html"] {
            #expect(try read(folder, "joined/" + path) == read(folder, "inline-out/" + path), "\(path)")
        }
    }

    /// A changed `card.html` reaches every card on the next build, though the
    /// partners' files did not change and their listings came from the cache.
    @Test func anEditedCardTemplateRebuildsTheCards() throws {
        let folder = TemporaryFolder()
        let templates = folder.url.appendingPathComponent("templates").path
        let card = try #require(BuiltInTemplates.files["card.html.mustache"])
        folder.write("templates/card.html.mustache", card)
        let first = try Binary.run(["build", "--content", Self.content, "--output", "out", "--templates", templates], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!(try read(folder, "out/index.html")).contains("data-edited"))
        folder.write("templates/card.html.mustache", card.replacingOccurrences(of: "<li class=\"card\"", with: "<li data-edited class=\"card\""))
        let second = try Binary.run(["build", "--content", Self.content, "--output", "out", "--templates", templates], in: folder.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect((try read(folder, "out/index.html")).components(separatedBy: "<li data-edited class=\"card\"").count == 9)
    }

    /// An item answers its fragment by the partial's stand-in name, and any
    /// other name from its own fields.
    @Test func aFragmentItemAnswersItsTextAndItsFields() {
        let item = Fragment(text: "<li>Acme</li>\n") { ["name": "Acme"] }
        #expect(item.child(named: Fragment.key) as? String == "<li>Acme</li>\n")
        #expect(item.child(named: "name") as? String == "Acme")
        #expect(item.child(named: "missing") == nil)
    }
}
