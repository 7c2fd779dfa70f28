import Testing
@testable import PartnerbookSupport

/// A text made in pieces is the text appended, cut into pieces of at least
/// `pieceSize` bytes (the last may be shorter) only where `cut()` was
/// called: never inside a character, whatever it is made of.
@Suite struct TextPiecesTests {
    @Test func piecesJoinToTheAppendedTextAndAreCutOnlyBetweenTexts() {
        // 9 and 4 bytes (13 a pair, which does not divide the piece size): a cut anywhere but between texts would split one.
        let texts = ["é😀 ab", "e\u{301}x"]
        var pieces = TextPieces()
        var whole = ""
        var appended = 0
        while whole.utf8.count < 3 * TextPieces.pieceSize {
            let text = texts[appended % 2]
            pieces.append(text)
            whole += text
            appended += 1
        }
        let made = pieces.finished()
        #expect(made.joined() == whole)
        #expect(made.count == 3 || made.count == 4)
        for piece in made.dropLast() {
            #expect(piece.utf8.count >= TextPieces.pieceSize)
            #expect(piece.utf8.count < TextPieces.pieceSize + 9)
        }
        // Every piece starts where a text starts.
        for piece in made { #expect(texts.contains { piece.hasPrefix($0) }) }
    }

    @Test func bytesWrittenDirectlyAreCutOnlyWhenAsked() {
        var pieces = TextPieces()
        pieces.bytes.append(contentsOf: Array(repeating: UInt8(ascii: "a"), count: TextPieces.pieceSize + 10))
        #expect(pieces.texts.isEmpty)
        pieces.cut()
        #expect(pieces.texts.count == 1)
        #expect(pieces.bytes.isEmpty)
        pieces.append("b")
        #expect(pieces.finished() == [String(repeating: "a", count: TextPieces.pieceSize + 10), "b"])
    }

    @Test func nothingAppendedIsNoPiece() {
        #expect(TextPieces().finished().isEmpty)
    }
}
