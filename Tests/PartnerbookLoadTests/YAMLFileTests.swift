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

@Suite struct YAMLFileTests {
    private func parse(_ data: Data) -> [Diagnostic] {
        let context = LoadContext(file: "partners/x.yaml", calendar: .calendarYear)
        _ = YAMLFile.parse(data, context: context)
        return context.diagnostics
    }

    private func parse(_ text: String) -> [Diagnostic] { parse(Data(text.utf8)) }

    @Test func syntaxErrorsCarryTheParsersPosition() {
        let found = parse("name: Acme\ntier: [strategic\nstatus: run\n")
        #expect(found.map(\.rule) == ["yaml.syntax"])
        #expect(found.first?.position.line == 3)
    }

    @Test func badIndentationIsASyntaxError() {
        let found = parse("name: Acme\n  tier: strategic\n")
        #expect(found.map(\.rule) == ["yaml.syntax"])
        #expect(found.first?.position.line == 2)
    }

    @Test func duplicateKeysAreReportedWithTheirLine() {
        let found = parse("name: Acme\ntier: 1\nname: Other\n")
        #expect(found.map(\.rule) == ["yaml.syntax"])
        #expect(found.first?.message.contains("'name'") == true)
        #expect(found.first?.position.line == 1)
    }

    @Test func moreThanOneDocumentIsRejected() {
        let found = parse("name: Acme\n---\nname: Other\n")
        #expect(found.map(\.rule) == ["yaml.syntax"])
        #expect(found.first?.message.contains("more than one YAML document") == true)
    }

    @Test func nulBytesArePointedAt() {
        let found = parse(Data("name: Acme\ntier: 1\u{0}\n".utf8))
        #expect(found.map(\.rule) == ["content.file"])
        #expect(found.first?.position == SourcePosition(line: 2, column: 8))
    }

    @Test func invalidUTF8IsPointedAt() {
        var data = Data("name: Acme\nsummary: caf".utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let found = parse(data)
        #expect(found.map(\.rule) == ["content.file"])
        #expect(found.first?.position == SourcePosition(line: 2, column: 13))
    }

    @Test func filesOverTheSizeLimitAreNotParsed() {
        let found = parse(Data(repeating: UInt8(ascii: "#"), count: YAMLFile.maxBytes + 1))
        #expect(found.map(\.rule) == ["content.file"])
        #expect(found.first?.message.contains("limit") == true)
    }

    @Test func tabIndentationIsASyntaxError() {
        let found = parse("name: Acme\ncharter:\n\tgoals: {}\n")
        #expect(found.map(\.rule) == ["yaml.syntax"])
        #expect(found.first?.position.line == 3)
    }
}
