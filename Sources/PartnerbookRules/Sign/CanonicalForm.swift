import Foundation
import PartnerbookModel
import PartnerbookSupport

/// The canonical form of what a signature covers, and its fingerprint.
///
/// The canonical form is JSON written one way only:
///
/// - objects with keys sorted by Unicode code point, no white space;
/// - text trimmed of leading and trailing white space, escaped with `\"`,
///   `\\` and `\u00XX` for control characters, nothing else escaped;
/// - tiers by name (`3` is `strategic`), enums by their word, dates
///   `YYYY-MM-DD`; metric `direction` and the review cadence with their
///   defaults filled in;
/// - absent values left out; lists kept in their order;
/// - a `format` key naming the form.
///
/// So reformatting YAML (block or flow, key order, quoting, comments,
/// indentation) keeps the fingerprint; changing any signed value changes it.
///
/// Two forms exist (docs/signing.md):
///
/// - **Form 2** (`partnerbook-charter-v2`), what every signature made now
///   covers: every value the charter prints. The partner's id, name, legal
///   entity, tier, contacts, signatories, commitments and the charter (with
///   each metric's period); program.yaml's company, legal frame (with
///   governing law, courts, notices and termination), the statement as
///   printed (the default one when program.yaml gives none) and the
///   go/no-go thresholds; and `template`, the SHA-256 of the charter
///   template, so the wording around the values is signed too. Not what is
///   ours and not printed: `weight` (our scoring), the summary and the
///   value exchange's `balance` (our reasoning, printed in the brief). Numbers: whole numbers as their exact digits (the loader refuses
///   any beyond 2^53), others as the shortest decimal that reads back the same.
/// - **Form 1** (`partnerbook-charter-v1`), what a signature entry without
///   `canonical:` was made over, kept byte for byte so those signatures still
///   check: as form 2 without id, template, signatories, thresholds, metric
///   periods, the legal terms and the default statement, with `weight` and
///   `balance`, and numbers from 10^15 up
///   written as Swift prints a Double.
public enum CanonicalForm {
    public static let version = "partnerbook-charter-v1"
    public static let version2 = "partnerbook-charter-v2"

    /// A JSON value in canonical order. Not `indirect`: lists and objects
    /// hold their children in arrays already, so no value needs a box.
    enum Value {
        case string(String)
        /// A number as form 1 writes it.
        case number(Double)
        /// A number as form 2 writes it: a whole number as its exact digits.
        case exactNumber(Double)
        case array([Value])
        case object([(String, Value)])

        public func write(into out: inout String) {
            var bytes: [UInt8] = []
            write(into: &bytes)
            out += String(decoding: bytes, as: UTF8.self)
        }

        /// `text` as a JSON string: quoted, `"` and `\\` escaped, control characters as `\\u00XX`.
        static func write(_ text: String, into out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            // Most text needs no escape: its bytes go in at once, scanned and copied as one buffer.
            let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
                out += bytes
                return true
            } ?? false
            if !plain {
                for byte in text.utf8 {
                    switch byte {
                    case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                    case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                    case 0..<0x20:
                        let hex = Array(String(byte, radix: 16).utf8)
                        out += Array("\\u00".utf8) + (hex.count == 1 ? [UInt8(ascii: "0")] : []) + hex
                    default:
                        out.append(byte)
                    }
                }
            }
            out.append(UInt8(ascii: "\""))
        }

