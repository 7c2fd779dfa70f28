import Foundation
import PartnerbookModel

/// Trimming white space from both ends, with a fast exit for the common
/// case (Foundation's `trimmingCharacters` was 6% of a build).
public enum Trim {
    /// Without leading and trailing spaces and tabs (line breaks stay).
    public static func spaces(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte > 32 && byte < 128 }
        if plain(first) && plain(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    public static func whitespace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte > 32 && byte < 128 }
        if plain(first) && plain(last) { return text }
        // ASCII white space around printable ASCII (a block scalar's final line break): trimmed by bytes.
        let bytes = text.utf8
        func space(_ byte: UInt8) -> Bool { byte == 32 || (byte >= 9 && byte <= 13) }
        guard let start = bytes.firstIndex(where: { !space($0) }) else { return "" }
        let end = bytes.lastIndex(where: { !space($0) })!
        if plain(bytes[start]) && plain(bytes[end]) { return String(Substring(bytes[start...end])) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension String {
    /// Empty or only white space.
    public var isBlank: Bool {
        // Text that starts with a printable ASCII character is not blank; only the rest is read by character.
        if let first = utf8.first, first > 32, first < 128 { return false }
        return allSatisfy(\.isWhitespace)
    }
}

extension Optional where Wrapped == Located<String> {
    /// Missing, or present but blank.
    public var isBlank: Bool { self?.value.isBlank ?? true }
}

/// A YAML double-quoted scalar holding exactly `text`.
public func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
