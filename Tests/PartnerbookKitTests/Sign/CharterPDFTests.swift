import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput

/// `build --pdf`: deterministic PDFs when WeasyPrint is installed, a clear
/// refusal that writes nothing when it is not.
@Suite struct CharterPDFTests {
    static let hasWeasyPrint = (try? CharterPDF()) != nil

    private func build(_ folder: TemporaryFolder, into output: String) throws -> Binary.Result {
        try Binary.run(["build", "--pdf", "--content", "content", "--templates", TestBuild.templates.path, "--output", output],
                       in: folder.url)
    }

    private func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        folder.write("content/partners/acme.yaml", Fixtures.partner)
        return folder
    }

    @Test(.enabled(if: hasWeasyPrint, "WeasyPrint (Debian package weasyprint) is not installed"))
    func printsEachCharterTheSameWayTwice() throws {
        let folder = folder()
        #expect(try build(folder, into: "one").status == 0)
        #expect(try build(folder, into: "two").status == 0)
        let one = try Data(contentsOf: folder.url.appendingPathComponent("one/partners/acme/charter.pdf"))
        let two = try Data(contentsOf: folder.url.appendingPathComponent("two/partners/acme/charter.pdf"))
        #expect(one.starts(with: Data("%PDF-".utf8)))
        #expect(one == two)
        let manifest = try String(contentsOf: folder.url.appendingPathComponent("one/\(OutputWriter.manifestName)"), encoding: .utf8)
        #expect(manifest.contains("partners/acme/charter.pdf\n"))
    }

    @Test(.enabled(if: !hasWeasyPrint, "WeasyPrint is installed; the refusal path is not reachable here"))
    func refusesClearlyWithoutWeasyPrint() throws {
        let folder = folder()
        let result = try build(folder, into: "out")
        #expect(result.status == 2)
        #expect(result.stderr.contains("WeasyPrint"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }
}
