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

/// The default templates are built into the binary, and `Templates/` is their source.
@Suite struct BuiltInTemplatesTests {
    @Test func theBuiltInSetIsExactlyTheRepositorysTemplatesFolder() throws {
        let folder = TestBuild.templates
        let files = OutputWriter.filesBelow(folder)
        #expect(Set(files) == Set(BuiltInTemplates.files.keys), "run scripts/embed-templates after editing Templates/")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInTemplates.files[file] == text, "\(file) differs from its built-in copy: run scripts/embed-templates")
        }
    }

    @Test func aBuildWithNoTemplatesFolderUsesTheBuiltInSet() throws {
        let folder = TemporaryFolder.project(["acme": Fixtures.partner])
        let result = try Binary.run(["build", "--content", "content", "--output", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let charter = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/charter.html"), encoding: .utf8)
        #expect(charter.contains("<h1>Partnership charter: Acme Cloud</h1>"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/assets/partnerbook.css").path))
    }

    @Test func aTemplatesFolderReplacesTheBuiltInSetFileByFile() throws {
        let folder = TemporaryFolder.project(["acme": Fixtures.partner])
        let charter = BuiltInTemplates.files["charter.md.mustache"]!.replacingOccurrences(of: "## Parties", with: "## Parties (our own template)")
        folder.write("Templates/charter.md.mustache", charter)
        let result = try Binary.run(["build", "--content", "content", "--output", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.url.appendingPathComponent("out/partners/acme")
        #expect(try String(contentsOf: out.appendingPathComponent("charter.md"), encoding: .utf8).contains("## Parties (our own template)"))
        #expect(try String(contentsOf: out.appendingPathComponent("scorecard.md"), encoding: .utf8).contains("# Partner scorecard: Acme Cloud"))
    }

    /// A built-in layout is filled once around the body (`DocumentRenderer.page`);
    /// a person's own layout gets the body to do with as it writes: here twice,
    /// once escaped.
    @Test func aPersonsLayoutGetsTheBodyAsItWritesIt() throws {
        let folder = TemporaryFolder.project(["acme": Fixtures.partner])
        let layout = try #require(BuiltInTemplates.files["layout.html.mustache"])
        #expect(layout.components(separatedBy: "{{{body}}}").count == 2)
        folder.write("Templates/layout.html.mustache", layout.replacingOccurrences(of: "{{{body}}}", with: "{{{body}}}<pre>{{body}}</pre>"))
        let result = try Binary.run(["build", "--content", "content", "--output", "out"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/index.html"), encoding: .utf8)
        let pre = try #require(page.range(of: "<pre>"))
        #expect(page[..<pre.lowerBound].contains("<h1"), "the body as HTML")
        #expect(page[pre.upperBound...].contains("&lt;h1"), "and again, escaped")
        #expect(!page.contains("\u{1}"), "no marker left")
        let home = try String(contentsOf: folder.url.appendingPathComponent("out/index.html"), encoding: .utf8)
        #expect(home.contains("<pre>&lt;") && !home.contains("\u{1}"))
    }

    /// Three partners, one with a line break and a `$` in its summary.
    private static let partners = [
        "acme": Fixtures.partner,
        "beta": Fixtures.partner(replacing: "name: Acme Cloud", with: "name: Beta & Co"),
        "gamma": Fixtures.partner(replacing: "summary: A *good* partner.", with: "summary: \"Line one,\\nline two: $1 & <b>\""),
    ]

    /// `page` as the built-in `template` makes it and as the same template
    /// does as a person's own file, for the first `count` of `partners`.
    private func builtInAndOwn(_ template: String, page: String, partners count: Int) throws -> (made: Data, whole: Data) {
        let text = try #require(BuiltInTemplates.files[template + ".mustache"])
        let folder = TemporaryFolder.project(BuiltInTemplatesTests.partners.filter { ["acme", "beta", "gamma"].prefix(count).contains($0.key) })
        let builtIn = try Binary.run(["build", "--content", "content", "--output", "built-in"], in: folder.url)
        folder.write("Templates/\(template).mustache", "{{! a person's own copy }}" + text)
        let own = try Binary.run(["build", "--content", "content", "--output", "own"], in: folder.url)
        #expect(builtIn.status == 0 && own.status == 0, "\(builtIn.stderr) \(own.stderr)")
        return (try Data(contentsOf: folder.url.appendingPathComponent("built-in/" + page)),
                try Data(contentsOf: folder.url.appendingPathComponent("own/" + page)))
    }

    /// The built-in home page is filled with two marker cards and its cards
    /// copied between the pieces (`DocumentRenderer.homeBody`); the same
    /// template as a person's own file is filled with every card. Both give
    /// the same bytes, for one card, two and three.
    @Test func theHomePageMadeAroundItsCardsIsTheHomePageFilledWhole() throws {
        for count in 1...3 {
            let (made, whole) = try builtInAndOwn("index.html", page: "index.html", partners: count)
            #expect(made == whole, "\(count) cards")
            #expect(String(decoding: made, as: UTF8.self).components(separatedBy: "<li class=\"card\"").count == count + 1)
        }
    }

    /// The built-in validation report is filled a file's section at a time
    /// and the sections put into the page without them
    /// (`DocumentRenderer.reportBody`); the same template as a person's own
    /// file is filled with every finding at once. Both give the same bytes,
    /// for the findings of no file, one and two (the example partner has
    /// none; the other two some).
    @Test func theReportMadeASectionAtATimeIsTheReportFilledWhole() throws {
        for count in 1...3 {
            let (made, whole) = try builtInAndOwn("report.html", page: "program/report.html", partners: count)
            #expect(made == whole, "the findings of \(count) partners")
            // Two files with findings or more: the report is made a section at a time.
            let sections = String(decoding: made, as: UTF8.self).components(separatedBy: "<section class=\"report-group\"").count - 1
            #expect(sections == count - 1)
        }
    }

    /// HTML templates are parsed with one line put in front (the byte-wise
    /// escaping); an error still names the line of the person's own file.
    @Test func aSyntaxErrorInAnHTMLTemplateNamesItsOwnLine() throws {
        let folder = TemporaryFolder()
        let text = "<h1>{{title}}</h1>\n<p>fine</p>\n<ul>{{/cards}}</ul>\n"
        folder.write("mine/index.html.mustache", text)
        do {
            _ = try TemplateSet.load(from: folder.url.appendingPathComponent("mine"), displayPath: "mine")
            Issue.record("a broken template loaded")
        } catch let error as TemplateError {
            // `{{/cards}}` closes nothing, on the file's third line.
            #expect(error.file == "mine/index.html.mustache" && error.line == 3, "\(error)")
        }
    }

    @Test func aNamedTemplatesFolderMustExist() throws {
        let folder = TemporaryFolder.project(["acme": Fixtures.partner])
        let result = try Binary.run(["build", "--content", "content", "--output", "out", "--templates", "Mine"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Mine:1:1: error: templates folder does not exist [template]"))
    }

    @Test func templatesWritesTheSetOutAndOverwritesNothing() throws {
        let folder = TemporaryFolder()
        let first = try Binary.run(["templates", "mine"], in: folder.url)
        #expect(first.status == 0)
        for (name, text) in BuiltInTemplates.files {
            #expect(try String(contentsOf: folder.url.appendingPathComponent("mine/\(name)"), encoding: .utf8) == text)
        }
        folder.write("mine/charter.md.mustache", "edited")
        let second = try Binary.run(["templates", "mine"], in: folder.url)
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("mine/charter.md.mustache"), encoding: .utf8) == "edited")
    }
}
