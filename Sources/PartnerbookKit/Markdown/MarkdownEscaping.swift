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

    /// Prose for a block context (its own paragraphs): trimmed, and unable to
    /// add headings to the document (ATX `#` lines and setext underlines are escaped).
    static func block(_ markdown: String?) -> String {
        let text = (markdown ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.contains("#") || text.contains("=") || text.contains("-") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let body = line.drop { $0 == " " }
            let indent = line.count - body.count
            guard indent < 4, let first = body.first else { return String(line) }
            if first == "#" || (first == "=" || first == "-") && body.allSatisfy({ $0 == first || $0 == " " }) {
                return String(line.prefix(indent)) + "\\" + body
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Prose for one line (a list item, a heading): lines joined with spaces,
    /// and a leading character that would open a block (heading, quote, list,
    /// fence, table) escaped so the line stays inline text.
    static func inline(_ markdown: String?) -> String {
        let line = (markdown ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard let first = line.first else { return line }
        if "#>-+*=|`~".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCIIDigit }
        if !digits.isEmpty, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
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
