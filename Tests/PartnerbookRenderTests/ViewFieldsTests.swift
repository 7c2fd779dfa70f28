import Foundation
import Testing
@testable import PartnerbookOutput
@testable import PartnerbookRender
import PartnerbookTestSupport

/// Views reach the templates through their generated field lists
/// (Views/ViewFields.swift), not a `Mirror`: the list is current, and it
/// gives the same documents as the `Mirror` walk.
@Suite struct ViewFieldsTests {
    @Test func theGeneratedFieldListsAreCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/generate-view-fields", "--check"]
        process.currentDirectoryURL = Binary.repository
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func aViewListsItsFieldsAndLeavesOutANilOne() throws {
        let row = ScorecardView.RiskRow(risk: "Churn", owner: "Ana", action: "Call")
        let boxed = try #require(MustacheBox.box(row) as? [String: Any])
        #expect(boxed.keys.sorted() == ["action", "owner", "risk"])
        #expect(boxed["risk"] as? String == "Churn")
        let link = ProgramSummaryView.NamedLink(name: "Acme", link: "partners/acme/index.html")
        let listed = try #require(MustacheBox.box([link, link]) as? [Any])
        #expect(listed.count == 2 && (listed.first as? [String: Any])?["name"] as? String == "Acme")
        let crumb = LayoutView.Crumb(title: "Partners", link: nil)
        #expect((MustacheBox.box(crumb) as? [String: Any])?.keys.sorted() == ["title"])
    }

    /// The whole example program, built with the generated field lists and
    /// with the `Mirror` walk (`PARTNERBOOK_BOXING=reflection`): the same bytes.
    @Test func theExampleBuildsToTheSameBytesEitherWay() throws {
        let folder = TemporaryFolder()
        let content = Binary.repository.appendingPathComponent("Content").path
        let fields = try Binary.run(["build", "--content", content, "--output", "fields", "--no-cache"], in: folder.url)
        let mirror = try Binary.run(["build", "--content", content, "--output", "mirror", "--no-cache"], in: folder.url,
                                    environment: ["PARTNERBOOK_BOXING": "reflection"])
        #expect(fields.status == 0 && mirror.status == 0, "\(fields.stderr)\n\(mirror.stderr)")
        let a = folder.url.appendingPathComponent("fields"), b = folder.url.appendingPathComponent("mirror")
        let paths = OutputWriter.filesBelow(a)
        #expect(paths.count > 100)
        #expect(paths == OutputWriter.filesBelow(b))
        for path in paths {
            let same = try Data(contentsOf: a.appendingPathComponent(path)) == Data(contentsOf: b.appendingPathComponent(path))
            #expect(same, "\(path) differs between the generated field lists and the Mirror walk")
        }
    }
}
