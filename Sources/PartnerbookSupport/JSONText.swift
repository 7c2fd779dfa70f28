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
