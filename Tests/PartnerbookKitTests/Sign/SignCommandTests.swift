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

/// `partnerbook sign` and `fingerprint` run as processes on real files.
@Suite struct SignCommandTests {
    typealias F = Fixtures

    private func sign(_ folder: TemporaryFolder, party: String = "us", name: String = "Dana Ruiz",
                      title: String = "Director", date: String = "2026-01-05") throws -> Binary.Result {
        try Binary.run(["sign", "acme", "--party", party, "--name=\(name)", "--title=\(title)", "--date", date, "--content", "."],
                       in: folder.url)
    }

    private func text(_ folder: TemporaryFolder) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("partners/acme.yaml"), encoding: .utf8)
    }

    private func signatures(_ folder: TemporaryFolder) throws -> [Signature] {
        let (partner, diagnostics) = F.load(try text(folder))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return partner?.signatures?.items ?? []
    }

    /// The signed file must be the original with lines added (and, for an
    /// empty list, the `[]` or `~` removed from the key line): nothing else moves.
    private func expectOnlyAdded(_ before: String, _ after: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let old = before.components(separatedBy: "\n"), new = after.components(separatedBy: "\n")
        var remaining = new[...]
        for line in old {
            let normalised = line.replacingOccurrences(of: "signatures: []", with: "signatures:")
                .replacingOccurrences(of: "signatures: ~", with: "signatures:")
            guard let index = remaining.firstIndex(where: { $0 == line || $0 == normalised }) else {
                Issue.record("line lost: \(line)", sourceLocation: sourceLocation)
                return
            }
            remaining = remaining[(index + 1)...]
        }
    }

    @Test func fingerprintPrintsTheDigest() throws {
        let folder = TemporaryFolder.content(["acme": F.partnerBody])
        let result = try Binary.run(["fingerprint", "acme", "--content", "."], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stdout == F.fingerprint + "\n", "form 2 by default")
        let formOne = try Binary.run(["fingerprint", "acme", "--form", "1", "--content", "."], in: folder.url)
        #expect(formOne.stdout == F.formOneFingerprint + "\n")
        #expect(try Binary.run(["fingerprint", "nobody", "--content", "."], in: folder.url).status == 2)
        #expect(try Binary.run(["fingerprint", "acme", "--form", "3", "--content", "."], in: folder.url).status == 64)
    }

    @Test(arguments: [
        ("no signatures key", ""),
        ("empty flow list", "\nsignatures: []   # filled by partnerbook sign\n"),
        ("null value", "\nsignatures: ~\nextra_note: kept\n"),
        ("bare key before another key", "\nsignatures:\n# a comment\nextra_note: kept\n"),
    ])
    func signsEveryShapeOfSignatures(_ shape: String, _ suffix: String) throws {
        let original = "# Acme: top comment\n" + F.partnerBody + suffix
        let folder = TemporaryFolder.content(["acme": original])
        let result = try sign(folder)
        #expect(result.status == 0, "\(shape): \(result.stderr)")
        let signed = try text(folder)
        expectOnlyAdded(original, signed)
        #expect(signed.contains("# Acme: top comment"))
        let entries = try signatures(folder)
        #expect(entries.count == 1, "\(shape)")
        #expect(entries.first?.name?.value == "Dana Ruiz")
        #expect(entries.first?.fingerprint?.value == F.fingerprint)
        #expect(entries.first?.form == .two, "every entry made now says canonical: 2")
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(!check.stdout.contains("signature.stale"))
        #expect(check.stdout.contains("no signature for the partner"))
    }

    @Test func appendsToABlockListAndAFlowList() throws {
        let block = F.partnerBody + "\nsignatures:\n  # first signer\n  - party: partner\n    name: Sam Okafor\n    title: VP\n    date: 2025-01-01\n    fingerprint: \"sha256:00\"\n\n# trailing comment\n"
        let folder = TemporaryFolder.content(["acme": block])
        #expect(try sign(folder).status == 0)
        expectOnlyAdded(block, try text(folder))
        #expect(try signatures(folder).map(\.party?.value) == [.partner, .us])
        #expect(try text(folder).hasSuffix("\n\n# trailing comment\n"))

        let flow = F.partnerBody + "\nsignatures: [ { party: partner, name: Sam, title: VP, date: 2025-01-01, fingerprint: \"sha256:00\" } ]  # x\n"
        let flowFolder = TemporaryFolder.content(["acme": flow])
        #expect(try sign(flowFolder).status == 0)
        #expect(try signatures(flowFolder).map(\.name?.value) == ["Sam", "Dana Ruiz"])
        #expect(try text(flowFolder).contains("]  # x\n"))
    }

    @Test(arguments: ["O'Brien: \"Legal\" #1", "- leading dash", "* star & ampersand", "Zoë 李 — naïve", "a\\b", "{braces} [brackets]"])
    func oddNamesStayValidYAML(_ name: String) throws {
        let folder = TemporaryFolder.content(["acme": F.partnerBody])
        let result = try sign(folder, name: name, title: "Title: with # hash")
        #expect(result.status == 0, "\(result.stderr)")
        let entry = try #require(try signatures(folder).first)
        #expect(entry.name?.value == name)
        #expect(entry.title?.value == "Title: with # hash")
    }

    @Test func windowsLineEndingsAreKept() throws {
        let crlf = F.partnerBody.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let folder = TemporaryFolder.content(["acme": crlf])
        #expect(try sign(folder).status == 0)
        let signed = try text(folder)
        #expect(signed.hasPrefix(crlf))
        #expect(!signed.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func signingTheSameCharterTwiceIsRefused() throws {
        let folder = TemporaryFolder.content(["acme": F.partnerBody])
        #expect(try sign(folder).status == 0)
        let before = try text(folder)
        let again = try sign(folder, name: "Someone Else")
        #expect(again.status == 2)
        #expect(again.stderr.contains("already signed"))
        #expect(try text(folder) == before)
    }

    @Test func aStaleSignatureIsSupersededByANewOne() throws {
        let folder = TemporaryFolder.content(["acme": F.partnerBody])
        #expect(try sign(folder).status == 0)
        folder.write("partners/acme.yaml", try text(folder).replacingOccurrences(of: "us: Revenue", with: "us: More revenue"))
        #expect(try Binary.run(["check", "--content", "."], in: folder.url).stdout.contains("[signature.stale]"))
        let result = try sign(folder, date: "2026-02-01")
        #expect(result.status == 0)
        #expect(result.stdout.contains("superseded the earlier signature of Dana Ruiz (2026-01-05)"))
        #expect(try signatures(folder).count == 2)
        #expect(!(try Binary.run(["check", "--content", "."], in: folder.url).stdout.contains("[signature.stale]")))
    }

    @Test func chartersWithErrorsAreNotSigned() throws {
        let broken = F.partner(replacing: "    exit_criteria: [ Revenue under half of target ]\n", with: "", in: F.partnerBody)
        let folder = TemporaryFolder.content(["acme": broken])
        let result = try sign(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("[charter.governance.exit-criteria]"))
        #expect(try text(folder) == broken)
    }

    // MARK: Section 19

    /// A typed entry says it is only a record; what else shows it was given is printed with it.
    @Test func evidenceIsRecordedAndPrinted() throws {
        let folder = TemporaryFolder.content(["acme": F.partnerBody])
        let result = try Binary.run(["sign", "acme", "--party", "partner", "--date", "2026-01-05", "--content", ".",
                                     "--evidence", "DocuSign envelope 4F2A-91C3"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("as Sam Okafor"), "the name and title default to the signatory's")
        let entry = try #require(try signatures(folder).first)
        #expect(entry.evidence?.value == "DocuSign envelope 4F2A-91C3" && entry.email?.value == "sam@acme.example")
        let charter = try #require(try TestBuild.files(folder)["partners/acme/charter.md"])
        #expect(charter.contains("| Status | To be signed | Recorded as signed (typed; no signature attached) |\n| Evidence |  | DocuSign envelope 4F2A-91C3 |"))
        let twoLines = try Binary.run(["sign", "acme", "--party", "us", "--content", ".", "--evidence", "a\nb"], in: folder.url)
        #expect(twoLines.status != 0 && twoLines.stderr.contains("--evidence must be one line"))
    }

    /// A charter signed over form 1 is moved to form 2 by signing again.
    @Test func aFormOneSignatureIsGivenAgainOverFormTwo() throws {
        let folder = TemporaryFolder.content(["acme": F.signed(F.partnerBody, form: .one)])
        let check = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(check.stdout.components(separatedBy: "[signature.old-form]").count == 3)
        let result = try sign(folder, date: "2026-02-01")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("superseded the earlier signature of Dana Ruiz (2025-01-08)"))
        let entries = try signatures(folder)
        #expect(entries.map(\.form) == [.one, .one, .two])
        #expect(entries.last?.fingerprint?.value == F.fingerprint)
        let after = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(after.stdout.components(separatedBy: "[signature.old-form]").count == 2, "only the partner's is left on form 1")
        #expect(try sign(folder, date: "2026-02-02").status == 2, "and over form 2 it is signed once")
    }
}

