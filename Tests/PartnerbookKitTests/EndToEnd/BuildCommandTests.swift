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

/// `partnerbook build` run as a process on real folders.
@Suite struct BuildCommandTests {
    private func build(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> Binary.Result {
        try Binary.run(["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "out"] + extra,
                       in: folder.url)
    }

    private func contentFolder(_ partners: [String: String]) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        for (id, text) in partners { folder.write("content/partners/\(id).yaml", text) }
        return folder
    }

    private func tree(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in OutputWriter.filesBelow(url) {
            out[path] = try Data(contentsOf: url.appendingPathComponent(path))
        }
        return out
    }

    @Test func buildsEveryDocumentAndAManifest() throws {
        let folder = contentFolder(["acme": Fixtures.partner])
        let result = try build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try tree(folder.url.appendingPathComponent("out"))
        #expect(files["partners/acme/charter.html"] != nil)
        #expect(files["partners/acme/qbr/2026-Q4.md"] != nil)
        #expect(files["program/report.html"] != nil)
        let manifest = String(decoding: try #require(files[OutputWriter.manifestName]), as: UTF8.self)
        #expect(manifest.contains("partners/acme/charter.md\n"))
        #expect(result.stderr.contains("built "))
    }

    /// The manifest and the sitemap are read from the partners' file lists
    /// in the order of their folders (`SortedPaths`): `a-b/` sorts before
    /// `a/`, though the ID `a` sorts before `a-b`. Both list every path once, sorted.
    @Test func theManifestAndSitemapListEveryPathSortedWhateverTheIDs() throws {
        let ids = ["a", "a-b", "a0", "b"]
        let folder = contentFolder(Dictionary(uniqueKeysWithValues: ids.map { ($0, Fixtures.partner) }))
        let result = try build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try tree(folder.url.appendingPathComponent("out"))
        let manifest = String(decoding: try #require(files[OutputWriter.manifestName]), as: UTF8.self)
        let lines = manifest.split(separator: "\n").map(String.init)
        #expect(lines == files.keys.filter { $0 != OutputWriter.manifestName }.sorted())
        #expect(lines.firstIndex(of: "partners/a-b/charter.html")! < lines.firstIndex(of: "partners/a/charter.html")!)
        let sitemap = String(decoding: try #require(files["sitemap.xml"]), as: UTF8.self)
        let pages = sitemap.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(pages == lines.filter { $0.hasSuffix(".html") })
    }

    @Test func contentErrorsWriteNothing() throws {
        let folder = contentFolder(["acme": Fixtures.partner])
        #expect(try build(folder).status == 0)
        let before = try tree(folder.url.appendingPathComponent("out"))
        folder.write("content/partners/acme.yaml", Fixtures.partner.replacingOccurrences(of: "tier: strategic", with: "tier: 7"))
        folder.write("content/partners/zeta.yaml", Fixtures.partner)
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: tier must be"))
        #expect(try tree(folder.url.appendingPathComponent("out")) == before)
    }

    /// Section 19: a partner in run with no signature (signature.missing,
    /// an error) still gets its charter, marked DRAFT with the error on it,
    /// so it can be signed; the build exits 1 so CI fails. A second run
    /// with nothing changed says the same.
    @Test func aCharterAwaitingSignatureIsWrittenAndTheBuildFails() throws {
        let folder = contentFolder(["acme": Fixtures.partnerBody])
        let result = try build(folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("[signature.missing]"))
        #expect(result.stderr.contains("the documents were written"), "\(result.stderr)")
        let charter = String(decoding: try #require(try tree(folder.url.appendingPathComponent("out"))["partners/acme/charter.md"]),
                             as: UTF8.self)
        #expect(charter.contains("> **DRAFT.** Not yet signed by both parties against this text."))
        #expect(charter.contains("> Open before it can be signed:"))
        #expect(charter.contains("the charter has no signature for us (required in run) \\[signature.missing\\]"), "\(charter.prefix(900))")
        let again = try build(folder)
        #expect(again.status == 1 && again.stdout.contains("[signature.missing]"), "the up-to-date build still fails")
        // --pdf (docs/signing.md, step 1) as well, where WeasyPrint is installed.
        if Tools.hasWeasyPrint {
            let pdf = try build(folder, ["--pdf"])
            #expect(pdf.status == 1)
            #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/acme/charter.pdf").path))
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let folder = contentFolder(["acme": Fixtures.partner, "beta": Fixtures.signed(Fixtures.partnerBody.replacingOccurrences(of: "Acme Cloud", with: "Beta"), id: "beta")])
        #expect(try build(folder).status == 0)
        let first = try tree(folder.url.appendingPathComponent("out"))
        #expect(try Binary.run(["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "again"],
                               in: folder.url).status == 0)
        #expect(try tree(folder.url.appendingPathComponent("again")) == first)
        #expect(!first.values.contains { String(decoding: $0, as: UTF8.self).contains(folder.url.path) }, "no absolute paths")
    }

    @Test func filesAPersonAddedAreKeptAndRemovedPartnersDisappear() throws {
        let folder = contentFolder(["acme": Fixtures.partner, "beta": Fixtures.partner])
        #expect(try build(folder).status == 0)
        folder.write("out/notes/keep-me.txt", "mine")
        folder.write("out/partners/beta/extra.txt", "also mine")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/partners/beta.yaml"))
        #expect(try build(folder).status == 0)
        let files = try tree(folder.url.appendingPathComponent("out"))
        #expect(files["notes/keep-me.txt"] == Data("mine".utf8))
        #expect(files["partners/beta/extra.txt"] == Data("also mine".utf8))
        #expect(files["partners/beta/charter.html"] == nil)
        #expect(files["partners/acme/charter.html"] != nil)
    }

    @Test func aFolderPartnerbookDidNotWriteNeedsForce() throws {
        let folder = contentFolder(["acme": Fixtures.partner])
        folder.write("out/notes.html", "somebody's page")
        let refused = try build(folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--force"))
        let forced = try build(folder, ["--force"])
        #expect(forced.status == 0)
        let files = try tree(folder.url.appendingPathComponent("out"))
        #expect(files["notes.html"] == Data("somebody's page".utf8))
        #expect(files["partners/acme/charter.md"] != nil)
    }

    @Test func forceNeverReplacesAPersonsFileOfTheSameName() throws {
        let folder = contentFolder(["acme": Fixtures.partner])
        folder.write("out/index.html", "somebody's site")
        #expect(try build(folder).status == 2)
        let forced = try build(folder, ["--force"])
        #expect(forced.status == 2)
        #expect(forced.stderr.contains("out/index.html' was not written by partnerbook and this build writes a file there; it is not replaced, --force or not"),
                "\(forced.stderr)")
        #expect(try tree(folder.url.appendingPathComponent("out")) == ["index.html": Data("somebody's site".utf8)], "nothing replaced or added")
    }

    @Test func templateErrorsNameTheFileAndLine() throws {
        let folder = contentFolder(["acme": Fixtures.partner])
        let templates = folder.url.appendingPathComponent("tpl")
        try FileManager.default.copyItem(at: TestBuild.templates, to: templates)
        var charter = try String(contentsOf: templates.appendingPathComponent("charter.md.mustache"), encoding: .utf8)
        charter += "\n{{#phases}}\nunclosed\n"
        try charter.write(to: templates.appendingPathComponent("charter.md.mustache"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["build", "--content", "content", "--templates", "tpl", "--output", "out"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("tpl/charter.md.mustache:"))
        #expect(result.stderr.contains("[template]"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    @Test func exampleProgramBuildsWithWarningsOnly() throws {
        let folder = TemporaryFolder()
        let result = try Binary.run(["build", "--content", Binary.repository.appendingPathComponent("Content").path,
                                     "--templates", TestBuild.templates.path, "--output", "site"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try tree(folder.url.appendingPathComponent("site"))
        for id in ["acme-cloud", "bluebird-crm", "driftwood-data", "ember-events", "fjord-security", "granite-consulting", "harbor-payments"] {
            #expect(files["partners/\(id)/charter.html"] != nil, "no charter for \(id)")
            #expect(files["partners/\(id)/scorecard.md"] != nil, "no scorecard for \(id)")
        }
        #expect(files["partners/acme-cloud/qbr/2025-Q4.html"] != nil)
        #expect(files["partners/acme-cloud/qbr/2026-Q4.html"] != nil)
    }
}
