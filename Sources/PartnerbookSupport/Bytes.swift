import Foundation

extension RangeReplaceableCollection where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` in one copy (a page, a sitemap, the
    /// manifest and the cache are assembled this way, piece by piece, into
    /// buffers sized beforehand).
    @inlinable public mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { self += $0 }
    }
}
