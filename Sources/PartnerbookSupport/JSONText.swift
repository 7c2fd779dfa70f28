import Foundation

/// JSON as partnerbook writes it (`check --format json`, `partners.json`,
/// `changes --format json`): pretty, keys sorted, slashes as they are.
public enum JSONText {
    /// `value` as JSON text and a newline. The values written are text,
    /// whole numbers, flags and numbers whose non-finite values have names,
    /// so encoding cannot fail; if it ever did, that is a bug to stop on,
    /// not an empty document to print.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("JSON cannot be written: \(error)")
        }
    }
}

extension JSONText {
    /// `text` as a JSON string, quoted, escaped as `encode` escapes it:
    /// quote and backslash with a backslash, the control characters
    /// `\b \t \n \f \r` by name and the others as `\u00xx`, everything else
    /// (slashes, non-ASCII) as it is. For writers that make large documents
    /// without `JSONEncoder` (`partners.json`); a test holds the two equal.
    public static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out += UnsafeBufferPointer(rebasing: bytes[run..<index])
                run = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
            }
            out += UnsafeBufferPointer(rebasing: bytes[run...])
        }
        out.append(UInt8(ascii: "\""))
    }
}
