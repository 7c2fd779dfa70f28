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

        /// The canonical JSON, as UTF-8 bytes (fingerprints hash these directly).
        public func write(into out: inout [UInt8]) {
            switch self {
            case .string(let text):
                Value.write(text, into: &out)
            case .number(let number):
                if number == number.rounded(), abs(number) < 1e15 {
                    out += String(Int64(number)).utf8
                } else {
                    out += Array("\(number)".utf8)
                }
            case .exactNumber(let number):
                if number == number.rounded(.towardZero), abs(number) <= CanonicalForm.largestExactInteger {
                    out += String(Int64(number)).utf8
                } else {
                    out += Array("\(number)".utf8)
                }
            case .array(let items):
                out.append(UInt8(ascii: "["))
                items.withUnsafeBufferPointer { items in
                    for index in items.indices {
                        if index > 0 { out.append(UInt8(ascii: ",")) }
                        items[index].write(into: &out)
                    }
                }
                out.append(UInt8(ascii: "]"))
            case .object(let members):
                out.append(UInt8(ascii: "{"))
                members.withUnsafeBufferPointer { members in
                    // Positions put in order, not the members: no key or value is copied.
                    // An insertion sort: an object holds a handful of members.
                    var order = Array(members.indices)
                    for next in order.indices.dropFirst() {
                        var at = next
                        while at > 0, Value.precedes(members[order[next]].0, members[order[at - 1]].0) { at -= 1 }
                        if at < next { order.insert(order.remove(at: next), at: at) }
                    }
                    for (index, member) in order.enumerated() {
                        if index > 0 { out.append(UInt8(ascii: ",")) }
                        Value.write(members[member].0, into: &out)
                        out.append(UInt8(ascii: ":"))
                        members[member].1.write(into: &out)
                    }
                }
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    /// 2^53: the largest whole number a Double holds exactly, with all below it.
    /// The loader refuses a number beyond it, so no signed number is rounded.
    public static let largestExactInteger: Double = 9_007_199_254_740_992

    /// The canonical JSON text of what `partner`'s signatures cover.
    public static func text(of partner: Partner, frame: CharterFrame, form: CanonicalVersion = .two) -> String {
        String(decoding: bytes(of: partner, frame: frame, form: form), as: UTF8.self)
    }

    /// The canonical JSON as UTF-8 bytes.
    static func bytes(of partner: Partner, frame: CharterFrame, form: CanonicalVersion) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        document(partner, frame: frame, form: form).write(into: &out)
        return out
    }

    static func document(_ partner: Partner, frame: CharterFrame, form: CanonicalVersion) -> Value {
        let writer = Writer(form: form)
        let two = form == .two
        var members: [(String, Value)] = [("format", .string(two ? version2 : version))]
        if two {
            members.append(("id", .string(partner.id)))
            members.append(("template", .string(frame.template)))
        }
        members.add("company", text(frame.company))
        // A legal block enters form 1 only with something in it: an empty
        // `legal:` (or one of blanks) changes no word of the charter. Form 2
        // always holds the statement, as printed.
        var companyLegal: [(String, Value)] = []
        companyLegal.add("entity", written(frame.entity))
        companyLegal.add("address", written(frame.address))
        companyLegal.add("statement", two ? text(frame.printedStatement(namesAgreement: partner.namesAgreement)) : written(frame.statement))
        if two {
            for (key, value) in frame.terms.all { companyLegal.add(key, written(value)) }
        }
        if !companyLegal.isEmpty { members.append(("company_legal", .object(companyLegal))) }
        if two {
            members.append(("gates", .object([("crawl_min_improvement", writer.number(frame.crawlMinImprovement)),
                                              ("walk_min_adoption", writer.number(frame.walkMinAdoption))])))
        }
        members.add("partner", text(partner.name?.value))
        var partnerLegal: [(String, Value)] = []
        partnerLegal.add("entity", written(partner.legal?.entity?.value))
        partnerLegal.add("address", written(partner.legal?.address?.value))
        if !partnerLegal.isEmpty { members.append(("legal", .object(partnerLegal))) }
        members.add("tier", partner.tier.map { .string($0.value.rawValue) })
        if two {
            if let signatories = partner.signatories {
                var s: [(String, Value)] = []
                s.add("us", contact(signatories.us))
                s.add("partner", contact(signatories.partner))
                members.append(("signatories", .object(s)))
            }
        }
        if let contacts = partner.contacts {
            var c: [(String, Value)] = []
            c.add("us", contact(contacts.us))
            c.add("partner", contact(contacts.partner))
            c.add("sponsors", pair(contacts.sponsors))
            members.append(("contacts", .object(c)))
        }
        if let commitments = partner.commitments {
            var c: [(String, Value)] = [("us", list(commitments.us)), ("partner", list(commitments.partner))]
            c.add("if_it_fails", pair(commitments.ifItFails))
            members.append(("commitments", .object(c)))
        }
        if let charter = partner.charter {
            members.append(("charter", self.charter(charter, writer)))
        }
        return .object(members)
    }

    /// How numbers are written, and whether scoring weights are signed, in one form.
    private struct Writer {
        var form: CanonicalVersion

        func number(_ value: Double) -> Value {
            form == .one ? .number(value) : .exactNumber(value)
        }
    }

    private static func charter(_ charter: Charter, _ writer: Writer) -> Value {
        var members: [(String, Value)] = []
        if let goals = charter.goals {
            var g: [(String, Value)] = []
            g.add("us", text(goals.us?.value))
            g.add("partner", text(goals.partner?.value))
            g.add("customers", text(goals.customers?.value))
            members.append(("goals", .object(g)))
        }
        if let exchange = charter.valueExchange {
            var v: [(String, Value)] = []
            v.add("we_give", exchange.weGive.map { list($0.value) })
            v.add("partner_gives", exchange.partnerGives.map { list($0.value) })
            // Our answer to "would both sides still do this if the other walked?" is ours: form 2 leaves it out with the charter.
            if writer.form == .one { v.add("balance", text(exchange.balance?.value)) }
            members.append(("value_exchange", .object(v)))
        }
        if let timeline = charter.timeline {
            var t: [(String, Value)] = []
            for phase in Phase.allCases {
                guard let plan = timeline[phase] else { continue }
                var p: [(String, Value)] = [("deliverables", list(plan.deliverables))]
                p.add("start", plan.start.map { .string($0.value.description) })
                p.add("end", plan.end.map { .string($0.value.description) })
                p.add("scope", text(plan.scope?.value))
                p.add("metric", text(plan.metric?.value))
                t.append((phase.rawValue, .object(p)))
            }
            members.append(("timeline", .object(t)))
        }
        if let measurement = charter.measurement {
            var m: [(String, Value)] = [("review_cadence", .string(measurement.cadence.rawValue))]
            m.add("metrics", measurement.metrics.map { metrics in
                .array(metrics.value.map { metric in
                    var fields: [(String, Value)] = [("direction", .string(metric.direction.rawValue))]
                    // Form 1 signed our scoring weight; form 2 signs only what the charter prints.
                    if writer.form == .one { fields.append(("weight", .number(metric.weight))) }
                    fields.add("id", text(metric.id?.value))
                    fields.add("name", text(metric.name?.value))
                    fields.add("unit", text(metric.unit?.value))
                    fields.add("target", metric.target.map { writer.number($0.value) })
                    fields.add("due", metric.due.map { .string($0.value.description) })
                    fields.add("baseline", metric.baseline.map { writer.number($0.value) })
                    // What one reading covers: the charter prints a flow metric's target "per quarter".
                    if writer.form == .two { fields.add("period", metric.period.map { .string($0.value.rawValue) }) }
                    return .object(fields)
                })
            })
            m.add("tracking", text(measurement.tracking?.value))
            members.append(("measurement", .object(m)))
        }
        if let governance = charter.governance {
            var g: [(String, Value)] = []
            g.add("owners", pair(governance.owners))
            g.add("escalation", governance.escalation.map { list($0.value) })
            g.add("exit_criteria", governance.exitCriteria.map { list($0.value) })
            members.append(("governance", .object(g)))
        }
        // The legal frame: each key only when written, so a charter without it signs as before.
        members.add("effective", charter.effective.map { .string($0.value.description) })
        members.add("term", text(charter.term?.value))
        members.add("agreement", text(charter.agreement?.value))
        if !charter.sections.isEmpty {
            members.append(("sections", .array(charter.sections.map { section in
                var fields: [(String, Value)] = []
                fields.add("title", text(section.title?.value))
                fields.add("text", text(section.text?.value))
                return .object(fields)
            })))
        }
        return .object(members)
    }

    private static func text(_ value: String?) -> Value? {
        value.map { .string(Trim.whitespace($0)) }
    }

    /// A field's text, or nil when it holds only white space (nothing is written).
    private static func written(_ value: String?) -> Value? {
        guard let value, !Trim.whitespace(value).isEmpty else { return nil }
        return text(value)
    }

    private static func list(_ items: [Located<String>]) -> Value {
        .array(items.map { .string(Trim.whitespace($0.value)) })
    }

    private static func contact(_ contact: Contact?) -> Value? {
        guard let contact else { return nil }
        var c: [(String, Value)] = []
        c.add("name", text(contact.name?.value))
        c.add("title", text(contact.title?.value))
        c.add("email", text(contact.email?.value))
        return .object(c)
    }

    private static func pair(_ pair: PartyPair<Located<String>>?) -> Value? {
        guard let pair else { return nil }
        var p: [(String, Value)] = []
        p.add("us", text(pair.us?.value))
        p.add("partner", text(pair.partner?.value))
        return .object(p)
    }
}

private extension Array where Element == (String, CanonicalForm.Value) {
    mutating func add(_ key: String, _ value: CanonicalForm.Value?) {
        if let value { append((key, value)) }
    }
}
