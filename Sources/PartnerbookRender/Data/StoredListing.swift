import Foundation
import PartnerbookModel
import PartnerbookRules

// How the build's store keeps a `PartnerListing` between builds: one line of
// text, every value in a fixed order, each text led by its length in bytes.
//
// It was JSON (`JSONDecoder`), and decoding 9,999 listings was the largest
// part of rebuilding one partner at 10,000 partners (about 40 µs each, 15% of
// that build's CPU). Read here with a cursor over the bytes, a listing costs
// about 3 µs. JSON stays what the data files publish (`partners.json`);
// this form is the store's own, and a store of another form is not read
// (`BuildCache.format`). It keeps every field the program pages read: the
// JSON left out a quarter's figures recorded ahead of a planned review, so a
// reused partner's were lost from the program summary.
//
// Values: a text is `LENGTH:BYTES`, a whole number or a decimal is its digits
// and `;`, a flag is `1` or `0`, a missing value is `~`, a list is its count
// (a whole number) and its items. The line starts with the form's name.

extension PartnerListing {
    static let storedForm = "listing-1;"

    /// The listing as the store keeps it and its fragments (the card, the
    /// row, the card's fields), kept apart so a reused listing shares one
    /// string per fragment with the store.
    package var encoded: (text: String, fragments: [String])? {
        var out = StoredListingWriter()
        out.bytes += PartnerListing.storedForm.utf8
        out.write(self)
        return (String(decoding: out.bytes, as: UTF8.self), fragments)
    }

    /// A listing read back from `encoded`, its quarters in the program's
    /// year; nil when the text is not one this build writes.
    package init?(stored text: String, fragments: [String], calendar: FiscalCalendar) {
        var text = text
        let listing = text.withUTF8 { bytes -> PartnerListing? in
            var reader = StoredListingReader(bytes: bytes, calendar: calendar)
            guard reader.expect(PartnerListing.storedForm), let listing = try? reader.listing(), reader.atEnd else { return nil }
            return listing
        }
        guard var listing, listing.restore(fragments: fragments) else { return nil }
        self = listing
    }
}

/// Writes a listing's values in the stored order (`StoredListingReader` reads them back in the same).
struct StoredListingWriter {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    mutating func text(_ value: String) {
        bytes += String(value.utf8.count).utf8
        bytes.append(UInt8(ascii: ":"))
        bytes += value.utf8
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { missing() }
    }

    mutating func whole(_ value: Int) {
        bytes += String(value).utf8
        bytes.append(UInt8(ascii: ";"))
    }

    mutating func whole(_ value: Int?) {
        if let value { whole(value) } else { missing() }
    }

    /// A decimal as Swift writes it: the shortest text that reads back as the same number.
    mutating func decimal(_ value: Double?) {
        guard let value else { return missing() }
        bytes += value.description.utf8
        bytes.append(UInt8(ascii: ";"))
    }

    mutating func flag(_ value: Bool) {
        bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    mutating func missing() {
        bytes.append(UInt8(ascii: "~"))
    }

    mutating func write(_ listing: PartnerListing) {
        let subject = listing.subject
        text(subject.id); text(subject.file); text(subject.name)
        text(subject.tier?.rawValue); text(subject.status?.rawValue); text(subject.endedOn?.description)

        let outcome = listing.outcome
        text(outcome.name); text(outcome.begun?.description); text(outcome.ended?.description); flag(outcome.countsRevenue)
        whole(outcome.quarters.count)
        for quarter in outcome.quarters {
            text(quarter.quarter.description); decimal(quarter.revenue); text(quarter.gap)
            flag(quarter.active); flag(quarter.shown); flag(quarter.ahead)
            whole(quarter.planned.count)
            for day in quarter.planned { text(day.description) }
        }

        let funnel = listing.funnel
        text(funnel.id)
        whole(funnel.reached.count)
        for phase in funnel.reached { text(phase.rawValue) }
        whole(funnel.crawlDays); whole(funnel.walkDays)
        flag(funnel.isOpen); flag(funnel.isHandshake); flag(funnel.isCoMarketingOnly)

        let row = listing.row
        text(row.name); text(row.link); text(row.tier); text(row.status); whole(row.health); text(row.band)
        text(row.crawl); text(row.walk); text(row.leverage); text(row.verdict); flag(row.handshake)

        let record = listing.record
        text(record.id); text(record.name); text(record.tier); text(record.status); whole(record.health); text(record.band)
        flag(record.signed); text(record.nextReview)
        if let alert = record.topAlert {
            flag(true); text(alert.severity); text(alert.rule); text(alert.message)
        } else {
            flag(false)
        }
        text(record.page)

        whole(listing.events.count)
        for event in listing.events {
            text(event.uid); text(event.day.description); text(event.summary); text(event.description); text(event.link)
        }
    }
}

/// Reads what `StoredListingWriter` wrote, in its order; any value not as
/// written throws, and the listing is then not reused.
struct StoredListingReader {
    struct NotAListing: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    let calendar: FiscalCalendar
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, calendar: FiscalCalendar) {
        self.bytes = bytes
        self.calendar = calendar
    }

    var atEnd: Bool { index == bytes.count }

