import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// `program/reviews.ics`: an RFC 5545 calendar a team can subscribe to, with
/// every upcoming review (the last review's `next_review`) and every phase
/// end that needs a go/no-go decision (crawl or walk ending while its
/// decision is not yet recorded). All-day events; UIDs built from the
/// partner ID and what the event is, so they stay the same from build to
/// build; DTSTAMP is the as-of date, never the clock.
package struct ReviewCalendar {
    struct Event: Sendable {
        var uid: String
        var day: Day
        var summary: String
        var description: String
        var link: String
    }

    var name: String
    var events: [Event]
    var asOf: Day
    /// `site.internal_url` with a trailing slash, or empty (links are then relative paths in the description).
    var baseURL: String
    var host: String

    init(program: Program, listings: [PartnerListing], asOf: Day) {
        name = (program.name?.value ?? "Partner program") + ": reviews and go/no-go decisions"
        self.asOf = asOf
        baseURL = ReviewCalendar.baseURL(of: program)
        host = BaseURL.host(of: baseURL) ?? "partnerbook.invalid"
        events = listings.indices.flatMap { listings[$0].events }.sorted { ($0.day, $0.uid) < ($1.day, $1.uid) }
    }

    /// `site.internal_url` with a trailing slash, or empty: the calendar
    /// links to internal pages, which the public host (`base_url`) does not serve.
    static func baseURL(of program: Program) -> String {
        var base = program.site.internalURL?.trimmingCharacters(in: .whitespaces) ?? ""
        if !base.isEmpty && !base.hasSuffix("/") { base += "/" }
        return base
    }

    /// A partner's events: its upcoming review, and the end of its current
    /// phase while the go/no-go decision is not recorded. None once it ended.
    static func events(_ context: DocumentContext) -> [Event] {
        let p = context.partner, name = context.partnerName, asOf = context.asOf
        let host = BaseURL.host(of: baseURL(of: context.program)) ?? "partnerbook.invalid"
        guard let status = p.status?.value, status != .ended else { return [] }
        var events: [Event] = []
        if let upcoming = QBRPlan.upcoming(for: p, asOf: asOf), let next = upcoming.date {
            let period = upcoming.period
            let kind = period.isMonth ? "Monthly review" : "Quarterly business review"
            events.append(Event(uid: "review-\(p.id)-\(period)@\(host)", day: next,
                                summary: "\(period.isMonth ? "Monthly review" : "QBR") \(period): \(name)",
                                description: "\(kind) of \(Format.period(period)) with \(name) (\(p.tier?.value.title ?? "tier not set"), \(status.rawValue)). The packet is prepared from the partner file"
                                    + (next < asOf ? "; this review is overdue." : "."),
                                link: OutputPaths.partner(p.id, upcoming.path + ".html")))
        }
        let decisions: [(Phase, GateDecision?)] = [(.crawl, p.phases?.crawl?.decision?.value), (.walk, p.phases?.walk?.decision?.value)]
        for (phase, decision) in decisions where phase.rawValue == status.rawValue && decision != .go && decision != .noGo {
            guard let end = p.charter?.timeline?[phase]?.end?.value else { continue }
            let overdue = end < asOf
            events.append(Event(uid: "gate-\(p.id)-\(phase.rawValue)@\(host)", day: end,
                                summary: (overdue ? "Overdue go/no-go: " : "Go/no-go: ") + "\(phase.rawValue) gate, \(name)",
                                description: overdue
                                    ? "The \(phase.rawValue) phase with \(name) was planned to end on \(end) and no go/no-go is recorded as of \(asOf): the decision is overdue."
                                    : "The \(phase.rawValue) phase with \(name) ends: decide go or no-go on its numbers.",
                                link: OutputPaths.scorecard(p.id, "html")))
        }
        return events
    }

    /// The calendar, each line folded and ended by CRLF, as pieces of about
    /// 256 KB (`TextPieces`): it is 48 MB at 100,000 partners, and every
    /// line of it kept in an array, then folded into a second, then joined
    /// held it some four times over.
    func icsTexts() -> [String] {
        var out = TextPieces()
        func line(_ text: String) { out.append(ReviewCalendar.fold(text) + "\r\n") }
        for header in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partnerbook//Partner reviews//EN", "CALSCALE:GREGORIAN",
                       "METHOD:PUBLISH", "X-WR-CALNAME:" + ReviewCalendar.text(name)] {
            line(header)
        }
        let stamp = ReviewCalendar.compact(asOf) + "T000000Z"
        for event in events {
            for text in ["BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp,
                         "DTSTART;VALUE=DATE:" + ReviewCalendar.compact(event.day),
                         "DTEND;VALUE=DATE:" + ReviewCalendar.compact(event.day.adding(days: 1)),
                         "SUMMARY:" + ReviewCalendar.text(event.summary),
                         "DESCRIPTION:" + ReviewCalendar.text(event.description + " " + baseURL + event.link)] {
                line(text)
            }
            // `check` refuses a base_url that could break a line; what reaches here is checked again.
            if !baseURL.isEmpty, BaseURL.parse(baseURL + event.link) != nil { line("URL:" + baseURL + event.link) }
            line("TRANSP:TRANSPARENT")
            line("END:VEVENT")
        }
        line("END:VCALENDAR")
        return out.finished()
    }

    /// 2027-01-14 as 20270114.
    static func compact(_ day: Day) -> String {
        String(decoding: day.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    /// TEXT escaping (RFC 5545 section 3.3.11). Done on bytes: the characters
    /// escaped are all ASCII, and the calendar of 10,000 partners has some
    /// 20,000 descriptions, most with a comma.
    package static func text(_ value: String) -> String {
        // Most values need nothing escaped: a scan of their bytes says so.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }) {
            return value
        }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case UInt8(ascii: "\n"):
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): continue
            case ..<0x20: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lines longer than 75 octets are folded: CRLF and a space, never inside
    /// a UTF-8 sequence (a fold goes before a sequence's first byte when the
    /// whole sequence would not fit).
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + line.utf8.count / 25)
        var count = 0
        for byte in line.utf8 {
            // A continuation byte (10xxxxxx) was counted with its sequence's first byte.
            if byte & 0xC0 != 0x80 {
                let size = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                if count + size > 75 {
                    out.append(contentsOf: "\r\n ".utf8)
                    count = 1
                }
                count += size
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
