import Foundation
import Testing
@testable import PartnerbookSupport

/// Trimming by bytes gives what Foundation's trimming gives, whatever the ends hold.
@Suite struct TrimTests {
    static let samples = [
        "", " ", "\n", " \t\r\n\u{0B}\u{0C} ", "plain", " lead", "trail ", "block text\n", "\n\n  two lines\nhere  \n",
        "a", " a ", "\r\n", "x\r\n", "é", " é ", "é\n", "\u{A0}nbsp\u{A0}", "\u{2028}line separator\n", "\u{3000}wide\u{3000}",
        "\u{85}next line", "tail\u{85}", "e\u{301}\n", "\n\u{301}mark", "\u{01}control\u{01}", " \u{1F}unit ", "\u{200B}zero width ",
        "😀 ", "\t😀\n", "\n\u{A0}\n", "  \u{2003}  ",
    ]

    @Test func whitespaceIsTrimmedAsFoundationTrimsIt() {
        for text in Self.samples {
            #expect(Trim.whitespace(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func blankIsOnlyWhiteSpace() {
        for text in Self.samples {
            #expect(text.isBlank == text.allSatisfy(\.isWhitespace), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect("".isBlank && " \n\t".isBlank && "\u{A0}\u{3000}".isBlank)
        #expect(!"a".isBlank && !" a".isBlank && !"\u{A0}x".isBlank)
    }
}