    mutating func expect(_ prefix: String) -> Bool {
        let count = prefix.utf8.count
        guard bytes.count - index >= count, bytes[index..<index + count].elementsEqual(prefix.utf8) else { return false }
        index += count
        return true
    }

    /// A run of digits (a minus sign first when `signed`) and the byte after it.
    private mutating func digits(signed: Bool, ending: UInt8) throws -> Int {
        var negative = false
        if signed, index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, over) = times.addingReportingOverflow(Int(bytes[index] - 48))
            guard !overflow, !over else { throw NotAListing() }
            value = sum
            index += 1
        }
        guard index > start, index < bytes.count, bytes[index] == ending else { throw NotAListing() }
        index += 1
        return negative ? -value : value
    }

    /// Whether the next value is missing (`~`), which is then passed.
    private mutating func isMissing() -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "~") else { return false }
        index += 1
        return true
    }

    mutating func text() throws -> String {
        let count = try digits(signed: false, ending: UInt8(ascii: ":"))
        guard count <= bytes.count - index else { throw NotAListing() }
        defer { index += count }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + count]), as: UTF8.self)
    }

    mutating func optionalText() throws -> String? {
        isMissing() ? nil : try text()
    }

    mutating func whole() throws -> Int {
        try digits(signed: true, ending: UInt8(ascii: ";"))
    }

    mutating func optionalWhole() throws -> Int? {
        isMissing() ? nil : try whole()
    }

    mutating func decimal() throws -> Double? {
        if isMissing() { return nil }
        guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ";")),
              let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)) else {
            throw NotAListing()
        }
        index = end + 1
        return value
    }

    mutating func flag() throws -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "1") || bytes[index] == UInt8(ascii: "0") else { throw NotAListing() }
        defer { index += 1 }
        return bytes[index] == UInt8(ascii: "1")
    }

    /// A list's count: never more items than bytes left.
    private mutating func count() throws -> Int {
        let count = try whole()
        guard count >= 0, count <= bytes.count - index else { throw NotAListing() }
        return count
    }

    /// A value read from its text by `make`; nil text stays nil, a text `make` refuses throws.
    private mutating func parsed<T>(_ make: (String) -> T?) throws -> T? {
        guard let text = try optionalText() else { return nil }
        guard let value = make(text) else { throw NotAListing() }
        return value
    }

    private mutating func required<T>(_ make: (String) -> T?) throws -> T {
        guard let value = try parsed(make) else { throw NotAListing() }
        return value
    }

    mutating func listing() throws -> PartnerListing {
        let subject = AlertRanking.Subject(id: try text(), file: try text(), name: try text(), tier: try parsed(Tier.init(rawValue:)),
                                           status: try parsed(Status.init(rawValue:)), endedOn: try parsed(Day.init))

        let name = try text(), begun = try parsed(Day.init), ended = try parsed(Day.init), countsRevenue = try flag()
        var quarters: [ProgramOutcomes.Facts.QuarterFacts] = []
        for _ in 0..<(try count()) {
            let calendar = self.calendar
            let quarter = try required { Quarter($0, calendar: calendar) }
            let revenue = try decimal(), gap = try optionalText(), active = try flag(), shown = try flag(), ahead = try flag()
            var planned: [Day] = []
            for _ in 0..<(try count()) { planned.append(try required(Day.init)) }
            quarters.append(.init(quarter: quarter, revenue: revenue, gap: gap, active: active, shown: shown, ahead: ahead, planned: planned))
        }
        let outcome = ProgramOutcomes.Facts(name: name, begun: begun, ended: ended, countsRevenue: countsRevenue, quarters: quarters)

        let funnelID = try text()
        var reached: [Phase] = []
        for _ in 0..<(try count()) { reached.append(try required(Phase.init(rawValue:))) }
        let funnel = PhaseFunnel.Facts(id: funnelID, reached: reached, crawlDays: try optionalWhole(), walkDays: try optionalWhole(),
                                       isOpen: try flag(), isHandshake: try flag(), isCoMarketingOnly: try flag())

        let row = ProgramScorecardView.PartnerRow(name: try text(), link: try text(), tier: try text(), status: try text(), health: try whole(),
                                                  band: try text(), crawl: try text(), walk: try text(), leverage: try text(),
                                                  verdict: try text(), handshake: try flag())

        let recordID = try text(), recordName = try text(), tier = try optionalText(), status = try optionalText()
        let health = try whole(), band = try text(), signed = try flag(), nextReview = try optionalText()
        let topAlert = try flag() ? DirectoryData.Alert(severity: try text(), rule: try text(), message: try text()) : nil
        let record = DirectoryData.Record(id: recordID, name: recordName, tier: tier, status: status, health: health, band: band,
                                          signed: signed, nextReview: nextReview, topAlert: topAlert, page: try text())

        var events: [ReviewCalendar.Event] = []
        for _ in 0..<(try count()) {
            events.append(ReviewCalendar.Event(uid: try text(), day: try required(Day.init), summary: try text(), description: try text(),
                                               link: try text()))
        }
        return PartnerListing(subject: subject, outcome: outcome, funnel: funnel, row: row, record: record, events: events)
    }
}

extension Quarter {
    /// A quarter as the partner file writes it, in the program's year (`FY2027-Q1` names other months in another program).
    init?(_ text: String, calendar: FiscalCalendar) { self.init(text, startMonth: calendar.startMonth) }
}
