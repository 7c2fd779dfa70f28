import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown through the cmark-gfm C library.
///
/// Documents are parsed with the table, strikethrough, autolink, tasklist and
/// tagfilter extensions. HTML is rendered in cmark-gfm's default safe mode:
/// raw HTML is replaced by a comment and `javascript:`, `vbscript:`, `file:`
/// and most `data:` links are dropped.
public enum CMark {
    public static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// Markdown to an HTML fragment, safe mode.
    public static func html(_ markdown: String) -> String {
        render(markdown) { document, extensions in
            cmark_render_html(document, CMARK_OPT_DEFAULT, extensions)
        }
    }

    /// Markdown normalised to CommonMark (GFM extensions kept), for `.md` outputs.
    /// `width` 0 keeps the source's line breaks rather than re-wrapping.
    public static func commonmark(_ markdown: String, width: Int32 = 0) -> String {
        render(markdown) { document, _ in
            cmark_render_commonmark(document, CMARK_OPT_DEFAULT, width)
        }
    }

    /// Plain text of the Markdown, without markup (for titles and text alternatives).
    public static func plainText(_ markdown: String) -> String {
        render(markdown) { document, _ in
            cmark_render_plaintext(document, CMARK_OPT_DEFAULT, 0)
        }
    }

    private static func render(_ markdown: String,
                               _ renderer: (OpaquePointer?, UnsafeMutablePointer<cmark_llist>?) -> UnsafeMutablePointer<CChar>?) -> String {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let output = renderer(document, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(output) }
        return String(cString: output)
    }
}
