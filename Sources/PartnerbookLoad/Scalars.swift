import Foundation
import PartnerbookModel
import PartnerbookSupport

/// Conversions of scalar text to typed values, kept strict so that a typo is
/// reported rather than silently read as something else.
public enum Scalars {
    /// A finite decimal number; `_` and `,` may group digits (1_200_000,
    /// 1,200,000). Commas must group by three (`1,2` is refused, not read as 12).
    /// A number beyond 2^53 is refused: a Double cannot hold every whole
    /// number past it, so it would be rounded (…993 read as …992) and then
    /// signed, printed and summed as a figure nobody wrote.
    static func number(_ text: String) -> Double? {
        guard let read = anyNumber(text), !read.beyond else { return nil }
        return read.value
    }

    /// 2^53.
    static let largestExact: Double = 9_007_199_254_740_992

    /// Whether `text` reads as a number, but one beyond 2^53.
    static func isBeyondExact(_ text: String) -> Bool {
        anyNumber(text)?.beyond ?? false
    }

    /// The number `text` writes, and whether it lies beyond 2^53 (judged on
    /// the digits for a whole number: 9007199254740993 reads as …992 as a Double).
    private static func anyNumber(_ text: String) -> (value: Double, beyond: Bool)? {
        // Most numbers are plain digits: no grouping to take out.
        let grouped = text.utf8.contains { $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ",") }
        if text.utf8.contains(UInt8(ascii: ",")), FlowCommaReport.groupedNumber(text.replacingOccurrences(of: "_", with: "")) == nil {
            return nil
        }
        let cleaned = grouped ? text.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "") : text
        guard !cleaned.isEmpty,
              cleaned.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
              let value = Double(cleaned), value.isFinite else { return nil }
        if abs(value) >= largestExact, cleaned.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isASCIIDigit) {
            let whole = Int(cleaned.hasPrefix("+") ? String(cleaned.dropFirst()) : cleaned)
            return (value, whole.map { $0.magnitude > UInt(largestExact) } ?? true)
        }
        return (value, abs(value) > largestExact)
    }

    static func count(_ text: String) -> Int? {
        let digits = text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text
        guard let value = Int(digits), value >= 0 else { return nil }
        return value
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

/// Text that `partnerbook new` writes where a person still has to fill in.
public enum Placeholder {
    static let marker = "TODO"

    static func matches(_ text: String) -> Bool {
        text.hasPrefix(marker)
    }

    /// The first line of a placeholder, shortened for a diagnostic.
    static func excerpt(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
        return line.count > 60 ? line.prefix(59) + "…" : line
    }
}

/// Bounds on one text value. cmark-gfm 0.29.0.gfm.6 (Debian's) is quadratic on
/// some crafted inline patterns (`<![CDATA[`, `<?`, autolinked `@`) and ragged
/// tables grow its output with rows times columns; every such pattern lives
/// inside one value, so bounding each value bounds the rendering time.
public enum TextLimits {
    /// Longest text value, in bytes of UTF-8.
    public static let maxBytes = 32 * 1024
    /// Most lines in one text value.
    static let maxLines = 500

    /// A reason the text is too long, or nil.
    static func violation(_ text: String) -> String? {
        if text.utf8.count > maxBytes {
            return "is \(text.utf8.count) bytes long; the limit for one value is \(maxBytes) bytes (32 KiB)"
        }
        // Fewer bytes than the line limit cannot hold too many lines.
        if text.utf8.count < maxLines { return nil }
        var lines = 1
        for byte in text.utf8 where byte == 10 {
            lines += 1
            if lines > maxLines { return "has more than \(maxLines) lines; the limit for one value is \(maxLines)" }
        }
        return nil
    }
}
