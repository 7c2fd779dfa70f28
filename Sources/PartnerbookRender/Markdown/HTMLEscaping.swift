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
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
