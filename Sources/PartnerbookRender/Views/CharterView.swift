import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// What the charter template reads.
package struct CharterView {
    /// The extension document links point to: `md` in Markdown output, `html` in HTML.
    var ext = "md"

    struct PartyView {
        var side: String
        /// "Name, Title".
        var lead: String
        var leadEmail: String?
        var sponsor: String
        var owner: String
    }

    struct PhaseView {
        var name: String
        var dates: String
        var length: String?
        var scope: String?
        var deliverables: [ProseItem]
        var criteria: String
        var hasDeliverables: Bool
    }

    struct MetricRow {
        var name: String
        var target: String
        var direction: String
        var weight: String
    }

    struct SignatureBlock {
        var side: String
        var party: String
        var name: String
        var title: String
        var date: String
        var standing: String
        /// Named apart from the charter's `fingerprint`: Mustache would find
        /// that one through the context stack when this is absent.
        var signedFingerprint: String?
        var signed: Bool
    }

    var title: String
    var company: String
    var partnerName: String
    var tier: String
    var status: String
    var asOf: String
    var summary: String
    var partyUs: PartyView
    var partyPartner: PartyView
    var goalUs: String
    var goalPartner: String
    var goalCustomers: String
    var weGive: [ProseItem]
    var partnerGives: [ProseItem]
    var balance: String
    var commitmentsUs: [ProseItem]
    var commitmentsPartner: [ProseItem]
    var lossUs: String
    var lossPartner: String
    var phases: [PhaseView]
    var metrics: [MetricRow]
    var tracking: String
    var cadence: String
    var escalation: [ProseItem]
    var exitCriteria: [ProseItem]
    var signatures: [SignatureBlock]
    var fingerprint: String
    var draft: Bool

    /// One field changed since a signature: its path, the signed text and the text now.
    struct ChangeRow {
        package var path: String
        var old: String?
        var new: String?
    }

    /// What changed since one signed text (both parties usually signed the same one).
    struct ChangeGroup {
        var signers: String
        var rows: [ChangeRow]
        /// Why the changes cannot be listed, when they cannot.
        var note: String?
    }

    var changes: [ChangeGroup]
    var hasChanges: Bool

    init(_ context: DocumentContext) {
        let partner = context.partner, charter = partner.charter
        let thresholds = context.program.gates
        title = "Partnership charter: \(context.partnerName)"
        company = context.company
        partnerName = context.partnerName
        tier = partner.tier?.value.title ?? "Tier not set"
        status = partner.status?.value.label ?? "Status not set"
        asOf = Format.date(context.asOf)
        summary = MarkdownText.block(partner.summary?.value)
        let contacts = partner.contacts
        let owners = charter?.governance?.owners
        func party(_ party: Party) -> PartyView {
            let contact = party == .us ? contacts?.us : contacts?.partner
            let email = contact?.email?.value.trimmingCharacters(in: .whitespaces)
            let name = contact?.name?.value ?? "not named", title = contact?.title?.value ?? ""
            return PartyView(side: context.side(party), lead: title.isBlank ? name : "\(name), \(title)", leadEmail: email.flatMap { EmailAddress.isPlausible($0) ? $0 : nil },
                             sponsor: contacts?.sponsors?[party]?.value ?? "not named",
                             owner: owners?[party]?.value ?? "not named")
        }
        partyUs = party(.us)
        partyPartner = party(.partner)
        goalUs = MarkdownText.inline(charter?.goals?.us?.value)
        goalPartner = MarkdownText.inline(charter?.goals?.partner?.value)
        goalCustomers = MarkdownText.inline(charter?.goals?.customers?.value)
        weGive = charter?.valueExchange?.weGive?.value.proseItems ?? []
        partnerGives = charter?.valueExchange?.partnerGives?.value.proseItems ?? []
        balance = MarkdownText.block(charter?.valueExchange?.balance?.value)
        commitmentsUs = partner.commitments?.us.proseItems ?? []
        commitmentsPartner = partner.commitments?.partner.proseItems ?? []
        lossUs = MarkdownText.inline(partner.commitments?.ifItFails?.us?.value)
        lossPartner = MarkdownText.inline(partner.commitments?.ifItFails?.partner?.value)

        let crawlMetric = MarkdownText.inline(charter?.timeline?.crawl?.metric?.value)
        let criteria: [Phase: String] = [
            .crawl: "Go if the pilot customers improve by \(Format.percentage(thresholds.crawlMinImprovement)) or more on "
                + (crawlMetric.isEmpty ? "the stated metric." : "the stated metric: \(crawlMetric)."),
            .walk: "Go if \(Format.percentage(thresholds.walkMinAdoption)) or more of the invited customers adopt.",
            .run: "Enter only when crawl and walk both passed and both sides commit to scale; reviewed \(charter?.measurement?.cadence.rawValue ?? "quarterly").",
        ]
        phases = Phase.allCases.compactMap { phase in
            guard let plan = charter?.timeline?[phase] else { return nil }
            let start = plan.start.map { Format.date($0.value) } ?? "start not set"
            let end = plan.end.map { Format.date($0.value) }
            var length: String?
            if let s = plan.start?.value, let e = plan.end?.value, s <= e { length = Format.weeks(s.days(until: e)) }
            let scope = MarkdownText.inline(plan.scope?.value)
            let dates = end.map { "\(start) to \($0)" } ?? (phase == .run ? "from \(start), ongoing" : "\(start), end not set")
            return PhaseView(name: phase.rawValue.capitalized, dates: dates, length: length,
                             scope: scope.isEmpty ? nil : scope, deliverables: plan.deliverables.proseItems,
                             criteria: criteria[phase]!, hasDeliverables: !plan.deliverables.proseItems.isEmpty)
        }
        metrics = (charter?.measurement?.metrics?.value ?? []).map { metric in
            MetricRow(name: metric.displayName,
                      target: metric.target.map { Format.value($0.value, unit: metric.unit?.value) } ?? "no target",
                      direction: metric.direction == .up ? "higher is better" : "lower is better",
                      weight: Format.number(metric.weight))
        }
        tracking = MarkdownText.block(charter?.measurement?.tracking?.value)
        cadence = charter?.measurement?.cadence.rawValue ?? "quarterly"
        escalation = charter?.governance?.escalation?.value.proseItems ?? []
        exitCriteria = charter?.governance?.exitCriteria?.value.proseItems ?? []
        let state = context.assessment.signatures
        changes = CharterView.changeGroups(context, state: state)
        hasChanges = !changes.isEmpty
        fingerprint = state.fingerprint
        draft = !state.isFullySigned
        signatures = Party.allCases.map { party in
            let entry = state[party]
            if let signature = entry.signature {
                let standing = entry.standing == .valid ? "Signed; covers this charter"
                    : "Stale: the charter changed after this signature, so it no longer covers this text"
                return SignatureBlock(side: context.side(party), party: party.rawValue, name: signature.name?.value ?? "",
                                      title: signature.title?.value ?? "", date: signature.date.map { Format.date($0.value) } ?? "",
                                      standing: standing, signedFingerprint: signature.fingerprint?.value, signed: entry.standing == .valid)
            }
            let contact = party == .us ? contacts?.us : contacts?.partner
            return SignatureBlock(side: context.side(party), party: party.rawValue, name: contact?.name?.value ?? "",
                                  title: contact?.title?.value ?? "", date: "", standing: "Not signed",
                                  signedFingerprint: nil, signed: false)
        }
    }

    /// "Changed since signed": for each stale signed text (grouped by the
    /// fingerprint signed), the fields that changed since, from git history.
    static func changeGroups(_ context: DocumentContext, state: SignatureState) -> [ChangeGroup] {
        let stale = state.parties.filter { $0.standing == .stale }.compactMap(\.signature)
        var order: [String] = []
        var byFingerprint: [String: [Signature]] = [:]
        for signature in stale {
            let key = signature.fingerprint?.value ?? ""
            if byFingerprint[key] == nil { order.append(key) }
            byFingerprint[key, default: []].append(signature)
        }
        return order.map { key in
            let signatures = byFingerprint[key]!
            let signers = signatures.map { s in
                "\(s.name?.value ?? "someone") for \(context.side(s.party?.value ?? .us))"
                    + (s.date.map { " on \(Format.date($0.value))" } ?? "")
            }.joined(separator: " and ")
            guard let texts = context.signedTexts else {
                return ChangeGroup(signers: signers, rows: [], note: "The partner file's history was not searched.")
            }
            let (diff, _, note) = texts.changes(since: signatures[0], of: context.partner, company: context.program.company?.value)
            let rows = (diff?.changes ?? []).map {
                ChangeRow(path: $0.path, old: $0.old.map(MarkdownText.cell), new: $0.new.map(MarkdownText.cell))
            }
            return ChangeGroup(signers: signers, rows: rows,
                               note: diff == nil ? "What changed cannot be shown: \(note ?? "unknown")." : nil)
        }
    }
}
