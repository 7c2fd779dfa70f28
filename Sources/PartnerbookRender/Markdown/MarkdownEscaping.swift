import Foundation
import Mustache
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

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
package struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    package func escapeText(_ text: String) -> String {
        MarkdownText.escape(text)
    }
}

package enum MarkdownText {
    private static let registered: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)
    }()

    /// Makes the `MARKDOWN` content type known to the template parser.
    static func registerContentType() { _ = registered }

    /// Whether CommonMark lets a backslash escape `byte`: ASCII punctuation
    /// and symbols (`!` to `/`, `:` to `@`, `[` to `` ` ``, `{` to `~`).
    private static func isEscapable(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        isEscapable(byte) || byte == 10 || byte == 13
    }

    /// A plain value as literal Markdown text on one line.
    static func escape(_ text: String) -> String {
        ByteText.replacing(isSpecial, in: text, with: backslashed)
    }

    /// `text` escaped as `escape` does, onto the end of `out` (a template being filled).
    static func append(_ text: String, escapedTo out: inout [UInt8]) {
        ByteText.append(text, to: &out, replacing: isSpecial, with: backslashed)
    }

    /// A punctuation byte after a backslash; a run of line breaks as one space.
    private static func backslashed(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ out: inout [UInt8]) {
        let byte = bytes[index]
        if byte == 10 || byte == 13 {
            if index == 0 || (bytes[index - 1] != 10 && bytes[index - 1] != 13) { out.append(32) }
        } else {
            out.append(92)
            out.append(byte)
        }
    }

    /// Prose for a block context (its own paragraphs): trimmed, and unable to
    /// add headings to the document (ATX `#` lines and setext underlines are
    /// escaped). Lines are told apart by scalars: CR LF and a lone CR end a
    /// line for cmark as LF does (a `Character` comparison would take CR LF
    /// for one character that is no line break).
    package static func block(_ markdown: String?) -> String {
        var text = Trim.whitespace(markdown ?? "")
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        // Bytes, not String.contains: Foundation's search is locale-aware and slow on Linux.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "-") }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let scalars = line.unicodeScalars
            let body = scalars.drop { $0 == " " }
            let indent = scalars.count - body.count
            guard indent < 4, let first = body.first else { return String(line) }
            if first == "#" || (first == "=" || first == "-") && body.allSatisfy({ $0 == first || $0 == " " }) {
                return String(repeating: " ", count: indent) + "\\" + String(String.UnicodeScalarView(body))
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Prose for one line (a list item, a heading): lines joined with spaces,
    /// and a leading character that would open a block (heading, quote, list,
    /// fence, table) escaped so the line stays inline text.
    static func inline(_ markdown: String?) -> String {
        let trimmed = Trim.whitespace(markdown ?? "")
        let line = trimmed.utf8.contains(10) || trimmed.utf8.contains(13)
            ? trimmed.split(whereSeparator: \.isNewline).map { Trim.whitespace(String($0)) }.filter { !$0.isEmpty }.joined(separator: " ")
            : trimmed
        // The first scalar, not the first `Character`: `>` followed by a combining
        // mark is one Character, but cmark still sees a `>` opening a quote.
        guard let first = line.unicodeScalars.first else { return line }
        if "#>-+*=|`~".unicodeScalars.contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCIIDigit }
        if !digits.isEmpty, let next = line.dropFirst(digits.count).first, next == "." || next == ")" {
            return digits + "\\" + line.dropFirst(digits.count)
        }
        return line
    }

    /// Prose for a table cell: one line, pipes escaped so the row holds
    /// (by scalar: a `|` with a combining mark after it still splits a GFM row).
    static func cell(_ markdown: String?) -> String {
        var out = String.UnicodeScalarView()
        var escaped = false
        for c in inline(markdown).unicodeScalars {
            if c == "|" && !escaped { out.append("\\") }
            escaped = c == "\\" && !escaped
            out.append(c)
        }
        return String(out)
    }
}