        /// Whether `a` sorts before `b` by Unicode code point: their UTF-8 bytes compared unsigned.
        static func precedes(_ a: String, _ b: String) -> Bool {
            var (a, b) = (a, b)
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    let common = Swift.min(x.count, y.count)
                    let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                    return order != 0 ? order < 0 : x.count < y.count
                }
            }
        }

        /// The canonical JSON, as UTF-8 bytes, written plainly (every object
        /// sorted as it is written): the reference `CanonicalBytes` is held to
        /// (`CanonicalSinkTests`), and how the redline writes a number. No
        /// fingerprint is made this way.
        public func write(into out: inout [UInt8]) {
            switch self {
            case .string(let text):
                Value.write(text, into: &out)
            case .number(let number):
                CanonicalForm.write(number, exact: false, into: &out)
            case .exactNumber(let number):
                CanonicalForm.write(number, exact: true, into: &out)
            case .array(let items):
                out.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(into: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .object(let members):
                out.append(UInt8(ascii: "{"))
                for (index, (key, value)) in members.sorted(by: { Value.precedes($0.0, $1.0) }).enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    Value.write(key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    value.write(into: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    /// 2^53: the largest whole number a Double holds exactly, with all below it.
    /// The loader refuses a number beyond it, so no signed number is rounded.
    public static let largestExactInteger: Double = 9_007_199_254_740_992

    /// A number as form 1 writes it (whole numbers below 10^15 as digits,
    /// others as Swift prints a Double) or as form 2 does (`exact`: every
    /// whole number up to 2^53 as its digits).
    static func write(_ number: Double, exact: Bool, into out: inout [UInt8]) {
        let whole = exact ? number == number.rounded(.towardZero) && abs(number) <= largestExactInteger
                          : number == number.rounded() && abs(number) < 1e15
        if whole {
            out += String(Int64(number)).utf8
        } else {
            out += Array("\(number)".utf8)
        }
    }

    /// The canonical JSON text of what `partner`'s signatures cover.
    public static func text(of partner: Partner, frame: CharterFrame, form: CanonicalVersion = .two) -> String {
        String(decoding: bytes(of: partner, frame: frame, form: form), as: UTF8.self)
    }

    /// The canonical JSON as UTF-8 bytes, written as the partner is walked.
    static func bytes(of partner: Partner, frame: CharterFrame, form: CanonicalVersion) -> [UInt8] {
        var sink = CanonicalBytes()
        walk(partner, frame: frame, form: form, into: &sink)
        return sink.bytes
    }

    /// The canonical form as a value tree (the redline compares two, leaf by leaf).
    static func document(_ partner: Partner, frame: CharterFrame, form: CanonicalVersion) -> Value {
        var sink = CanonicalTree()
        walk(partner, frame: frame, form: form, into: &sink)
        return sink.value ?? .object([])
    }

    /// Walks what `partner`'s signatures cover in `form`, member by member,
    /// into `sink`: the one definition of both forms. Members are walked in
    /// key order, so the byte writer finds them in order and moves nothing;
    /// one out of order (the legal terms, written as program.yaml lists
    /// them) is put in its place all the same.
    static func walk<Sink: CanonicalSink>(_ partner: Partner, frame: CharterFrame, form: CanonicalVersion, into sink: inout Sink) {
        let two = form == .two
        sink.openObject()
        if let charter = partner.charter {
            sink.key("charter")
            self.charter(charter, form: form, into: &sink)
        }
        if let commitments = partner.commitments {
            sink.key("commitments")
            sink.openObject()
            pair("if_it_fails", commitments.ifItFails, into: &sink)
            sink.member("partner", list: commitments.partner)
            sink.member("us", list: commitments.us)
            sink.closeObject()
        }
        sink.member("company", text: frame.company)
        // A legal block enters form 1 only with something in it: an empty
        // `legal:` (or one of blanks) changes no word of the charter. Form 2
        // always holds the statement, as printed.
        sink.key("company_legal")
        sink.openObject()
        sink.member("address", written: frame.address)
        sink.member("entity", written: frame.entity)
        if two {
            sink.member("statement", text: frame.printedStatement(namesAgreement: partner.namesAgreement))
            for (key, value) in frame.terms.all { sink.member(key, written: value) }
        } else {
            sink.member("statement", written: frame.statement)
        }
        sink.closeObject(dropIfEmpty: true)
        if let contacts = partner.contacts {
            sink.key("contacts")
            sink.openObject()
            contact("partner", contacts.partner, into: &sink)
            pair("sponsors", contacts.sponsors, into: &sink)
            contact("us", contacts.us, into: &sink)
            sink.closeObject()
        }
        sink.member("format", string: two ? version2 : version)
        if two {
            sink.key("gates")
            sink.openObject()
            sink.member("crawl_min_improvement", number: frame.crawlMinImprovement, exact: true)
            sink.member("walk_min_adoption", number: frame.walkMinAdoption, exact: true)
            sink.closeObject()
            sink.member("id", string: partner.id)
        }
        sink.key("legal")
        sink.openObject()
        sink.member("address", written: partner.legal?.address?.value)
        sink.member("entity", written: partner.legal?.entity?.value)
        sink.closeObject(dropIfEmpty: true)
        sink.member("partner", text: partner.name?.value)
        if two, let signatories = partner.signatories {
            sink.key("signatories")
            sink.openObject()
            contact("partner", signatories.partner, into: &sink)
            contact("us", signatories.us, into: &sink)
            sink.closeObject()
        }
        if two { sink.member("template", string: frame.template) }
        if let tier = partner.tier { sink.member("tier", string: tier.value.rawValue) }
        sink.closeObject()
    }

    /// The phases by name: the timeline's key order.
    private static let phasesByName = Phase.allCases.sorted { $0.rawValue < $1.rawValue }

    private static func charter<Sink: CanonicalSink>(_ charter: Charter, form: CanonicalVersion, into sink: inout Sink) {
        let two = form == .two
        sink.openObject()
        // The legal frame: each key only when written, so a charter without it signs as before.
        sink.member("agreement", text: charter.agreement?.value)
        if let effective = charter.effective { sink.member("effective", string: effective.value.description) }
        if let goals = charter.goals {
            sink.key("goals")
            sink.openObject()
            sink.member("customers", text: goals.customers?.value)
            sink.member("partner", text: goals.partner?.value)
            sink.member("us", text: goals.us?.value)
            sink.closeObject()
        }
        if let governance = charter.governance {
            sink.key("governance")
            sink.openObject()
            if let escalation = governance.escalation { sink.member("escalation", list: escalation.value) }
            if let exitCriteria = governance.exitCriteria { sink.member("exit_criteria", list: exitCriteria.value) }
            pair("owners", governance.owners, into: &sink)
            sink.closeObject()
        }
        if let measurement = charter.measurement {
            sink.key("measurement")
            sink.openObject()
            if let metrics = measurement.metrics {
                sink.key("metrics")
                sink.openArray()
                for metric in metrics.value {
                    sink.openObject()
                    if let baseline = metric.baseline { sink.member("baseline", number: baseline.value, exact: two) }
                    sink.member("direction", string: metric.direction.rawValue)
                    if let due = metric.due { sink.member("due", string: due.value.description) }
                    sink.member("id", text: metric.id?.value)
                    sink.member("name", text: metric.name?.value)
                    // What one reading covers: the charter prints a flow metric's target "per quarter".
                    if two, let period = metric.period { sink.member("period", string: period.value.rawValue) }
                    if let target = metric.target { sink.member("target", number: target.value, exact: two) }
                    sink.member("unit", text: metric.unit?.value)
                    // Form 1 signed our scoring weight; form 2 signs only what the charter prints.
                    if !two { sink.member("weight", number: metric.weight, exact: false) }
                    sink.closeObject()
                }
                sink.closeArray()
            }
            sink.member("review_cadence", string: measurement.cadence.rawValue)
            sink.member("tracking", text: measurement.tracking?.value)
            sink.closeObject()
        }
        if !charter.sections.isEmpty {
            sink.key("sections")
            sink.openArray()
            for section in charter.sections {
                sink.openObject()
                sink.member("text", text: section.text?.value)
                sink.member("title", text: section.title?.value)
                sink.closeObject()
            }
            sink.closeArray()
        }
        sink.member("term", text: charter.term?.value)
        if let timeline = charter.timeline {
            sink.key("timeline")
            sink.openObject()
            for phase in phasesByName {
                guard let plan = timeline[phase] else { continue }
                sink.key(phase.rawValue)
                sink.openObject()
                sink.member("deliverables", list: plan.deliverables)
                if let end = plan.end { sink.member("end", string: end.value.description) }
                sink.member("metric", text: plan.metric?.value)
                sink.member("scope", text: plan.scope?.value)
                if let start = plan.start { sink.member("start", string: start.value.description) }
                sink.closeObject()
            }
            sink.closeObject()
        }
        if let exchange = charter.valueExchange {
            sink.key("value_exchange")
            sink.openObject()
            // Our answer to "would both sides still do this if the other walked?" is ours: form 2 leaves it out with the charter.
            if !two { sink.member("balance", text: exchange.balance?.value) }
            if let partnerGives = exchange.partnerGives { sink.member("partner_gives", list: partnerGives.value) }
            if let weGive = exchange.weGive { sink.member("we_give", list: weGive.value) }
            sink.closeObject()
        }
        sink.closeObject()
    }

    /// A person (email, name, title), when given.
    private static func contact<Sink: CanonicalSink>(_ key: String, _ contact: Contact?, into sink: inout Sink) {
        guard let contact else { return }
        sink.key(key)
        sink.openObject()
        sink.member("email", text: contact.email?.value)
        sink.member("name", text: contact.name?.value)
        sink.member("title", text: contact.title?.value)
        sink.closeObject()
    }

    /// One text for the partner and one for us, when given.
    private static func pair<Sink: CanonicalSink>(_ key: String, _ pair: PartyPair<Located<String>>?, into sink: inout Sink) {
        guard let pair else { return }
        sink.key(key)
        sink.openObject()
        sink.member("partner", text: pair.partner?.value)
        sink.member("us", text: pair.us?.value)
        sink.closeObject()
    }
}
