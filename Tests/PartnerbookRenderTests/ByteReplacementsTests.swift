import Foundation
import Testing
@testable import PartnerbookRender

/// A document's bytes go from cmark-gfm to the file through one pass that
/// makes every replacement (the extension sentinel, the redline's markers):
/// it must give what replacing each needle in turn gave.
@Suite struct ByteReplacementsTests {
    private func apply(_ pairs: [(needle: String, replacement: String)], _ text: String) -> String {
        var out: [UInt8] = []
        var text = text
        text.withUTF8 { ByteReplacements(pairs).apply($0, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each needle replaced in turn, as the renderer did before.
    private func inTurn(_ pairs: [(needle: String, replacement: String)], _ text: String) -> String {
        pairs.reduce(text) { ByteText.replacing($1.needle, with: $1.replacement, in: $0) }
    }

    @Test func everyNeedleIsReplacedWhereverItStands() {
        let pairs: [(needle: String, replacement: String)] = [("%AB", "html"), ("\u{F8FF}x", "md"), ("\u{F8F1}y", "<del>")]
        let text = "\u{F8FF}x[a](b.%AB) 50% \u{F8F1}y\u{F8F1}z é \u{F8FF}x"
        #expect(apply(pairs, text) == "md[a](b.html) 50% <del>\u{F8F1}z é md")
        #expect(apply(pairs, text) == inTurn(pairs, text))
    }

    @Test func textWithoutANeedleIsCopiedAsItIs() {
        let pairs: [(needle: String, replacement: String)] = [("\u{F8FF}ext\u{F8FE}", "md")]
        for text in ["", "plain", "é\u{F8FF}ex", "%", "\u{F8FE}ext\u{F8FF}"] {
            #expect(apply(pairs, text) == text)
        }
    }

    @Test func theDocumentsReplacementsGiveWhatReplacingInTurnGave() {
        let markers = Redline.removed("old words") + " " + Redline.added("new words")
        let text = "[Scorecard](scorecard.\(DocumentRenderer.extSentinel)) [QBR](q.\(DocumentRenderer.extSentinelInLinks)) \(markers)"
        let html = [(DocumentRenderer.extSentinelInLinks, "html"), (DocumentRenderer.extSentinel, "html")]
            + Redline.replacements(announced: true)
        var out: [UInt8] = []
        var copy = text
        copy.withUTF8 { DocumentRenderer.htmlReplacements.apply($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == inTurn(html, text))
        #expect(String(decoding: out, as: UTF8.self).contains("<del><span class=\"visually-hidden\">deleted: </span>old words</del>"))
        var data = Data()
        copy.withUTF8 { DocumentRenderer.markdownReplacements.apply($0, into: &data) }
        #expect(String(decoding: data, as: UTF8.self)
                == "[Scorecard](scorecard.md) [QBR](q.\(DocumentRenderer.extSentinelInLinks)) <del>old words</del> <ins>new words</ins>")
    }
}
