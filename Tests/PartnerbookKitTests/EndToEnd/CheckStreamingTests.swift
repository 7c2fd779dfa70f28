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

/// `check` reads each partner, checks it and lets it go; it must find what
/// loading the whole program and then checking it finds, in the same order.
@Suite struct CheckStreamingTests {
    @Test func theExampleGivesTheSameFindings() throws {
        let content = Binary.repository.appendingPathComponent("Content")
        let whole = try Check.program(.test(content, asOf: nil, today: Fixtures.asOf, strict: false)).report
        let streamed = try Check.findings(.test(content, asOf: nil, today: Fixtures.asOf, strict: false))
        #expect(!whole.diagnostics.isEmpty)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.partnerCount == whole.partnerCount)
        #expect(streamed.summary == whole.summary)
    }

    @Test func brokenAndHostileFilesGiveTheSameFindings() throws {
        let folder = TemporaryFolder()
        folder.write("program.yaml", Fixtures.program)
        folder.write("partners/good.yaml", Fixtures.partner)
        folder.write("partners/old-name.yml", Fixtures.partner)
        folder.write("partners/Bad_ID.yaml", Fixtures.partner)
        folder.write("partners/empty.yaml", "")
        for (index, item) in HostileInput.cases.enumerated() {
            folder.write("partners/hostile-\(index).yaml", item.text)
        }
        let whole = try Check.program(.test(folder.url, asOf: nil, today: Fixtures.asOf, strict: true)).report
        let streamed = try Check.findings(.test(folder.url, asOf: nil, today: Fixtures.asOf, strict: true))
        #expect(whole.errorCount > 5)
        #expect(streamed.diagnostics == whole.diagnostics)
        #expect(streamed.partnerCount == whole.partnerCount)
        #expect(streamed.fails == whole.fails)
    }
}
