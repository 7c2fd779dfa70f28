import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookSystem
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
import PartnerbookTestSupport

/// Section 20, read off the paper: every PDF the example prints (each
/// charter, each packet), opened with poppler as a reader's tools would.
/// Tagged, with title, author and subject; DRAFT in every page of an
/// unsigned charter and on none of a signed one; both signature blocks on
/// one page; checklist states in words; a redline whose words never run
/// together.
@Suite(.serialized) struct ExamplePDFTests {
    static let enabled = Tools.hasWeasyPrint && Tools.hasPoppler

    /// The example built once with --pdf, as `build --pdf` does for a person.
    static let built: Result<URL, Error> = Result {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        let result = try Binary.run(["build", "--pdf", "--content", Binary.repository.appendingPathComponent("Content").path,
                                     "--templates", Binary.repository.appendingPathComponent("Templates").path,
                                     "--output", output.path], in: Binary.repository)
        guard result.status == 0 else { throw Failure(text: result.stderr) }
        kept.append(folder)
        return output
    }
    nonisolated(unsafe) static var kept: [TemporaryFolder] = []

    struct Failure: Error { var text: String }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let result = try Subprocess.run(try #require(Executable.find(tool)), arguments, outputLimit: 16 << 20)
        #expect(result.status == 0, "\(tool) \(arguments)")
        return result.text
    }

    /// Each page's text, in reading order.
    private func pages(_ pdf: URL) throws -> [String] {
        try run("pdftotext", [pdf.path, "-"]).components(separatedBy: "\u{0C}").filter { !$0.allSatisfy(\.isWhitespace) }
    }

    private func pdfs() throws -> [URL] {
        let output = try Self.built.get()
        let partners = output.appendingPathComponent("partners")
        var found: [URL] = []
        for id in try FileManager.default.contentsOfDirectory(atPath: partners.path).sorted() {
            let folder = partners.appendingPathComponent(id)
            found.append(folder.appendingPathComponent("charter.pdf"))
            let qbr = folder.appendingPathComponent("qbr")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: qbr.path))?.sorted() ?? [] where name.hasSuffix(".pdf") {
                found.append(qbr.appendingPathComponent(name))
            }
        }
        return found
    }

    @Test(.enabled(if: enabled, "WeasyPrint and poppler-utils are not both installed"))
    func everyPDFIsTaggedWithTitleAuthorAndSubject() throws {
        let all = try pdfs()
        #expect(all.count > 8, "charters and packets")
        for pdf in all {
            let info = try run("pdfinfo", [pdf.path])
            func field(_ name: String) -> String? {
                info.split(separator: "\n").first { $0.hasPrefix(name + ":") }.map { Trim.whitespace(String($0.dropFirst(name.count + 1))) }
            }
            #expect(field("Tagged") == "yes", "\(pdf.path)")
            #expect(field("Title")?.isEmpty == false && field("Author") == "Northwind Analytics" && field("Subject")?.isEmpty == false,
                    "\(pdf.path): \(info)")
            if pdf.lastPathComponent == "charter.pdf" {
                #expect(field("Subject")?.hasPrefix("Charter fingerprint sha256:") == true, "\(pdf.path)")
            }
        }
    }

    @Test(.enabled(if: enabled, "WeasyPrint and poppler-utils are not both installed"))
    func draftIsOnEveryPageOfAnUnsignedCharterAndNoneOfASignedOne() throws {
        let output = try Self.built.get()
        let content = try ContentLoader.load(from: Binary.repository.appendingPathComponent("Content"))
        let frame = content.program.charterFrame(template: CharterWording.builtIn)
        var seen = (signed: 0, draft: 0)
        for partner in content.partners {
            let signed = SignatureState(partner, frame: frame).isFullySigned
            let text = try pages(output.appendingPathComponent("partners/\(partner.id)/charter.pdf"))
            #expect(!text.isEmpty)
            for (index, page) in text.enumerated() {
                #expect(page.contains("DRAFT, not signed") == !signed, "\(partner.id) page \(index + 1)")
            }
            if signed { seen.signed += 1 } else { seen.draft += 1 }
        }
        #expect(seen.signed > 0 && seen.draft > 0, "the example has both")
    }

    @Test(.enabled(if: enabled, "WeasyPrint and poppler-utils are not both installed"))
    func bothSignatureBlocksPrintOnOnePage() throws {
        let output = try Self.built.get()
        let content = try ContentLoader.load(from: Binary.repository.appendingPathComponent("Content"))
        for partner in content.partners {
            let text = try pages(output.appendingPathComponent("partners/\(partner.id)/charter.pdf"))
            let page = try #require(text.first { $0.contains("Signature blocks") }, "\(partner.id)")
            #expect(page.contains("For Northwind Analytics") && page.contains("For \(partner.displayName)"), "\(partner.id)")
            let table = try #require(page.components(separatedBy: "Signature blocks").last)
            #expect(table.contains("Status") && table.contains("Signature"), "\(partner.id): the whole table on that page")
        }
    }

    @Test(.enabled(if: enabled, "WeasyPrint and poppler-utils are not both installed"))
    func checklistsPrintTheirStateAsWords() throws {
        let output = try Self.built.get()
        let packet = try pages(output.appendingPathComponent("partners/acme-cloud/qbr/2026-Q4.pdf")).joined()
        #expect(packet.contains("Done:") && packet.contains("Open:"), "\(packet.prefix(2000))")
    }

    /// Bluebird's amendment, proposed and not yet signed: struck and
    /// inserted words copy out of the PDF apart.
    @Test(.enabled(if: enabled, "WeasyPrint and poppler-utils are not both installed"))
    func aRedlineNeverGluesWords() throws {
        let output = try Self.built.get()
        let text = try pages(output.appendingPathComponent("partners/bluebird-crm/charter.pdf")).joined(separator: "\n")
        #expect(text.contains("Changed since signed") && text.contains("amended on 7 January 2027"))
        #expect(text.contains("4. Measurement: Joint paying customers target"))
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.contains("60 45") && !flat.contains("6045"), "struck 60, inserted 45")
        #expect(flat.contains("before the run phase starts") || flat.contains("before the run phase"), "\(flat)")
        #expect(!flat.contains("deleted:") && !flat.contains("inserted:"), "the screen-reader words stay off the paper")
    }
}
