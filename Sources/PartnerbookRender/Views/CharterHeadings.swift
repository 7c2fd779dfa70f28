import PartnerbookModel
import PartnerbookSupport

/// Where a changed value prints in the charter, named as its reader finds
/// it: the numbered heading and the label under it ("4. Measurement:
/// Resale revenue target", "6. Confidentiality"), never the path a partner
/// file writes it under. The redline's summary lists changes by these.
struct CharterHeadings {
    var company: String
    var partnerName: String
    /// Metric names by their index in the charter, from 1.
    var metricNames: [Int: String]
    /// Sections after the five, by their index from 1: their printed title.
    var sectionTitles: [Int: String]

    init(company: String, partnerName: String, partner: Partner) {
        self.company = company
        self.partnerName = partnerName
        let metrics = partner.charter?.measurement?.metrics?.value ?? []
        metricNames = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($0.offset + 1, $0.element.displayName) })
        sectionTitles = Dictionary(uniqueKeysWithValues: (partner.charter?.sections ?? []).enumerated().map {
            ($0.offset + 1, $0.element.title?.value ?? "Section \($0.offset + 6)")
        })
    }

    /// The heading and label of a canonical path (`charter.measurement.metrics[2].target`).
    func heading(_ path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        let index = CharterHeadings.index
        func side(_ word: String?) -> String {
            switch word {
            case "us": company
            case "partner": partnerName
            case "customers": "Shared customers"
            default: word ?? ""
            }
        }
        let first = parts.first ?? ""
        let second = parts.count > 1 ? parts[1] : nil
        let third = parts.count > 2 ? parts[2] : nil
        switch first {
        case "id": return "The partner's id (signed with the text)"
        case "template": return "The charter's wording (its template)"
        case "company", "name": return "Parties: the companies' names"
        case "tier": return "Title: the tier"
        case "company_legal", "legal":
            let who = first == "legal" ? partnerName : company
            switch second {
            case "entity": return "Parties: Legal entity of \(who)"
            case "address": return "Parties: Registered address of \(who)"
            case "statement": return "Signatures: the statement above them"
            case "governing_law": return "Term and exit: Governing law"
            case "courts": return "Term and exit: Courts"
            case "notices": return "Term and exit: Notices"
            case "termination": return "Term and exit: On termination"
            default: return "Parties"
            }
        case "gates":
            return second == "walk_min_adoption" ? "3. Timeline: Walk go/no-go threshold" : "3. Timeline: Crawl go/no-go threshold"
        case "signatories": return "Signatures: signatory for \(side(second))"
        case "contacts":
            if second == "sponsors" { return "Parties: Executive sponsor for \(side(third))" }
            return third == "email" ? "Parties: Email for \(side(second))" : "Parties: Partnership lead for \(side(second))"
        case "commitments":
            let (key, _) = index(second ?? "")
            if key == "if_it_fails" { return "2. Value exchange: If the partnership fails, what \(side(third)) loses" }
            return "2. Value exchange: \(side(key)) commits to"
        case "charter":
            return charterHeading(Array(parts.dropFirst()), side: side)
        default:
            return path
        }
    }

    /// `metrics[2]` as (`metrics`, 2); `goals` as (`goals`, nil).
    static func index(_ part: String) -> (String, Int?) {
        guard let open = part.firstIndex(of: "["), part.hasSuffix("]") else { return (part, nil) }
        return (String(part[..<open]), Int(part[part.index(after: open)..<part.index(before: part.endIndex)]))
    }

    private func charterHeading(_ parts: [String], side: (String?) -> String) -> String {
        let index = CharterHeadings.index
        let (key, number) = index(parts.first ?? "")
        let second = parts.count > 1 ? parts[1] : nil
        switch key {
        case "goals": return "1. Mutual goals: \(side(second))"
        case "value_exchange":
            switch index(second ?? "").0 {
            case "we_give": return "2. Value exchange: \(company) gives"
            case "partner_gives": return "2. Value exchange: \(partnerName) gives"
            default: return "2. Value exchange: would both sides still do this if the other walked?"
            }
        case "timeline":
            let phase = (second ?? "").capitalized
            let field = parts.count > 2 ? index(parts[2]).0 : ""
            switch field {
            case "start", "end": return "3. Timeline: \(phase) dates"
            case "metric": return "3. Timeline: \(phase) go/no-go metric"
            default: return "3. Timeline: \(phase) \(field)"
            }
        case "measurement":
            let (field, metric) = index(second ?? "")
            if field == "metrics", let metric {
                let name = metricNames[metric] ?? "metric \(metric)"
                let label = parts.count > 2 ? parts[2].replacingOccurrences(of: "_", with: " ") : "row"
                return "4. Measurement: \(name) \(label == "due" ? "due date" : label)"
            }
            return field == "tracking" ? "4. Measurement: How we track it" : "4. Measurement: Review cadence"
        case "governance":
            switch index(second ?? "").0 {
            case "owners": return "5. Governance: Decision owners"
            case "escalation": return "5. Governance: Escalation path"
            default: return "5. Governance: Exit criteria"
            }
        case "effective": return "Term and exit: Effective date"
        case "term": return "Term and exit: Term and renewal"
        case "agreement": return "Term and exit: Agreement this charter sits under"
        case "sections":
            guard let number else { return "Further sections" }
            return "\(number + 5). \(sectionTitles[number] ?? "Section \(number + 5)")"
        default:
            return "charter"
        }
    }
}
