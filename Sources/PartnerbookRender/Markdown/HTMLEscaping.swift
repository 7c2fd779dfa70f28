import Mustache

/// Escaping for values that land in HTML pages.
///
/// Mustache's own HTML escaping walks a value by `Character` (grapheme
/// cluster) and looks each one up in a dictionary: slow on the home page's
/// ten thousand cards, and blind to a quote or bracket that a combining mark
/// joins into one cluster (`"` followed by U+0301 is one `Character`, not in
/// its table, so it reached an attribute raw and closed it). This escapes the
/// same five characters by their bytes, wherever they stand.
///
/// HTML templates are parsed with `{{% CONTENT_TYPE: PARTNERBOOK_HTML }}` put
/// in front of their text (`TemplateSet.load`), so a person's template needs
/// no change.
package struct HTMLEscaping: MustacheContentType {
    static let name = "PARTNERBOOK_HTML"
    /// What `TemplateSet` puts before an HTML template's own text: one line, a standalone tag.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    private static let registered: Void = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }()

    /// Makes the content type known to the template parser.
    static func register() { _ = registered }

    package func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// `<`, `>`, `&`, `"` and `'` as character references; every other byte as it is.
    static func escape(_ text: String) -> String {
        ByteText.replacing(isSpecial, in: text, with: reference)
    }

    /// `text` escaped as `escape` does, onto the end of `out` (a template being filled).
    static func append(_ text: String, escapedTo out: inout [UInt8]) {
        ByteText.append(text, to: &out, replacing: isSpecial, with: reference)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ out: inout [UInt8]) {
        switch bytes[index] {
        case 0x3C: out.append(contentsOf: "&lt;".utf8)
        case 0x3E: out.append(contentsOf: "&gt;".utf8)
        case 0x26: out.append(contentsOf: "&amp;".utf8)
        case 0x22: out.append(contentsOf: "&quot;".utf8)
        default: out.append(contentsOf: "&#39;".utf8)
        }
    }
}
