import Foundation
import Mustache

/// Escaping for values that land in Markdown.
///
/// Templates of Markdown documents start with `{{% CONTENT_TYPE: MARKDOWN }}`:
/// every `{{value}}` is then a plain value, and every ASCII punctuation
/// character in it is backslash-escaped (CommonMark allows that for all of
/// them), line breaks become spaces. So a name like `<b>Acme|*Co*</b>` stays
/// literal text, in running text and in table cells alike. cmark-gfm's
/// CommonMark renderer then removes the escapes that are not needed.
///
/// Prose fields are Markdown already; views hand them over as `MarkdownText`
/// and templates insert them with `{{{triple}}}` mustaches.
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    func escapeText(_ text: String) -> String {
        MarkdownText.escape(text)
    }
}

enum MarkdownText {
    private static let registered: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
    }()

    /// Makes the `MARKDOWN` content type known to the template parser.
    static func registerContentType() { _ = registered }

    /// A plain value as literal Markdown text on one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var lastWasBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                if !lastWasBreak { out.append(" ") }
                lastWasBreak = true
                continue
            }
            lastWasBreak = false
            if scalar.isASCII, scalar.properties.isPunctuationOrSymbolASCII {
                out.append("\\")
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Prose for a block context (its own paragraphs): trimmed.
    static func block(_ markdown: String?) -> String {
        (markdown ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Prose for one line (a list item, a heading): lines joined with spaces.
    static func inline(_ markdown: String?) -> String {
        block(markdown).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    /// Prose for a table cell: one line, pipes escaped so the row holds.
    static func cell(_ markdown: String?) -> String {
        var out = ""
        var escaped = false
        for c in inline(markdown) {
            if c == "|" && !escaped { out.append("\\") }
            escaped = c == "\\" && !escaped
            out.append(c)
        }
        return out
    }
}

private extension Unicode.Scalar.Properties {
    /// ASCII punctuation and symbols: the characters CommonMark lets a backslash escape.
    var isPunctuationOrSymbolASCII: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
