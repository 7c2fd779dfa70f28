/// Dates, quarters and the vocabularies as the build cache stores them:
/// as they are written in a partner file (`2026-11-20`, `2026-Q3`, `walk`).

/// A value coded as the text a partner file writes it with.
package protocol CodedAsText: Codable, CustomStringConvertible {
    /// Parses exactly the text `description` writes.
    init?(_ text: String)
}

extension CodedAsText {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Day: CodedAsText {}
extension Quarter: CodedAsText {}
extension Month: CodedAsText {}
extension Period: CodedAsText {}
extension Tier: Codable {}
extension Status: Codable {}
extension Phase: Codable {}
