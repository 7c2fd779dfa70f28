import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// What the charter template reads: every signed term, nothing that only
/// feeds our scoring. When the charter changed since a signature, each
/// change is marked where it stands (`Redline`).
package struct CharterView {
    /// The extension document links point to: `md` in Markdown output, `html` in HTML.
    var ext = "md"

    struct PartyView {
        var side: String
        /// Registered legal name and address, when written.
        var entity: String?
        var address: String?
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
        /// When the target is due, or a dash.
        var due: String
        /// Where the metric starts from, or "its first reading".
        var baseline: String
        var direction: String
    }

    /// A section after the five, numbered on from 6.
    struct SectionView {
        var number: Int
        var title: String
        var text: String
    }

    /// A signature line: a valid signature, a superseded one (shown above a
    /// fresh block), or the fresh block a signatory signs.
    struct SignatureBlock {
        var side: String
        var name: String
        var title: String
        var date: String
        var standing: String
        /// Named apart from the charter's `fingerprint`: Mustache would find
        /// that one through the context stack when this is absent.
        var signedFingerprint: String?
        var signed: Bool
        /// A signature the party gave to an earlier text.
        var superseded: Bool
        /// The SSH key OpenSSH verified the signature with (`SHA256:…`), when it was.
        var verifiedKey: String?
    }

    /// An earlier text both or one party signed.
    struct SignedVersion {
        var fingerprint: String
        var signers: String
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
    var hasLegal: Bool
    var effective: String?
    var term: String?
    var agreement: String?
    var hasTerms: Bool
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
    var sections: [SectionView]
    /// Whether the charter binds, printed above the signatures.
    var statement: String
    var signatures: [SignatureBlock]
    var signedVersions: [SignedVersion]
    var hasSignedVersions: Bool
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

    /// Printed above the signatures when program.yaml's `legal.statement` says nothing.
    static let defaultStatement = "This charter records how the two companies intend to work together. It creates no obligation beyond those of any agreement it names, and either company may propose changes, which take effect once both sign the changed text."

    init(_ context: DocumentContext) {
        let partner = context.partner, charter = partner.charter
        let thresholds = context.program.gates
        let state = context.assessment.signatures
        let (groups, redline) = CharterView.changes(context, state: state)
        changes = groups
        hasChanges = !groups.isEmpty
        func prose(_ path: String, _ text: String?) -> String? { redline.prose(path, text) }
        func items(_ path: String, _ list: [Located<String>]) -> [ProseItem] {
            let kept = list.enumerated().filter { !$0.element.value.isBlank }
            return kept.map { ProseItem(text: MarkdownText.inline(prose("\(path)[\($0.offset + 1)]", $0.element.value))) }
                + redline.removedItems(path, count: list.count).map { ProseItem(text: MarkdownText.inline($0)) }
        }
        func date(_ text: String) -> String { Day(text).map(Format.date) ?? text }

        title = "Partnership charter: \(context.partnerName)"
        company = redline.value("company", display: context.company)
        partnerName = redline.value("name", display: context.partnerName)
        tier = redline.value("tier", display: partner.tier?.value.title ?? "Tier not set") { Tier(word: $0)?.title ?? $0 }
        status = partner.status?.value.label ?? "Status not set"
        asOf = Format.date(context.asOf)
        summary = MarkdownText.block(partner.summary?.value)
        let contacts = partner.contacts
        let owners = charter?.governance?.owners
        let us = context.program.ourSide
        func party(_ party: Party) -> PartyView {
            let side = party == .us ? "us" : "partner"
            let contact = party == .us ? contacts?.us : contacts?.partner
            let email = contact?.email?.value.trimmingCharacters(in: .whitespaces)
            let name = prose("contacts.\(side).name", contact?.name?.value) ?? "not named"
            let title = prose("contacts.\(side).title", contact?.title?.value) ?? ""
            let legalPath = party == .us ? "company_legal" : "legal"
            let entity = party == .us ? us.entity : partner.legal?.entity?.value
            let address = party == .us ? us.address : partner.legal?.address?.value
            return PartyView(side: context.side(party),
                             entity: prose("\(legalPath).entity", entity).map(MarkdownText.cell),
                             address: prose("\(legalPath).address", address).map(MarkdownText.cell),
                             lead: MarkdownText.cell(title.isBlank ? name : "\(name), \(title)"),
                             leadEmail: email.flatMap { EmailAddress.isPlausible($0) ? $0 : nil },
                             sponsor: MarkdownText.cell(prose("contacts.sponsors.\(side)", contacts?.sponsors?[party]?.value) ?? "not named"),
                             owner: MarkdownText.cell(prose("charter.governance.owners.\(side)", owners?[party]?.value) ?? "not named"))
        }
        partyUs = party(.us)
        partyPartner = party(.partner)
        hasLegal = [partyUs.entity, partyUs.address, partyPartner.entity, partyPartner.address].contains { $0 != nil }

        effective = charter?.effective.map { redline.value("charter.effective", display: Format.date($0.value), format: date) }
        term = prose("charter.term", charter?.term?.value).map(MarkdownText.block)
        agreement = prose("charter.agreement", charter?.agreement?.value).map(MarkdownText.block)
        hasTerms = effective != nil || term != nil || agreement != nil

        goalUs = MarkdownText.inline(prose("charter.goals.us", charter?.goals?.us?.value))
        goalPartner = MarkdownText.inline(prose("charter.goals.partner", charter?.goals?.partner?.value))
        goalCustomers = MarkdownText.inline(prose("charter.goals.customers", charter?.goals?.customers?.value))
        weGive = items("charter.value_exchange.we_give", charter?.valueExchange?.weGive?.value ?? [])
        partnerGives = items("charter.value_exchange.partner_gives", charter?.valueExchange?.partnerGives?.value ?? [])
        balance = MarkdownText.block(prose("charter.value_exchange.balance", charter?.valueExchange?.balance?.value))
        commitmentsUs = items("commitments.us", partner.commitments?.us ?? [])
        commitmentsPartner = items("commitments.partner", partner.commitments?.partner ?? [])
        lossUs = MarkdownText.inline(prose("commitments.if_it_fails.us", partner.commitments?.ifItFails?.us?.value))
        lossPartner = MarkdownText.inline(prose("commitments.if_it_fails.partner", partner.commitments?.ifItFails?.partner?.value))

        let crawlMetric = MarkdownText.inline(prose("charter.timeline.crawl.metric", charter?.timeline?.crawl?.metric?.value))
        let criteria: [Phase: String] = [
            .crawl: "Go if the pilot customers improve by \(Format.percentage(thresholds.crawlMinImprovement)) or more on "
                + (crawlMetric.isEmpty ? "the stated metric." : "the stated metric: \(crawlMetric)."),
            .walk: "Go if \(Format.percentage(thresholds.walkMinAdoption)) or more of the invited customers adopt.",
            .run: "Enter only when crawl and walk both passed and both sides commit to scale; reviewed \(charter?.measurement?.cadence.rawValue ?? "quarterly").",
        ]
        phases = Phase.allCases.compactMap { phase in
            guard let plan = charter?.timeline?[phase] else { return nil }
            let path = "charter.timeline.\(phase.rawValue)"
            let start = plan.start.map { redline.value("\(path).start", display: Format.date($0.value), format: date) } ?? "start not set"
            let end = plan.end.map { redline.value("\(path).end", display: Format.date($0.value), format: date) }
            var length: String?
            if let s = plan.start?.value, let e = plan.end?.value, s <= e { length = Format.weeks(s.days(until: e)) }
            let scope = MarkdownText.inline(prose("\(path).scope", plan.scope?.value))
            let dates = end.map { "\(start) to \($0)" } ?? (phase == .run ? "from \(start), ongoing" : "\(start), end not set")
            let deliverables = items("\(path).deliverables", plan.deliverables)
            return PhaseView(name: phase.rawValue.capitalized, dates: dates, length: length,
                             scope: scope.isEmpty ? nil : scope, deliverables: deliverables,
                             criteria: criteria[phase]!, hasDeliverables: !deliverables.isEmpty)
        }
        metrics = (charter?.measurement?.metrics?.value ?? []).enumerated().map { index, metric in
            let path = "charter.measurement.metrics[\(index + 1)]"
            let unit = metric.unit?.value
            func amount(_ text: String) -> String { Double(text).map { Format.value($0, unit: unit) } ?? text }
            let name = metric.name != nil ? prose("\(path).name", metric.name?.value) ?? "" : metric.displayName
            return MetricRow(
                name: MarkdownText.cell(name),
                target: metric.target.map { redline.value("\(path).target", display: Format.value($0.value, unit: unit), format: amount) } ?? "no target",
                due: metric.due.map { redline.value("\(path).due", display: Format.date($0.value), format: date) } ?? "–",
                baseline: metric.baseline.map { redline.value("\(path).baseline", display: Format.value($0.value, unit: unit), format: amount) }
                    ?? "its first reading",
                direction: redline.value("\(path).direction", display: metric.direction == .up ? "higher is better" : "lower is better") {
                    $0 == "down" ? "lower is better" : "higher is better"
                })
        }
        tracking = MarkdownText.block(prose("charter.measurement.tracking", charter?.measurement?.tracking?.value))
        cadence = redline.value("charter.measurement.review_cadence", display: charter?.measurement?.cadence.rawValue ?? "quarterly")
        escalation = items("charter.governance.escalation", charter?.governance?.escalation?.value ?? [])
        exitCriteria = items("charter.governance.exit_criteria", charter?.governance?.exitCriteria?.value ?? [])
        sections = (charter?.sections ?? []).enumerated().map { index, section in
            let path = "charter.sections[\(index + 1)]"
            return SectionView(number: index + 6, title: MarkdownText.inline(prose("\(path).title", section.title?.value)),
                               text: MarkdownText.block(prose("\(path).text", section.text?.value)))
        }
        statement = MarkdownText.block(prose("company_legal.statement", us.statement) ?? CharterView.defaultStatement)

        fingerprint = state.fingerprint
        draft = !state.isFullySigned
        signatures = CharterView.signatureBlocks(context, state: state)
        signedVersions = CharterView.signedVersions(context, current: state.fingerprint)
        hasSignedVersions = !signedVersions.isEmpty
    }

    /// Each party's block: a valid signature; or a superseded one above a
    /// fresh block; or a fresh block naming who signs (the signatory, else
    /// the executive sponsor).
    static func signatureBlocks(_ context: DocumentContext, state: SignatureState) -> [SignatureBlock] {
        Party.allCases.flatMap { party -> [SignatureBlock] in
            let entry = state[party]
            let side = context.side(party)
            func block(_ signature: Signature, standing: String, valid: Bool) -> SignatureBlock {
                let index = context.partner.signatures?.items.firstIndex { $0.at == signature.at }
                return SignatureBlock(side: side, name: MarkdownText.cell(signature.name?.value), title: MarkdownText.cell(signature.title?.value),
                                      date: signature.date.map { Format.date($0.value) } ?? "", standing: standing,
                                      signedFingerprint: signature.fingerprint?.value, signed: valid, superseded: !valid,
                                      verifiedKey: index.flatMap { context.sshVerifications.verifiedKey($0) })
            }
            if let signature = entry.signature, entry.standing == .valid {
                return [block(signature, standing: "Signed; covers this charter", valid: true)]
            }
            let signatory = context.partner.signatories?[party]
            let fresh = SignatureBlock(
                side: side,
                name: MarkdownText.cell(signatory?.name?.value ?? context.partner.contacts?.sponsors?[party]?.value),
                title: MarkdownText.cell(signatory?.title?.value), date: "", standing: "To be signed",
                signedFingerprint: nil, signed: false, superseded: false, verifiedKey: nil)
            guard let signature = entry.signature else { return [fresh] }
            return [block(signature, standing: "Superseded: signed an earlier text; it does not cover this one", valid: false), fresh]
        }
    }

    /// Every earlier text signed (a fingerprint other than the current one), with who signed it and when.
    static func signedVersions(_ context: DocumentContext, current: String) -> [SignedVersion] {
        var order: [String] = []
        var signers: [String: [String]] = [:]
        for signature in context.partner.signatures?.items ?? [] {
            guard let fingerprint = signature.fingerprint?.value, fingerprint != current else { continue }
            if signers[fingerprint] == nil { order.append(fingerprint) }
            let name = signature.name?.value ?? "someone"
            let date = signature.date.map { " on \(Format.date($0.value))" } ?? ""
            signers[fingerprint, default: []].append("\(name) for \(context.side(signature.party?.value ?? .us))\(date)")
        }
        return order.map { SignedVersion(fingerprint: $0, signers: MarkdownText.inline(signers[$0]!.joined(separator: "; "))) }
    }

    /// "Changed since signed": for each stale signed text (grouped by the
    /// fingerprint signed), the fields that changed since, from git history;
    /// and the redline of the latest one, to mark in place.
    static func changes(_ context: DocumentContext, state: SignatureState) -> ([ChangeGroup], Redline) {
        let stale = state.parties.filter { $0.standing == .stale }.compactMap(\.signature)
        var order: [String] = []
        var byFingerprint: [String: [Signature]] = [:]
        for signature in stale {
            let key = signature.fingerprint?.value ?? ""
            if byFingerprint[key] == nil { order.append(key) }
            byFingerprint[key, default: []].append(signature)
        }
        var redline = Redline.none
        let groups = order.map { key -> ChangeGroup in
            let signatures = byFingerprint[key]!
            let signers = signatures.map { s in
                "\(s.name?.value ?? "someone") for \(context.side(s.party?.value ?? .us))"
                    + (s.date.map { " on \(Format.date($0.value))" } ?? "")
            }.joined(separator: " and ")
            guard let texts = context.signedTexts else {
                return ChangeGroup(signers: signers, rows: [], note: "The partner file's history was not searched.")
            }
            let (diff, _, note) = texts.changes(since: signatures[0], of: context.partner, us: context.program.ourSide)
            // The most recent signed text is the one marked in place.
            if let diff, redline.isEmpty { redline = Redline(diff) }
            let rows = (diff?.changes ?? []).map {
                ChangeRow(path: $0.path, old: $0.old.map(MarkdownText.cell), new: $0.new.map(MarkdownText.cell))
            }
            return ChangeGroup(signers: signers, rows: rows,
                               note: diff == nil ? "What changed cannot be shown: \(note ?? "unknown")." : nil)
        }
        return (groups, redline)
    }
}
