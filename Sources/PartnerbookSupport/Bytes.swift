import Foundation

extension RangeReplaceableCollection where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` in one copy (a sitemap, the cache's
    /// lines and the bytes of a file made of texts are put together this
    /// way, piece by piece).
    @inlinable public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { self += $0 }
    }
}
