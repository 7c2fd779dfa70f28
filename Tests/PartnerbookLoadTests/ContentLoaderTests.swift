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

@Suite struct ContentLoaderTests {
    @Test func loadsPartnersInFileNameOrder() throws {
        let folder = TemporaryFolder.content(["zeta": Fixtures.partner, "alpha": Fixtures.partner])
        let content = try ContentLoader.load(from: folder.url)
        #expect(content.partners.map(\.id) == ["alpha", "zeta"])
        #expect(content.partners.map(\.file) == ["partners/alpha.yaml", "partners/zeta.yaml"])
        #expect(content.diagnostics.isEmpty)
    }

    @Test func invalidFileNamesFirePartnerID() throws {
        let folder = TemporaryFolder.content(["Acme_Cloud": Fixtures.partner, "-x": Fixtures.partner, "ok-1": Fixtures.partner])
        let content = try ContentLoader.load(from: folder.url)
        let ids = content.diagnostics.filter { $0.rule == "partner.id" }
        #expect(ids.map(\.file) == ["partners/-x.yaml", "partners/Acme_Cloud.yaml"])
        #expect(ids.allSatisfy { $0.position == .start && $0.severity == .error })
    }

    @Test func ymlFilesAreFlaggedNotSilentlyIgnored() throws {
        let folder = TemporaryFolder.content([:])
        folder.write("partners/acme.yml", Fixtures.partner)
        let content = try ContentLoader.load(from: folder.url)
        #expect(content.diagnostics.map(\.rule) == ["content.file"])
        #expect(content.partners.isEmpty)
    }

    @Test func anEmptyFileIsOneDiagnostic() throws {
        let folder = TemporaryFolder.content(["empty": ""])
        let content = try ContentLoader.load(from: folder.url)
        #expect(content.diagnostics.map(\.rule) == ["schema.type"])
        #expect(content.partners.isEmpty)
        #expect(content.partnerFileCount == 1)
    }

    @Test func missingProgramFileIsReported() throws {
        let folder = TemporaryFolder()
        folder.write("partners/acme.yaml", Fixtures.partner)
        let content = try ContentLoader.load(from: folder.url)
        #expect(content.diagnostics.map(\.rule) == ["schema.required"])
        #expect(content.diagnostics.first?.file == "program.yaml")
    }

    @Test func linksOutOfTheContentFolderAreNotFollowed() throws {
        let outside = TemporaryFolder()
        let secret = outside.write("secret.yaml", Fixtures.partner)
        let folder = TemporaryFolder.content(["real": Fixtures.partner])
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("partners/leak.yaml"),
                                                   withDestinationURL: secret)
        let content = try ContentLoader.load(from: folder.url)
        #expect(content.diagnostics.map(\.rule) == ["content.file"])
        #expect(content.diagnostics.first?.file == "partners/leak.yaml")
        #expect(content.partners.map(\.id) == ["real"])
    }

    /// A partner file is read straight away; a link is located first, and
    /// one that stays inside the content folder is followed.
    @Test func aLinkInsideTheContentFolderIsFollowed() throws {
        let folder = TemporaryFolder.content(["real": Fixtures.partner])
        let kept = folder.write("kept/other.yaml", Fixtures.partner)
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("partners/other.yaml"), withDestinationURL: kept)
        let content = try ContentLoader.load(from: folder.url)
        #expect(content.diagnostics.filter { $0.rule == .contentFile }.isEmpty, "\(content.diagnostics)")
        #expect(content.partners.map(\.id) == ["other", "real"])
    }

    @Test func aMissingFolderThrowsOneClearError() {
        #expect(throws: ContentFolderError.self) {
            try ContentLoader.load(from: URL(fileURLWithPath: "/nonexistent/partnerbook/content"))
        }
    }
}

/// program.yaml `fiscal_year_start` and quarters named in the program's year.
@Suite struct FiscalYearLoadTests {
    private func program(_ text: String) -> (Program, [Diagnostic]) {
        let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
        guard let node = YAMLFile.parse(Data(text.utf8), context: context) else { return (Program(), context.diagnostics) }
        return (ProgramLoader.load(node, context: context), context.diagnostics)
    }

    @Test(arguments: ["2", "February", "feb", "02"])
    func theStartIsAMonthByNumberOrName(_ written: String) {
        let (loaded, problems) = program("name: P\ncompany: C\nfiscal_year_start: \(written)\noutcomes:\n  - { quarter: FY2027-Q1, revenue: 10 }\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(loaded.calendar.startMonth == 2)
        #expect(loaded.outcomes.first?.quarter.value.firstDay == Day("2026-02-01"))
    }

    @Test func aCalendarQuarterInAFiscalProgramSaysWhatToWrite() {
        let (_, problems) = program("name: P\ncompany: C\nfiscal_year_start: 2\noutcomes:\n  - { quarter: 2026-Q3, revenue: 10 }\n")
        #expect(problems.map(\.message).contains { $0.contains("a fiscal quarter written FYyyyy-Qn (n from 1 to 4; the year starts in month 2, fiscal_year_start)") },
                "\(problems.map(\.message))")
        let (_, month) = program("name: P\ncompany: C\nfiscal_year_start: Smarch\n")
        #expect(month.map(\.rule) == [.schemaType])
    }
}
