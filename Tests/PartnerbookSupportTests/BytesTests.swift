import Foundation
import Testing
@testable import PartnerbookSupport

/// Appending a text's UTF-8 gives the bytes `Data(text.utf8)` gives, to a
/// `Data` and to a byte array alike, and keeps what was there.
@Suite struct BytesTests {
    static let samples = ["", "a", "plain/path.html", "é", "😀 and e\u{301}", String(repeating: "long ", count: 400)]

    @Test func appendingUTF8GivesTheTextsBytesAfterWhatWasThere() {
        for text in Self.samples {
            var data = Data([0xFF])
            data.append(utf8: text)
            #expect(data == Data([0xFF]) + Data(text.utf8))
            var array: [UInt8] = [0xFF]
            array.append(utf8: text)
            #expect(array == [0xFF] + Array(text.utf8))
        }
    }
}
