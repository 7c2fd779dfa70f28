import PartnerbookModel
/// `site.base_url`: it goes into sitemap.xml and into every event of the
/// calendar, so it must be an absolute http(s) URL with a host, and nothing
/// that could end a line or a property there (white space, control
/// characters, quotes, angle brackets).
public enum BaseURL {
    public static func parse(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains($0)
                                                     || ($0.value >= 0x80 && $0.value <= 0x9F) || $0.properties.isWhitespace }),
              let host = host(of: text), !host.isEmpty else { return nil }
        return text
    }

    /// The host of an http(s) URL, for UIDs.
    public static func host(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        let rest = url[range.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host)
    }
}
