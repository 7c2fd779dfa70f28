import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookRules
import PartnerbookTestSupport

/// The bytes a fingerprint hashes are written without a tree
/// (`CanonicalBytes`); the redline's tree (`CanonicalTree`) is written by
/// the plain tree writer, which sorts every object. Both come from one walk,
/// and must give the same bytes.
@Suite struct CanonicalSinkTests {
    /// Writes the same calls into both sinks.
    private func both(_ calls: (inout CanonicalBytes) -> Void, _ same: (inout CanonicalTree) -> Void) -> (bytes: String, tree: String) {
        var bytes = CanonicalBytes()
        calls(&bytes)
        var tree = CanonicalTree()
        same(&tree)
        var text = ""
        tree.value?.write(into: &text)
        return (String(decoding: bytes.bytes, as: UTF8.self), text)
    }

    /// Members out of order at every level, an object dropped empty first,
    /// in the middle and last, an empty object kept, arrays of objects and
    /// of texts, escapes, numbers of both forms, a key past ASCII.
    private static func document<Sink: CanonicalSink>(_ sink: inout Sink) {
        sink.openObject()
        sink.key("zeta")
        sink.openObject()
        sink.closeObject(dropIfEmpty: true)
        sink.member("b", string: "two \"quoted\" \\ \n")
        sink.key("a")
        sink.openObject()
        sink.member("y", number: 1e15, exact: false)
        sink.member("x", number: 1e15, exact: true)
        sink.key("kept")
        sink.openObject()
        sink.closeObject()
        sink.key("gone")
        sink.openObject()
        sink.member("", written: "  ")
        sink.closeObject(dropIfEmpty: true)
        sink.member("w", number: 0.1, exact: true)
        sink.closeObject()
        sink.key("list")
        sink.openArray()
        for name in ["c", "a"] {
            sink.openObject()
            sink.member("name", string: name)
            sink.member("id", text: " \(name) ")
            sink.key("empty")
            sink.openObject()
            sink.closeObject(dropIfEmpty: true)
            sink.closeObject()
        }
        sink.openArray()
        sink.string("x")
        sink.number(2, exact: true)
        sink.closeArray()
        sink.closeArray()
        sink.member("é", string: "past ASCII")
        sink.member("E", list: [Located("  one ", at: .start), Located("two", at: .start)])
        sink.key("last")
        sink.openObject()
        sink.closeObject(dropIfEmpty: true)
        sink.closeObject()
    }

    @Test func theByteWriterWritesWhatTheTreeWriterWrites() {
        let written = both({ Self.document(&$0) }, { Self.document(&$0) })
        #expect(written.bytes == written.tree)
        #expect(written.bytes == #"{"E":["one","two"],"a":{"kept":{},"w":0.1,"x":1000000000000000,"y":1000000000000000.0},"b":"two \"quoted\" \\ \u000a","list":[{"id":"c","name":"c"},{"id":"a","name":"a"},["x",2]],"é":"past ASCII"}"#)
    }

    /// Every partner of the example program, in both forms.
    @Test func everyExamplePartnerGivesTheSameBytesBothWays() throws {
        let check = try Check.program(.test(Binary.repository.appendingPathComponent("Content"), asOf: nil, today: Fixtures.asOf, strict: false))
        let frame = check.program.charterFrame(template: "sha256:" + String(repeating: "0", count: 64))
        #expect(check.partners.count >= 5)
        for partner in check.partners {
            for form in [CanonicalVersion.one, .two] {
                var text = ""
                CanonicalForm.document(partner, frame: frame, form: form).write(into: &text)
                #expect(CanonicalForm.text(of: partner, frame: frame, form: form) == text, "\(partner.id), form \(form)")
            }
        }
    }
}
