import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// `program/partners.json` and `program/partners.csv`: the directory as data,
/// one record per partner, in ID order (docs/outcomes.md, "Data out").
package struct DirectoryData: Sendable {
    struct Alert: Encodable, Sendable {
        var severity: String
        package var rule: String
        var message: String
    }

    struct Record: Encodable, Sendable {
        package var id: String
        var name: String
        var tier: String?
        var status: String?
        var health: Int
        var band: String
        var signed: Bool
        var nextReview: String?
        var topAlert: Alert?
        var page: String

        enum CodingKeys: String, CodingKey {
            case id, name, tier, status, health, band, signed, page
            case nextReview = "next_review"
            case topAlert = "top_alert"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(tier, forKey: .tier)
            try c.encode(status, forKey: .status)
            try c.encode(health, forKey: .health)
            try c.encode(band, forKey: .band)
            try c.encode(signed, forKey: .signed)
            try c.encode(nextReview, forKey: .nextReview)
            try c.encode(topAlert, forKey: .topAlert)
            try c.encode(page, forKey: .page)
        }
    }

    struct Document: Encodable, Sendable {
        package var program: String
        var asOf: String
        package var partners: [Record]

        enum CodingKeys: String, CodingKey {
            case program, partners
            case asOf = "as_of"
        }
    }

    var document: Document

    init(document: Document) {
        self.document = document
    }

    init(program: Program, listings: [PartnerListing], asOf: Day) {
        document = Document(program: program.name?.value ?? "Partner program", asOf: asOf.description,
                            partners: listings.indices.map { listings[$0].record })
    }

    /// The document as `JSONText.encode` writes it (pretty, keys sorted),
    /// written here field by field: `JSONEncoder` took a fifth of a second
    /// at 10,000 partners, a tenth of a one-partner rebuild, and this takes
    /// a hundredth. `jsonEncoded()` is the reference a test holds it to.
    /// As pieces of about 256 KB (`TextPieces`): it is 40 MB at 100,000 partners.
    func jsonTexts() -> [String] {
        var out = TextPieces()
        func put(_ text: String) { out.bytes.append(utf8: text) }
        func field(_ indent: String, _ key: String, _ value: String?, last: Bool = false) {
            put(indent + "\"" + key + "\" : ")
            if let value { JSONText.quote(value, into: &out.bytes) } else { put("null") }
            put(last ? "\n" : ",\n")
        }
        put("{\n")
        field("  ", "as_of", document.asOf)
        put("  \"partners\" : [\n")
        if document.partners.isEmpty { put("\n") }
        for (index, record) in document.partners.enumerated() {
            let inner = "      "
            put("    {\n")
            field(inner, "band", record.band)
            put(inner + "\"health\" : \(record.health),\n")
            field(inner, "id", record.id)
            field(inner, "name", record.name)
            field(inner, "next_review", record.nextReview)
            field(inner, "page", record.page)
            put(inner + "\"signed\" : \(record.signed ? "true" : "false"),\n")
            field(inner, "status", record.status)
            field(inner, "tier", record.tier)
            if let alert = record.topAlert {
                put(inner + "\"top_alert\" : {\n")
                field(inner + "  ", "message", alert.message)
                field(inner + "  ", "rule", alert.rule)
                field(inner + "  ", "severity", alert.severity, last: true)
                put(inner + "}\n")
            } else {
                put(inner + "\"top_alert\" : null\n")
            }
            put(index == document.partners.count - 1 ? "    }\n" : "    },\n")
            out.cut()
        }
        put("  ],\n")
        field("  ", "program", document.program, last: true)
        put("}\n")
        return out.finished()
    }

    /// The document through `JSONEncoder` (what `jsonTexts()` joined must equal).
    func jsonEncoded() -> String {
        JSONText.encode(document)
    }

    static let csvColumns = ["id", "name", "tier", "status", "health", "band", "signed", "next_review",
                             "top_alert_severity", "top_alert_rule", "top_alert", "page"]

    /// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a
    /// comma, quote or line break. A field a spreadsheet would run as a
    /// formula (starting with =, +, -, @, tab or carriage return) gets a
    /// leading apostrophe: partner files are untrusted.
    /// As pieces of about 256 KB (`TextPieces`).
    func csvTexts() -> [String] {
        var out = TextPieces()
        out.append(DirectoryData.csvColumns.joined(separator: ",") + "\r\n")
        for r in document.partners {
            let fields: [String] = [r.id, r.name, r.tier ?? "", r.status ?? "", String(r.health), r.band, r.signed ? "true" : "false",
                                    r.nextReview ?? "", r.topAlert?.severity ?? "", r.topAlert?.rule ?? "", r.topAlert?.message ?? "", r.page]
            out.append(fields.map(DirectoryData.csvField).joined(separator: ",") + "\r\n")
        }
        return out.finished()
    }

    /// One field: a formula-looking start neutralised, and quoted when it
    /// holds a comma, a quote, CR or LF. Compared by scalar: in Swift, CR LF
    /// is one `Character` equal to neither "\r" nor "\n", and a field split
    /// by it unquoted would start new rows a spreadsheet runs as formulas.
    package static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}

extension DirectoryData.Record {
    /// A partner's record: its most urgent alert unless the partnership ended.
    init(_ context: DocumentContext) {
        let p = context.partner, a = context.assessment
        let top = p.status?.value == .ended ? nil : AlertRanking.ordered(context.diagnostics, partner: p).first
        self.init(id: p.id, name: context.partnerName, tier: p.tier?.value.rawValue, status: p.status?.value.rawValue,
                  health: a.health.total, band: a.health.band.rawValue, signed: a.signatures.isFullySigned,
                  nextReview: QBRPlan.upcoming(for: p, asOf: context.asOf)?.date?.description,
                  topAlert: top.map { DirectoryData.Alert(severity: $0.severity.rawValue, rule: $0.rule.id, message: $0.message) },
                  page: OutputPaths.partnerPage(p.id))
    }
}
