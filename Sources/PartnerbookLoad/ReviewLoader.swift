import PartnerbookModel
import PartnerbookSupport


/// Reads `reviews` and `signatures`, lists of mappings.
public enum ReviewLoader {
    static let reviewKeys = ["quarter", "month", "date", "attendees", "metrics", "highlights", "risks", "decisions",
                             "commitments", "next_review", "objectives"]

    /// Each list item as a mapping; items of another shape are reported and skipped.
    private static func mappings(_ list: Located<[(at: SourcePosition, node: YNode)]>, key: String,
                                 known: [String], in parent: Fields) -> [Fields] {
        list.value.enumerated().compactMap { index, item in
            Fields(item.node, at: item.at, path: "\(parent.qualified(key))[\(index + 1)]", known: known,
                   context: parent.context)
        }
    }

    static func reviews(_ list: Located<[(at: SourcePosition, node: YNode)]>, in parent: Fields) -> Reviews {
        let items = mappings(list, key: "reviews", known: reviewKeys, in: parent).map { r -> Review in
            var review = Review(at: r.at, period: period(of: r), date: r.day("date"),
                                attendees: r.textList("attendees")?.value ?? [],
                                highlights: r.text("highlights"),
                                decisions: r.textList("decisions")?.value ?? [],
                                nextReview: r.day("next_review"))
            review.metrics = r.numberMap("metrics").map { MetricValue(id: $0.key, value: $0.value) }
            review.objectives = r.textList("objectives")?.value ?? []
            if let risks = r.items("risks") {
                review.risks = mappings(risks, key: "risks", known: ["risk", "owner", "action", "internal"], in: r).map {
                    Risk(at: $0.at, risk: $0.text("risk"), owner: $0.text("owner"), action: $0.text("action"),
                         isInternal: $0.bool("internal")?.value ?? false)
                }
            }
            review.commitments = r.fields("commitments", known: ["us", "partner"]).map {
                PartyPair(at: $0.at, us: $0.textList("us")?.value ?? [], partner: $0.textList("partner")?.value ?? [])
            }
            return review
        }
        return Reviews(at: list.at, items: items)
    }

    /// `quarter: 2026-Q3` or, for a monthly review, `month: 2026-11`: exactly one of them.
    private static func period(of review: Fields) -> Located<Period>? {
        let quarter = review.present("quarter"), month = review.present("month")
        if quarter && month {
            review.context.report(.schemaType, at: review.position("month") ?? review.at,
                                  "\(review.path) names both a quarter and a month; a review covers one period: keep quarter, or month for a monthly review")
        }
        if !quarter && !month {
            review.context.report(.schemaRequired, at: review.at,
                                  "\(review.qualified("quarter")) is required but \(review.has("quarter") ? "empty" : "missing") (or month: YYYY-MM for a monthly review)")
            return nil
        }
        if quarter {
            return review.quarter("quarter").map { Located(.quarter($0.value), at: $0.at) }
        }
        return review.value("month", expected: "a month written YYYY-MM", Month.init).map { Located(.month($0.value), at: $0.at) }
    }

    /// Every signature carries these; `email` and `ssh` are optional.
    static let signatureKeys = ["party", "name", "title", "date", "fingerprint"]
    static let sshKeys = ["key", "signature"]
    /// Every key a signature entry may hold.
    static let signatureAllKeys = signatureKeys + ["email", "canonical", "evidence", "ssh"]

    static func signatures(_ list: Located<[(at: SourcePosition, node: YNode)]>, in parent: Fields) -> Signatures {
        let items = mappings(list, key: "signatures", known: signatureAllKeys, in: parent).map { s -> Signature in
            for key in signatureKeys { s.require(key) }
            let ssh = s.fields("ssh", known: sshKeys).map { fields -> SSHSignature in
                for key in sshKeys { fields.require(key) }
                return SSHSignature(at: fields.at, key: fields.text("key"), signature: fields.text("signature"))
            }
            if ssh != nil { s.require("email") }
            var signature = Signature(at: s.at, party: s.choice("party"), name: s.text("name"), title: s.text("title"),
                                      date: s.day("date"), fingerprint: s.text("fingerprint"), email: s.text("email"), ssh: ssh)
            signature.canonical = s.value("canonical", expected: "1 or 2 (the canonical form signed)") { CanonicalVersion(rawValue: Int($0) ?? 0) }
            signature.evidence = s.text("evidence")
            return signature
        }
        return Signatures(at: list.at, items: items)
    }
}
