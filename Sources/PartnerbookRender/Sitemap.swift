import Foundation
import PartnerbookModel
import PartnerbookSupport

extension DocumentRenderer {
    /// The most pages one sitemap file may list (sitemaps.org: 50,000 URLs, 50 MB).
    package static let pagesPerSitemap = 50_000

    /// The sitemap of every HTML page among `sorted`, paths in the order
    /// `sorted()` gives: absolute URLs under `base` when it is set (the
    /// public directory's `site.base_url`, the internal site's
    /// `site.internal_url`), relative paths otherwise.
    ///
    /// Up to `limit` pages, `sitemap.xml` lists them. Past it (some 4,000
    /// partners and more), the protocol wants several files:
    /// `sitemap-1.xml`, `sitemap-2.xml`, ... each list up to `limit` pages
    /// in path order, and `sitemap.xml` is their index. Each file is made
    /// from the paths as they are read and handed to `emit`: one sitemap of
    /// 100,000 partners was 120 MB, made as bytes and then copied, the
    /// largest thing a build held.
    package func sitemaps<Record>(of sorted: some Sequence<String>, base: String?, limit: Int = DocumentRenderer.pagesPerSitemap,
                                  emit: (OutputFile) throws -> Record) rethrows -> [Record] {
        var base = base?.trimmingCharacters(in: .whitespaces) ?? ""
        if !base.isEmpty && !base.hasSuffix("/") { base += "/" }
        let html = Array(".html".utf8)
        // The base escaped once (escaping goes character by character).
        let escapedBase = PartnerbookRender.xml(base)
        let lastmod = "<lastmod>\(asOf.description)</lastmod>"
        var records: [Record] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        var pages: [String] = []
        func emitPart() throws {
            let path = OutputPaths.sitemapPart(records.count + 1)
            records.append(try emit(urlSet(pages, path: path, base: escapedBase, lastmod: lastmod)))
            index += "  <sitemap><loc>\(escapedBase)\(PartnerbookRender.xml(path))</loc>\(lastmod)</sitemap>\n"
            pages.removeAll(keepingCapacity: true)
        }
        for path in sorted where path.utf8.count >= html.count && path.utf8.suffix(html.count).elementsEqual(html) {
            if pages.count == limit { try emitPart() }
            pages.append(path)
        }
        guard !records.isEmpty else {
            return [try emit(urlSet(pages, path: OutputPaths.sitemap, base: escapedBase, lastmod: lastmod))]
        }
        try emitPart()
        index += "</sitemapindex>\n"
        records.append(try emit(OutputFile(.programPage, OutputPaths.sitemap, index)))
        return records
    }

    /// One sitemap file of `pages`, made as bytes of their exact size.
    private func urlSet(_ pages: [String], path: String, base: String, lastmod: String) -> OutputFile {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        let open = "  <url><loc>" + base, close = "</loc>" + lastmod + "</url>\n", tail = "</urlset>\n"
        let escaped = pages.map { PartnerbookRender.xml($0) }
        var xml = Data(capacity: head.utf8.count + tail.utf8.count
                       + escaped.reduce(0) { $0 + open.utf8.count + $1.utf8.count + close.utf8.count })
        xml.append(utf8: head)
        for page in escaped {
            xml.append(utf8: open)
            xml.append(utf8: page)
            xml.append(utf8: close)
        }
        xml.append(utf8: tail)
        return OutputFile(.programPage, path: path, data: xml)
    }
}
