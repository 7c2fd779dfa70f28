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

    /// The word-at-a-time scan says what a byte-by-byte one says: a NUL or a
    /// byte above 0x7F at every offset of every length up to 40 (the tail
    /// after the last whole word included), beside bytes 0x01, 0x7F and 0x80.
    @Test func plainASCIIIsFoundEightBytesAtATime() {
        for length in 0...40 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(bytes.withUnsafeBytes(TextBytes.isPlainASCII), "\(length) plain bytes")
            for offset in 0..<length {
                for bad: UInt8 in [0, 0x80, 0xC3, 0xFF] {
                    for neighbour: UInt8 in [0x01, 0x7F, 0x80] where offset + 1 < length {
                        bytes[offset + 1] = neighbour
                        bytes[offset] = bad
                        #expect(!bytes.withUnsafeBytes(TextBytes.isPlainASCII), "\(bad) at \(offset) of \(length)")
                        bytes[offset + 1] = UInt8(ascii: "a")
                    }
                    bytes[offset] = bad
                    #expect(!bytes.withUnsafeBytes(TextBytes.isPlainASCII), "\(bad) at \(offset) of \(length)")
                    bytes[offset] = UInt8(ascii: "a")
                }
                bytes[offset] = 0x01
                #expect(bytes.withUnsafeBytes(TextBytes.isPlainASCII), "0x01 at \(offset) of \(length)")
                bytes[offset] = 0x7F
                #expect(bytes.withUnsafeBytes(TextBytes.isPlainASCII), "0x7F at \(offset) of \(length)")
                bytes[offset] = UInt8(ascii: "a")
            }
        }
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
