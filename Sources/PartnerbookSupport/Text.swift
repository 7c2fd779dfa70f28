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
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension String {
    /// Empty or only white space.
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
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
