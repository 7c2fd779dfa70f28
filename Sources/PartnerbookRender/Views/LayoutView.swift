import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// What the shared HTML layout reads around a document body.
package struct LayoutView {
    struct Crumb {
        var title: String
        /// nil for the current page.
        var link: String?
    }

    var title: String
    /// Relative path from the page to the output root, ending in `/` (or empty).
    var root: String
    var siteTitle: String
    var kind: String
    var body: String
    /// CSS `@page` size from `site.paper`: `A4` or `letter`.
    var paper: String
    var breadcrumbs: [Crumb]
    var asOf: String
    var company: String
    var partnerName: String
    var tier: String
    var status: String
    var health: String
    var band: String
    /// The band in words, with the reason when the KPIs cap it.
    var bandLabel: String
    var hasBand: Bool
    /// A page of the public directory: no links to internal pages.
    var isPublic: Bool
    /// The footer of every printed page, escaped for a CSS string (see `cssString`).
    var printFooterCSS: String
}

/// What the QBR packet's own layout reads: no navigation, no badges, no
/// link to anything internal; who meets, and the document.
package struct PacketLayoutView {
    var title: String
    var root: String
    var paper: String
    var body: String
    var company: String
    var partnerName: String
    /// "QBR 2026-Q4" or "Review 2026-11".
    var reviewLine: String
    var asOf: String
    var printFooterCSS: String
}

/// What the charter's own layout reads: nothing of our internal site (no
/// navigation, badges or links into it), the two companies, whether it is
/// a draft, and what the PDF's metadata carries (author: our company;
/// subject: the fingerprint).
package struct CharterLayoutView {
    var title: String
    var root: String
    var paper: String
    var body: String
    var company: String
    var partnerName: String
    var draft: Bool
    var asOf: String
    var fingerprint: String?
    /// The PDF's subject: "Charter fingerprint sha256:…".
    var subject: String
    var printFooterCSS: String
}

/// Text escaped for the inside of a double-quoted CSS string: everything but
/// letters, digits and spaces becomes a hex escape, so no value can close
/// the string, the rule or the `<style>` element.
package func cssString(_ text: String) -> String {
    // Made as bytes (every page has one), with ASCII letters and digits
    // told by value: Unicode's property tables are not looked up for every
    // character of every page's footer.
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        let value = scalar.value
        if (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value) || value == 0x20 {
            out.append(UInt8(value))
        } else {
            out.append(UInt8(ascii: "\\"))
            out += String(value, radix: 16).utf8
            out.append(UInt8(ascii: " "))
        }
    }
    return String(decoding: out, as: UTF8.self)
}
