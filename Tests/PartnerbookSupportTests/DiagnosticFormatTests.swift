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

@Suite struct DiagnosticFormatTests {
    let report = DiagnosticReport(diagnostics: [
        Diagnostic(.charterGovernanceExitCriteria, file: "partners/acme.yaml", at: SourcePosition(line: 14, column: 5),
                   "charter.governance has no exit criteria"),
        Diagnostic(.leverageWeak, file: "partners/acme.yaml", at: SourcePosition(line: 3, column: 3), "weak, really: yes"),
    ], partnerCount: 7, strict: false)

    @Test func textIsGccStyleWithASummary() {
        let text = report.render(.text, pathPrefix: "Content")
        #expect(text == """
        Content/partners/acme.yaml:14:5: error: charter.governance has no exit criteria [charter.governance.exit-criteria]
        Content/partners/acme.yaml:3:3: warning: weak, really: yes [leverage.weak]
        1 error, 1 warning in 7 partners

        """)
        #expect(report.render(.text, pathPrefix: "Content/").hasPrefix("Content/partners/acme.yaml:14:5:"))
    }

    @Test func jsonIsAnArrayOfObjects() throws {
        let json = report.render(.json, pathPrefix: "Content")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["file"] as? String == "Content/partners/acme.yaml")
        #expect(array[0]["line"] as? Int == 14)
        #expect(array[0]["column"] as? Int == 5)
        #expect(array[0]["severity"] as? String == "error")
        #expect(array[0]["rule"] as? String == "charter.governance.exit-criteria")
        #expect(array[1]["message"] as? String == "weak, really: yes")
    }

    @Test func githubFormatIsWorkflowCommands() {
        let lines = report.render(.github, pathPrefix: "Content").split(separator: "\n")
        #expect(lines[0] == "::error file=Content/partners/acme.yaml,line=14,col=5,title=charter.governance.exit-criteria::charter.governance has no exit criteria [charter.governance.exit-criteria]")
        #expect(lines[1].hasPrefix("::warning file=Content/partners/acme.yaml,line=3,col=3,"))
    }

    @Test func strictMakesWarningsFail() {
        var strict = report
        strict.diagnostics.removeFirst()
        #expect(!strict.fails)
        strict.strict = true
        #expect(strict.fails)
        #expect(strict.summary.contains("--strict"))
    }

    @Test func summaryUsesSingularAndPlural() {
        let empty = DiagnosticReport(diagnostics: [], partnerCount: 1, strict: false)
        #expect(empty.summary == "0 errors, 0 warnings in 1 partner")
    }
}
