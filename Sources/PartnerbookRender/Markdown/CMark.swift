import CCmarkGFM
import CCmarkThreads
import CCmarkMemory
import Synchronization
import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// GitHub-flavoured Markdown through the cmark-gfm C library.
///
/// Documents are parsed with the table, strikethrough, autolink, tasklist and
/// tagfilter extensions. HTML is rendered in cmark-gfm's default safe mode.
/// `sanitized` documents go further, for untrusted content: raw HTML becomes
/// literal text, and links and images whose URL has a scheme other than
/// http, https or mailto lose their link (their text stays).
package enum CMark {
    package static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Markdown to an HTML fragment, safe mode.
    package static func html(_ markdown: String) -> String {
        Document(markdown).html()
    }

    /// Markdown normalised to CommonMark (GFM extensions kept), for `.md` outputs.
    package static func commonmark(_ markdown: String) -> String {
        Document(markdown).commonmark()
    }

    /// Plain text of the Markdown, without markup (for titles and text alternatives).
    package static func plainText(_ markdown: String) -> String {
        Document(markdown).plainText()
    }

    /// A parsed Markdown document.
    package final class Document {
        private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

        /// Whether documents may be parsed on several threads at once:
        /// cmark-gfm takes its extensions' inline characters away from a
        /// parse still running when another ends, unless it calls the
        /// definition in `CCmarkThreads` that keeps them (seen by parsing one
        /// document). Where it does not, the inline parse (in `finish`)
        /// takes turns under `finishing`.
        static let parsesSideBySide: Bool = {
            let before = partnerbook_cmark_special_character_calls()
            let parser = newParser()
            cmark_parser_feed(parser, "a", 1)
            cmark_node_free(cmark_parser_finish(parser))
            cmark_parser_free(parser)
            return partnerbook_cmark_special_character_calls() > before
        }()
        private static let finishing = Mutex(())

        private let parser: OpaquePointer
        private let root: OpaquePointer
        /// Where cmark-gfm allocates this document's parser, tree and
        /// renderings (`CCmarkMemory`): handed back at once in `deinit`, so
        /// neither the tree nor the parser is freed node by node.
        private let memory: OpaquePointer

        package convenience init(_ markdown: String) {
            var markdown = markdown
            self.init(feeding: { parser in markdown.withUTF8 { Document.feed(parser, $0) } })
        }

        /// The document of Markdown given as UTF-8 bytes (a template filled as bytes).
        package convenience init(bytes markdown: [UInt8]) {
            self.init(feeding: { parser in markdown.withUnsafeBufferPointer { Document.feed(parser, $0) } })
        }

        /// The bytes up to the first NUL, as C strings have always been fed (no
        /// content file holds a NUL; a YAML `\0` escape ends the text there).
        private static func feed(_ parser: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            let length = memchr(base, 0, bytes.count).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            base.withMemoryRebound(to: CChar.self, capacity: length) { cmark_parser_feed(parser, $0, length) }
        }

        private init(feeding feed: (OpaquePointer) -> Void) {
            let memory = partnerbook_document_memory_new()!
            self.memory = memory
            let (parser, root) = Document.within(memory) {
                let parser = Document.newParser(memory: Document.allocator)
                feed(parser)
                if Document.parsesSideBySide {
                    return (parser, cmark_parser_finish(parser)!)
                }
                // The node's address crosses the lock as a number (a pointer is not `Sendable`).
                let address = Document.finishing.withLock { _ in UInt(bitPattern: cmark_parser_finish(parser)) }
                return (parser, OpaquePointer(bitPattern: address)!)
            }
            self.parser = parser
            self.root = root
        }

        /// A parser with the extensions attached, allocating from `memory`,
        /// or from the system's allocator.
        private static func newParser(memory: UnsafeMutablePointer<cmark_mem>? = nil) -> OpaquePointer {
            _ = registered
            let parser = memory.map { cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, $0)! } ?? cmark_parser_new(CMARK_OPT_DEFAULT)!
            for name in CMark.extensionNames {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            return parser
        }

        /// The allocator every document's parser is given: it allocates from
        /// the memory `within` has entered on the calling thread.
        private static var allocator: UnsafeMutablePointer<cmark_mem> {
            partnerbook_document_memory_allocator().assumingMemoryBound(to: cmark_mem.self)
        }

        /// `body`, a call into cmark-gfm for the document whose memory is
        /// `memory`: what it allocates comes from there.
        private static func within<Result>(_ memory: OpaquePointer, _ body: () -> Result) -> Result {
            let previous = partnerbook_document_memory_enter(memory)
            defer { partnerbook_document_memory_leave(previous) }
            return body()
        }

        private func within<Result>(_ body: () -> Result) -> Result {
            Document.within(memory, body)
        }

        deinit {
            partnerbook_document_memory_free(memory)
        }

        /// Bytes this document's memory holds from the system (for tests).
        var memoryHeld: UInt { partnerbook_document_memory_held(memory) }

        package func html() -> String {
            withHTML { String(decoding: $0, as: UTF8.self) }
        }

        /// `body` given the HTML's bytes, read where they are.
        func withHTML<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            within {
                // Table alignment as `style` attributes: the `align` attribute is obsolete in HTML5.
                // Each body row's first cell names the row: a row header (see `RowHeaders`).
                let output = cmark_render_html(root, CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES,
                                               cmark_parser_get_syntax_extensions(parser))
                defer { if let output { release(output) } }
                return RowHeaders.mark(Document.bytes(output), body)
            }
        }

        /// `width` 0 keeps the source's line breaks rather than re-wrapping.
        package func commonmark(width: Int32 = 0) -> String {
            withCommonmark(width: width) { String(decoding: $0, as: UTF8.self) }
        }

        /// `body` given the CommonMark's bytes, read where they are.
        func withCommonmark<Result>(width: Int32 = 0, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            within {
                let output = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, width)
                defer { if let output { release(output) } }
                return body(Document.bytes(output))
            }
        }

        /// A rendering's bytes, without the NUL that ends them (none for no rendering).
        private static func bytes(_ output: UnsafeMutablePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
            guard let output else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: UnsafeRawPointer(output).assumingMemoryBound(to: UInt8.self), count: strlen(output))
        }

        package func plainText() -> String {
            within { take(cmark_render_plaintext(root, CMARK_OPT_DEFAULT, 0)) }
        }

        /// A rendering as a string, its buffer given back (call within `within`).
        private func take(_ output: UnsafeMutablePointer<CChar>?) -> String {
            guard let output else { return "" }
            defer { release(output) }
            return String(cString: output)
        }

        /// A rendering's buffer given back to the document's memory (call
        /// within `within`): a long one goes back to the system now, not when
        /// the document does.
        private func release(_ output: UnsafeMutablePointer<CChar>) {
            Document.allocator.pointee.free(output)
        }

        /// The text of the first heading, without markup.
        package func firstHeading() -> String? {
            within { firstHeadingText() }
        }

        private func firstHeadingText() -> String? {
            let iterator = cmark_iter_new(root)
            defer { cmark_iter_free(iterator) }
            var inHeading = false
            var text = ""
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    if event == CMARK_EVENT_EXIT { return text }
                    inHeading = true
                } else if inHeading, event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                    text += cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                }
            }
            return nil
        }

        /// Points links elsewhere in place: each link whose destination
        /// `replacement` maps to a new one gets that one (images are left as
        /// they are). Lets one parsed tree render a page's Markdown and then,
        /// relinked, its HTML.
        package func relink(_ replacement: (String) -> String?) {
            forEachNode { node, type in
                guard type == CMARK_NODE_LINK, let url = cmark_node_get_url(node),
                      let replaced = replacement(String(cString: url)) else { return }
                cmark_node_set_url(node, replaced)
            }
        }

        /// Each node of the tree, in document order, with its type (a node's
        /// contents may change in `body`, not the tree's shape).
        private func forEachNode(_ body: (OpaquePointer, cmark_node_type) -> Void) {
            within {
                let iterator = cmark_iter_new(root)
                defer { cmark_iter_free(iterator) }
                while true {
                    let event = cmark_iter_next(iterator)
                    if event == CMARK_EVENT_DONE { break }
                    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                    body(node, cmark_node_get_type(node))
                }
            }
        }

        /// A node in this document's memory (call within `within`).
        private func newNode(_ type: cmark_node_type) -> OpaquePointer {
            cmark_node_new_with_mem(type, Document.allocator)!
        }

        /// Neutralises untrusted content in place; returns self for chaining.
        ///
        /// Raw HTML becomes literal text; a link whose scheme is not http,
        /// https or mailto loses its link (its text stays). An image is kept
        /// only when it is a file of the output: a relative path that stays
        /// inside the output folder from a document `depth` folders below it
        /// (a chart beside the document). Any other image is never fetched
        /// by a reader or by the PDF printer: an http or https one becomes a
        /// link to it (a tracking pixel is not loaded), any other keeps only
        /// its alternative text.
        @discardableResult
        package func sanitize(depth: Int = 0) -> Document {
            var rawHTML: [OpaquePointer] = []
            var unsafeLinks: [OpaquePointer] = []
            var remoteImages: [OpaquePointer] = []
            // Collected first, changed after: replacing nodes changes the tree's shape.
            forEachNode { node, type in
                if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                    rawHTML.append(node)
                } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if !CMark.isSafeURL(url) {
                        unsafeLinks.append(node)
                    } else if type == CMARK_NODE_IMAGE && !CMark.isOutputFile(url, depth: depth) {
                        if CMark.isWebURL(url) { remoteImages.append(node) } else { unsafeLinks.append(node) }
                    }
                }
            }
            within {
                for node in rawHTML {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                        let paragraph = newNode(CMARK_NODE_PARAGRAPH)
                        let text = newNode(CMARK_NODE_TEXT)
                        cmark_node_set_literal(text, literal.trimmingCharacters(in: .newlines))
                        cmark_node_append_child(paragraph, text)
                        cmark_node_replace(node, paragraph)
                    } else {
                        let text = newNode(CMARK_NODE_TEXT)
                        cmark_node_set_literal(text, literal)
                        cmark_node_replace(node, text)
                    }
                    cmark_node_free(node)
                }
                for node in remoteImages {
                    // The image's alternative text, as a link to it.
                    let link = newNode(CMARK_NODE_LINK)
                    cmark_node_set_url(link, cmark_node_get_url(node))
                    while let child = cmark_node_first_child(node) {
                        cmark_node_append_child(link, child)
                    }
                    cmark_node_replace(node, link)
                    cmark_node_free(node)
                }
                for node in unsafeLinks {
                    // Keep the link's text, drop the link (an image keeps its alt text).
                    while let child = cmark_node_first_child(node) {
                        cmark_node_insert_before(node, child)
                    }
                    cmark_node_free(node)
                }
            }
            return self
        }
    }

    /// Whether `url` names a file of the output: a relative path (no
    /// scheme, not absolute, no host) whose `..` never climb above the
    /// output folder from a document `depth` folders below it.
    package static func isOutputFile(_ url: String, depth: Int) -> Bool {
        let cleaned = withoutControls(url)
        let path = cleaned.prefix { $0 != "?" && $0 != "#" }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains(":") else { return false }
        var level = depth
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            // Percent-encoded dots are dots to a reader (Foundation decodes only a part that has a `%`).
            let decoded = part.utf8.contains(UInt8(ascii: "%")) ? part.removingPercentEncoding ?? String(part) : String(part)
            if decoded == ".." {
                level -= 1
                if level < 0 { return false }
            } else if decoded != "." && !decoded.isEmpty {
                level += 1
            }
        }
        return true
    }

    /// An http or https URL.
    static func isWebURL(_ url: String) -> Bool {
        let cleaned = withoutControls(url).lowercased()
        return cleaned.hasPrefix("http:") || cleaned.hasPrefix("https:")
    }

    /// Relative URLs, fragments and http, https and mailto links are safe;
    /// any other scheme (`javascript:`, `vbscript:`, `data:`, `file:` …) is not.
    /// Control characters and white space inside the scheme do not hide it.
    package static func isSafeURL(_ url: String) -> Bool {
        let cleaned = withoutControls(url)
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let scheme = cleaned[..<colon]
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return ["http", "https", "mailto"].contains(scheme.lowercased())
    }

    /// `url` without white space and control characters (U+0020 and below,
    /// U+007F), which a browser drops from a URL; the URL itself when it has
    /// none (nearly every one: a scan of its bytes says so).
    static func withoutControls(_ url: String) -> String {
        guard url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return url }
        return String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
    }
}
