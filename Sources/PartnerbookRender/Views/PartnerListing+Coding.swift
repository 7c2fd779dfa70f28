import Foundation
import PartnerbookModel
import PartnerbookRules

// How a `PartnerListing` is written as JSON (the build's store keeps it
// between builds, and `partners.json` and the calendar read the same
// records): the codings of the values it holds that are the model's and the
// rules', declared here, with the listing, so the model and the rules know
// nothing of it.

/// A value coded as the text a partner file writes it with (`2026-11-20`, `2026-Q3`).
package protocol CodedAsText: Codable, CustomStringConvertible {
    /// Parses exactly the text `description` writes.
    init?(_ text: String)
}

extension CodedAsText {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Day: CodedAsText {}
extension Month: CodedAsText {}

extension CodingUserInfoKey {
    /// The program's year, to read its quarters back (`FY2027-Q1` names different months in another program).
    static let fiscalCalendar = CodingUserInfoKey(rawValue: "partnerbook.fiscalCalendar")!
}

/// Quarters and periods as the partner file writes them (`2026-Q3`, `FY2027-Q1`, `2026-11`), read back in the program's year.
protocol CodedInProgramYear: Codable, CustomStringConvertible {
    init?(_ text: String, calendar: FiscalCalendar)
}

extension CodedInProgramYear {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let calendar = decoder.userInfo[.fiscalCalendar] as? FiscalCalendar ?? .calendarYear
        guard let value = Self(text, calendar: calendar) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Quarter: CodedInProgramYear {
    init?(_ text: String, calendar: FiscalCalendar) { self.init(text, startMonth: calendar.startMonth) }
}

extension Period: CodedInProgramYear {
    init?(_ text: String, calendar: FiscalCalendar) {
        guard let period = calendar.period(text) else { return nil }
        self = period
    }
}
extension Tier: Codable {}
extension Status: Codable {}
extension Phase: Codable {}

extension AlertRanking.Subject: Codable {
    private enum Keys: String, CodingKey { case id, file, name, tier, status, endedOn }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decode(String.self, forKey: .id), file: try c.decode(String.self, forKey: .file),
                  name: try c.decode(String.self, forKey: .name), tier: try c.decodeIfPresent(Tier.self, forKey: .tier),
                  status: try c.decodeIfPresent(Status.self, forKey: .status), endedOn: try c.decodeIfPresent(Day.self, forKey: .endedOn))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(file, forKey: .file)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(tier, forKey: .tier)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(endedOn, forKey: .endedOn)
    }
}

extension ProgramOutcomes.Facts: Codable {
    private enum Keys: String, CodingKey { case name, begun, ended, countsRevenue, quarters }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(name: try c.decode(String.self, forKey: .name), begun: try c.decodeIfPresent(Day.self, forKey: .begun),
                  ended: try c.decodeIfPresent(Day.self, forKey: .ended), countsRevenue: try c.decode(Bool.self, forKey: .countsRevenue),
                  quarters: try c.decode([QuarterFacts].self, forKey: .quarters))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(begun, forKey: .begun)
        try c.encodeIfPresent(ended, forKey: .ended)
        try c.encode(countsRevenue, forKey: .countsRevenue)
        try c.encode(quarters, forKey: .quarters)
    }
}

extension ProgramOutcomes.Facts.QuarterFacts: Codable {
    private enum Keys: String, CodingKey { case quarter, revenue, gap, active, shown }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(quarter: try c.decode(Quarter.self, forKey: .quarter), revenue: try c.decodeIfPresent(Double.self, forKey: .revenue),
                  gap: try c.decodeIfPresent(String.self, forKey: .gap), active: try c.decode(Bool.self, forKey: .active),
                  shown: try c.decode(Bool.self, forKey: .shown))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(quarter, forKey: .quarter)
        try c.encodeIfPresent(revenue, forKey: .revenue)
        try c.encodeIfPresent(gap, forKey: .gap)
        try c.encode(active, forKey: .active)
        try c.encode(shown, forKey: .shown)
    }
}

extension PhaseFunnel.Facts: Codable {
    private enum Keys: String, CodingKey { case id, reached, crawlDays, walkDays, isOpen, isHandshake, isCoMarketingOnly }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(id: try c.decode(String.self, forKey: .id), reached: try c.decode([Phase].self, forKey: .reached),
                  crawlDays: try c.decodeIfPresent(Int.self, forKey: .crawlDays), walkDays: try c.decodeIfPresent(Int.self, forKey: .walkDays),
                  isOpen: try c.decode(Bool.self, forKey: .isOpen), isHandshake: try c.decode(Bool.self, forKey: .isHandshake),
                  isCoMarketingOnly: try c.decode(Bool.self, forKey: .isCoMarketingOnly))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(reached, forKey: .reached)
        try c.encodeIfPresent(crawlDays, forKey: .crawlDays)
        try c.encodeIfPresent(walkDays, forKey: .walkDays)
        try c.encode(isOpen, forKey: .isOpen)
        try c.encode(isHandshake, forKey: .isHandshake)
        try c.encode(isCoMarketingOnly, forKey: .isCoMarketingOnly)
    }
}

extension PartnerListing {
    /// The listing as one line of JSON and its fragments (the card, the row,
    /// the card's fields), kept outside the JSON so a reused listing shares
    /// one string per fragment with the store.
    package var encoded: (json: String, fragments: [String])? {
        guard let json = try? JSONEncoder().encode(self) else { return nil }
        return (String(decoding: json, as: UTF8.self), fragments)
    }

    /// A listing read back from `encoded`, its quarters in the program's year; nil when it is not one this build writes.
    package init?(json: String, fragments: [String], calendar: FiscalCalendar) {
        let decoder = JSONDecoder()
        decoder.userInfo[.fiscalCalendar] = calendar
        guard var listing = try? decoder.decode(PartnerListing.self, from: Data(json.utf8)),
              listing.restore(fragments: fragments) else { return nil }
        self = listing
    }
}
