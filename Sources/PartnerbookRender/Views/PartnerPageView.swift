import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// What a partner's page reads: the summary of everything, and links to its documents.
package struct PartnerPageView {
    struct Step {
        var name: String
        var dates: String
        var state: String
        var stateLabel: String
        var detail: String
    }

    struct Packet {
        var quarter: String
        /// "QBR packet" or "Monthly review packet".
        var kind: String
        var link: String
        /// Our side's brief for the meeting.
        var brief: String
        var label: String
    }

    struct ContactRow {
        var role: String
        var name: String
        var title: String
        var email: String?
    }

    var name: String
    var tier: String
    var status: String
    var health: Int
    var band: String
    var bandLabel: String
    var summaryHTML: String
    var contacts: [ContactRow]
    var leverageType: String
    var leverageStrength: String
    var leverageRecommendation: String
    var leverageEvidenceHTML: String
    var commitmentsUs: [String]
    var commitmentsPartner: [String]
    var company: String
    var handshake: Bool
    var steps: [Step]
    var verdict: String
    var verdictReason: String
    var kpis: [KPIRow]
    var hasKPIs: Bool
    var packets: [Packet]
    var hasPackets: Bool
    var signatureLabel: String
    var signed: Bool
    var alerts: [String]
    var hasAlerts: Bool

    init(_ context: DocumentContext) {
        let p = context.partner, a = context.assessment
        name = context.partnerName
        company = context.company
        tier = p.tier?.value.title ?? "Tier not set"
        status = p.status?.value.label ?? "Status not set"
        health = a.health.total
        band = a.health.band.rawValue
        bandLabel = a.health.bandText
        summaryHTML = PartnerPageView.html(MarkdownText.block(p.summary?.value))
        contacts = [
            (p.contacts?.us, "Our lead"), (p.contacts?.partner, "Their lead"),
        ].compactMap { contact, role in
            contact.map { ContactRow(role: role, name: $0.name?.value ?? "", title: $0.title?.value ?? "",
                                     email: $0.email.flatMap { EmailAddress.isPlausible($0.value) ? $0.value : nil }) }
        } + [(p.contacts?.sponsors?.us, "Our sponsor"), (p.contacts?.sponsors?.partner, "Their sponsor")].compactMap { name, role in
            name.map { ContactRow(role: role, name: $0.value, title: "Executive sponsor", email: nil) }
        }
        leverageType = p.leverage?.type?.value.label ?? "Not identified"
        leverageStrength = a.leverage.strength.rawValue
        leverageRecommendation = a.leverage.recommendation.sentence
        leverageEvidenceHTML = PartnerPageView.html(MarkdownText.block(p.leverage?.evidence?.value))
        commitmentsUs = (p.commitments?.us ?? []).filter { !$0.value.isBlank }.map { PartnerPageView.inlineHTML($0.value) }
        commitmentsPartner = (p.commitments?.partner ?? []).filter { !$0.value.isBlank }.map { PartnerPageView.inlineHTML($0.value) }
        handshake = a.commitment.isHandshake
        steps = PartnerPageView.steps(context)
        verdict = a.continueDecision.verdict.rawValue.capitalizedFirst
        verdictReason = a.continueDecision.reason
        kpis = context.kpiRows(a.kpis)
        hasKPIs = !kpis.isEmpty
        packets = QBRPlan.packets(for: p, asOf: context.asOf).reversed().map { packet in
            Packet(quarter: packet.period.description, kind: QBRView.kind(packet.period), link: packet.path + ".html",
                   brief: packet.path + "-brief.html",
                   label: packet.review == nil ? "prepared for the review on \(Format.date(packet.date))"
                                               : "review held \(Format.date(packet.review?.date?.value))")
        }
        hasPackets = !packets.isEmpty
        signed = a.signatures.isFullySigned
        signatureLabel = signed ? "Signed by both parties" : "Draft: not signed by both parties"
        alerts = context.diagnostics.map { "\($0.severity.rawValue): \($0.message)" }
        hasAlerts = !alerts.isEmpty
    }

    /// Crawl, walk and run as steps: dates from the charter, state from the gates and the status.
    static func steps(_ context: DocumentContext) -> [Step] {
        let p = context.partner, a = context.assessment
        let status = p.status?.value
        let order: [Status] = [.crawl, .walk, .run]
        let reached = status.flatMap { order.firstIndex(of: $0) }
        return Phase.allCases.enumerated().map { index, phase in
            let plan = p.charter?.timeline?[phase]
            let dates: String
            if let start = plan?.start?.value {
                dates = plan?.end.map { "\(Format.date(start)) to \(Format.date($0.value))" } ?? "from \(Format.date(start))"
            } else {
                dates = "not planned"
            }
            let gate: GateStatus? = phase == .crawl ? a.crawlStatus : phase == .walk ? a.walkStatus : nil
            var state = "upcoming", label = "Upcoming"
            if gate == .failed {
                state = "failed"; label = "Gate failed"
            } else if gate == .passed {
                state = "done"; label = "Gate passed"
            } else if let reached, reached == index, status != .ended {
                state = "current"; label = "Current phase"
            } else if let reached, reached > index {
                state = "done"; label = "Done"
            }
            var detail = ""
            switch phase {
            case .crawl:
                detail = a.crawlGate.improvement.map { "\(Format.percentage($0)) improvement (bar \(Format.percentage(a.crawlGate.threshold)))" } ?? "bar: \(Format.percentage(a.crawlGate.threshold)) improvement"
            case .walk:
                detail = a.walkGate.adoption.map { "\(Format.percentage($0)) adoption (bar \(Format.percentage(a.walkGate.threshold)))" } ?? "bar: \(Format.percentage(a.walkGate.threshold)) adoption"
            case .run:
                detail = "full scale, \(p.charter?.measurement?.cadence.rawValue ?? "quarterly") reviews"
            }
            return Step(name: phase.rawValue.capitalizedFirst, dates: dates, state: state, stateLabel: label, detail: detail)
        }
    }

    /// Prose as sanitised HTML.
    static func html(_ markdown: String) -> String {
        CMark.Document(markdown).sanitize().html()
    }

    /// One line of prose as sanitised inline HTML (the paragraph wrapper removed).
    static func inlineHTML(_ markdown: String) -> String {
        var html = html(MarkdownText.inline(markdown)).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}

/// Whether text looks enough like an email address to become a `mailto:` link:
/// one `@` with text on both sides, a dot in the domain, no white space,
/// quotes, angle brackets or other characters that do not belong in one.
package enum EmailAddress {
    package static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@.-_+".unicodeScalars.contains(scalar)
        }
    }
}
