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

/// `build --pdf`: every charter and every QBR packet printed, deterministic,
/// on the page `site.paper` names, when WeasyPrint is installed; a clear
/// refusal that writes nothing when it is not.
@Suite struct DocumentPDFTests {
    static let hasWeasyPrint = Tools.hasWeasyPrint

    private func build(_ folder: TemporaryFolder, into output: String) throws -> Binary.Result {
        try Binary.run(["build", "--pdf", "--content", "content", "--templates", TestBuild.templates.path, "--output", output],
                       in: folder.url)
    }

    private func folder(paper: String? = nil) -> TemporaryFolder {
        let folder = TemporaryFolder()
        let program = paper.map { Fixtures.program + "\nsite:\n  paper: \($0)\n" } ?? Fixtures.program
        folder.write("content/program.yaml", program)
        folder.write("content/partners/acme.yaml", Fixtures.partner)
        return folder
    }

    /// The page size of every page of a PDF, in points, as its MediaBox entries say.
    private func pageSizes(_ pdf: Data) -> [String] {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let pattern = try? NSRegularExpression(pattern: #"/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]"#) else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let width = Range(match.range(at: 1), in: text), let height = Range(match.range(at: 2), in: text) else { return nil }
            return "\(Int(Double(text[width])!.rounded())) x \(Int(Double(text[height])!.rounded()))"
        }
    }

    @Test(.enabled(if: hasWeasyPrint, "WeasyPrint (Debian package weasyprint) is not installed"))
    func printsEachCharterAndPacketTheSameWayTwice() throws {
        let folder = folder()
        let first = try build(folder, into: "one")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try build(folder, into: "two").status == 0)
        let packets = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("one/partners/acme/qbr").path)
        let htmlPackets = packets.filter { $0.hasSuffix(".html") && !$0.hasSuffix("-brief.html") }.sorted()
        #expect(!htmlPackets.isEmpty)
        // A PDF beside every packet (none for the internal brief), and beside the charter.
        #expect(packets.filter { $0.hasSuffix(".pdf") }.sorted() == htmlPackets.map { String($0.dropLast(5)) + ".pdf" })
        let manifest = try String(contentsOf: folder.url.appendingPathComponent("one/\(OutputWriter.manifestName)"), encoding: .utf8)
        for path in ["partners/acme/charter.pdf"] + htmlPackets.map({ "partners/acme/qbr/" + $0.dropLast(5) + ".pdf" }) {
            let one = try Data(contentsOf: folder.url.appendingPathComponent("one/" + path))
            let two = try Data(contentsOf: folder.url.appendingPathComponent("two/" + path))
            #expect(one.starts(with: Data("%PDF-".utf8)), "\(path)")
            #expect(one == two, "\(path) is the same bytes from the same input")
            #expect(manifest.contains(path + "\n"))
        }
    }

    /// `site.paper` sets the PDF's page: A4 by default, US Letter on request.
    @Test(.enabled(if: hasWeasyPrint, "WeasyPrint (Debian package weasyprint) is not installed"),
          arguments: [(nil, "595 x 842"), ("a4", "595 x 842"), ("letter", "612 x 792")])
    func thePageSizeFollowsSitePaper(paper: String?, size: String) throws {
        let folder = folder(paper: paper)
        let result = try build(folder, into: "out")
        #expect(result.status == 0, "\(result.stderr)")
        let qbr = folder.url.appendingPathComponent("out/partners/acme/qbr")
        let packet = try #require(try FileManager.default.contentsOfDirectory(atPath: qbr.path).first { $0.hasSuffix(".pdf") })
        for url in [folder.url.appendingPathComponent("out/partners/acme/charter.pdf"), qbr.appendingPathComponent(packet)] {
            let sizes = pageSizes(try Data(contentsOf: url))
            #expect(!sizes.isEmpty && sizes.allSatisfy { $0 == size }, "\(url.lastPathComponent): \(sizes)")
        }
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
