import Foundation
import PartnerbookModel
import PartnerbookSupport

/// The canonical form of what a signature covers, and its fingerprint.
///
/// What is signed: the company (with its legal entity, address and binding
/// statement when program.yaml gives them), the partner's name and legal
/// entity, the tier, the contacts, the commitments and the whole charter
/// (with its effective date, term, agreement and added sections when written). Reviews, phases, co-marketing and
/// signatures are not. The canonical form is JSON written one way only:
///
/// - objects with keys sorted by Unicode code point, no white space;
/// - text trimmed of leading and trailing white space, escaped with `\"`,
///   `\\` and `\u00XX` for control characters, nothing else escaped;
/// - numbers as the shortest decimal that reads back the same (400000 and
///   400_000 and 4e5 are all `400000`);
/// - tiers by name (`3` is `strategic`), enums by their word, dates
///   `YYYY-MM-DD`; metric `direction` and `weight` and the review cadence with
///   their defaults filled in;
/// - absent values left out; lists kept in their order;
/// - a `format` key naming this version of the form.
///
/// So reformatting YAML (block or flow, key order, quoting, comments,
/// indentation) keeps the fingerprint; changing any signed value changes it.
public enum CanonicalForm {
    public static let version = "partnerbook-charter-v1"

    /// A JSON value in canonical order.
    indirect enum Value {
        case string(String)
        case number(Double)
        case array([Value])
        case object([(String, Value)])

        public func write(into out: inout String) {
            var bytes: [UInt8] = []
            write(into: &bytes)
            out += String(decoding: bytes, as: UTF8.self)
        }

        /// The canonical JSON, as UTF-8 bytes (fingerprints hash these directly).
        public func write(into out: inout [UInt8]) {
            switch self {
            case .string(let text):
                out.append(UInt8(ascii: "\""))
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
                out.append(UInt8(ascii: "\""))
            case .number(let number):
                if number == number.rounded(), abs(number) < 1e15 {
                    out += Array(String(Int64(number)).utf8)
                } else {
                    out += Array("\(number)".utf8)
                }
            case .array(let items):
                out.append(UInt8(ascii: "["))
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(into: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .object(let members):
                out.append(UInt8(ascii: "{"))
                let sorted = members.sorted { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
                for (index, (key, value)) in sorted.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    Value.string(key).write(into: &out)
                    out.append(UInt8(ascii: ":"))
                    value.write(into: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    /// The canonical JSON text of what `partner`'s signatures cover.
    public static func text(of partner: Partner, us: OurSide) -> String {
        String(decoding: bytes(of: partner, us: us), as: UTF8.self)
    }

    /// The canonical JSON as UTF-8 bytes.
    static func bytes(of partner: Partner, us: OurSide) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        document(partner, us: us).write(into: &out)
        return out
    }

    static func document(_ partner: Partner, us: OurSide) -> Value {
        var members: [(String, Value)] = [("format", .string(version))]
        members.add("company", text(us.company))
        // A legal block enters the signed text only with something in it: an
        // empty `legal:` (or one of blanks) changes no word of the charter.
        var companyLegal: [(String, Value)] = []
        companyLegal.add("entity", written(us.entity))
        companyLegal.add("address", written(us.address))
        companyLegal.add("statement", written(us.statement))
        if !companyLegal.isEmpty { members.append(("company_legal", .object(companyLegal))) }
        members.add("partner", text(partner.name?.value))
        var partnerLegal: [(String, Value)] = []
        partnerLegal.add("entity", written(partner.legal?.entity?.value))
        partnerLegal.add("address", written(partner.legal?.address?.value))
        if !partnerLegal.isEmpty { members.append(("legal", .object(partnerLegal))) }
        members.add("tier", partner.tier.map { .string($0.value.rawValue) })
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
            members.append(("charter", self.charter(charter)))
        }
        return .object(members)
    }

    private static func charter(_ charter: Charter) -> Value {
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
            v.add("balance", text(exchange.balance?.value))
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
                    var fields: [(String, Value)] = [("direction", .string(metric.direction.rawValue)),
                                                     ("weight", .number(metric.weight))]
                    fields.add("id", text(metric.id?.value))
                    fields.add("name", text(metric.name?.value))
                    fields.add("unit", text(metric.unit?.value))
                    fields.add("target", metric.target.map { .number($0.value) })
                    fields.add("due", metric.due.map { .string($0.value.description) })
                    fields.add("baseline", metric.baseline.map { .number($0.value) })
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

    /// A legal field's text, or nil when it holds only white space (nothing is written).
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
