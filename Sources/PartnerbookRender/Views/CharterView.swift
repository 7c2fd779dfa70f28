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

    /// A phase: its plan, and what its go/no-go decision needs (the template
    /// words the sentence, so the wording is part of the signed template).
    struct PhaseView {
        var name: String
        var dates: String
        var length: String?
        var scope: String?
        var deliverables: [ProseItem]
        var hasDeliverables: Bool
        var isCrawl: Bool
        var isWalk: Bool
        var isRun: Bool
        /// The crawl or walk threshold, "20%".
        var threshold: String?
        /// The crawl metric, when the timeline states one.
        var metric: String?
        /// The review cadence, for the run phase.
        var cadence: String
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

    /// A term of program.yaml's legal frame printed under Term and exit.
    struct LegalTermView {
        var title: String
        var text: String
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
        /// The entry's email (or the signatory's, on a fresh block), and whether
        /// OpenSSH verified the signature with a key allowed for it.
        var email: String?
        var emailVerified: Bool
        var date: String
        var standing: String
        /// What else shows the signature was given (`sign --evidence`).
        var evidence: String?
        /// Named apart from the charter's `fingerprint`: Mustache would find
        /// that one through the context stack when this is absent. Markdown:
        /// a code span when well formed.
        var signedFingerprint: String?
        /// Made over canonical form 1.
        var formOne: Bool
        var signed: Bool
        /// A signature the party gave to an earlier text.
        var superseded: Bool
        /// The SSH key OpenSSH verified the signature with (`SHA256:…`), when it was.
        var verifiedKey: String?
        /// Its entry in the verification appendix ("A.1"), when it has one.
        var appendixRef: String?
        /// The last row, the one to sign on by hand in a fresh block: how the
        /// signature was given (Markdown for a table cell), or nothing.
        var signature: String
    }

    /// A text SSH signatures on the charter were made over: the commands
    /// that write its exact bytes (base64, lines of 76) into `file`.
    struct AppendixText {
        var ref: String
        var form: Int
        var fingerprint: String
        var file: String
        var canonical: String
    }

    /// One SSH signature's evidence: who signed with which key, the
    /// signature as recorded, and the stock OpenSSH commands that check it
    /// over the text its `textRef` entry wrote.
    struct AppendixEntry {
        /// The signature's index in the partner file's list.
        var entry: Int
        var ref: String
        var name: String
        var side: String
        var date: String
        /// Plain text safe inside single quotes in a shell command (checked).
        var email: String
        var publicKey: String
        var key: String
        var textRef: String
        var file: String
        /// The allowed_signers line for this signer alone.
        var allowedSigners: String
        /// The armored signature, as recorded.
        var armor: String
    }

    /// A finding printed on a draft charter.
    struct FindingLine {
        var text: String
    }

    /// An earlier text both or one party signed.
    struct SignedVersion {
        /// Markdown: a code span when well formed.
        var fingerprint: String
        var signers: String
    }

    var title: String
    var company: String
    var partnerName: String
    var tier: String
    var status: String
    var asOf: String
    /// "Ended on 31 January 2027", or "Ends on …" while the date is ahead; nil while the partnership runs.
    var ended: String?
    var partyUs: PartyView
    var partyPartner: PartyView
    var hasLegal: Bool
    var effective: String?
    var term: String?
    var agreement: String?
    /// Governing law, courts, notices and termination, as written in program.yaml.
    var legalTerms: [LegalTermView]
    var hasTerms: Bool
    var goalUs: String
    var goalPartner: String
    var goalCustomers: String
    var weGive: [ProseItem]
    var partnerGives: [ProseItem]
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
    /// Each party's current block, side by side in one table (so both
    /// print on one page): a valid signature, or the fresh block to sign.
    var signUs: SignatureBlock
    var signPartner: SignatureBlock
    /// Which rows the table needs: a row only when either block fills it.
    var hasEmailRow: Bool
    var hasEvidenceRow: Bool
    var hasFingerprintRow: Bool
    /// Signatures given to an earlier text, listed above the table.
    var superseded: [SignatureBlock]
    var hasSuperseded: Bool
    var signedVersions: [SignedVersion]
    var hasSignedVersions: Bool
    var appendixTexts: [AppendixText]
    var appendix: [AppendixEntry]
    var hasAppendix: Bool
    var fingerprint: String
    var draft: Bool
    /// The partner's errors, printed on a draft: why it cannot be signed yet.
    var findings: [FindingLine]
    var hasFindings: Bool

    /// One field changed since a signature: where it prints (heading and
    /// label, `CharterHeadings`), the signed text and the text now.
    struct ChangeRow {
        package var heading: String
        var old: String?
        var new: String?
    }

    /// What changed since one signed text (both parties usually signed the same one).
    struct ChangeGroup {
        var signers: String
        /// "on 3 March 2027" (the first commit that changed the signed text),
        /// or "in changes not yet committed".
        var amended: String?
        var rows: [ChangeRow]
        /// Why the changes cannot be listed, when they cannot.
        var note: String?
    }

    var changes: [ChangeGroup]
    var hasChanges: Bool

    init(_ context: DocumentContext) {
        let partner = context.partner, charter = partner.charter
        let frame = context.frame
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
        status = partner.status?.value == .ended && (partner.ended.map { $0.value > context.asOf } ?? false)
            ? "Ending" : partner.status?.value.label ?? "Status not set"
        asOf = Format.date(context.asOf)
        ended = CharterView.endedLine(partner, asOf: context.asOf)
        let contacts = partner.contacts
        let owners = charter?.governance?.owners
        let us = frame
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
        let termTitles = ["governing_law": "Governing law", "courts": "Courts", "notices": "Notices", "termination": "On termination"]
        legalTerms = frame.terms.all.compactMap { key, value in
            guard let text = prose("company_legal.\(key)", value.flatMap { $0.isBlank ? nil : $0 }) else { return nil }
            return LegalTermView(title: termTitles[key] ?? key, text: MarkdownText.block(text))
        }
        hasTerms = effective != nil || term != nil || agreement != nil || !legalTerms.isEmpty

        goalUs = MarkdownText.inline(prose("charter.goals.us", charter?.goals?.us?.value))
        goalPartner = MarkdownText.inline(prose("charter.goals.partner", charter?.goals?.partner?.value))
        goalCustomers = MarkdownText.inline(prose("charter.goals.customers", charter?.goals?.customers?.value))
        weGive = items("charter.value_exchange.we_give", charter?.valueExchange?.weGive?.value ?? [])
        partnerGives = items("charter.value_exchange.partner_gives", charter?.valueExchange?.partnerGives?.value ?? [])
        commitmentsUs = items("commitments.us", partner.commitments?.us ?? [])
        commitmentsPartner = items("commitments.partner", partner.commitments?.partner ?? [])
        lossUs = MarkdownText.inline(prose("commitments.if_it_fails.us", partner.commitments?.ifItFails?.us?.value))
        lossPartner = MarkdownText.inline(prose("commitments.if_it_fails.partner", partner.commitments?.ifItFails?.partner?.value))

        let crawlMetric = MarkdownText.inline(prose("charter.timeline.crawl.metric", charter?.timeline?.crawl?.metric?.value))
        let thresholds: [Phase: String] = [
            .crawl: redline.value("gates.crawl_min_improvement", display: Format.percentage(frame.crawlMinImprovement)) {
                Double($0).map(Format.percentage) ?? $0
            },
            .walk: redline.value("gates.walk_min_adoption", display: Format.percentage(frame.walkMinAdoption)) {
                Double($0).map(Format.percentage) ?? $0
            },
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
                             scope: scope.isEmpty ? nil : scope, deliverables: deliverables, hasDeliverables: !deliverables.isEmpty,
                             isCrawl: phase == .crawl, isWalk: phase == .walk, isRun: phase == .run, threshold: thresholds[phase],
                             metric: phase == .crawl && !crawlMetric.isEmpty ? crawlMetric : nil,
                             cadence: charter?.measurement?.cadence.rawValue ?? "quarterly")
        }
        metrics = (charter?.measurement?.metrics?.value ?? []).enumerated().map { index, metric in
            let path = "charter.measurement.metrics[\(index + 1)]"
            let unit = metric.unit?.value
            func amount(_ text: String) -> String { Double(text).map { Format.value($0, unit: unit) } ?? text }
            let per = metric.period.map { " " + $0.value.words } ?? ""
            let name = metric.name != nil ? prose("\(path).name", metric.name?.value) ?? "" : metric.displayName
            return MetricRow(
                name: MarkdownText.cell(name),
                target: metric.target.map { redline.value("\(path).target", display: Format.value($0.value, unit: unit), format: amount) + per }
                    ?? "no target",
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
        statement = MarkdownText.block(prose("company_legal.statement", us.printedStatement(namesAgreement: partner.namesAgreement)))

        fingerprint = state.fingerprint
        draft = !state.isFullySigned
        (appendixTexts, appendix) = CharterView.appendix(context, state: state)
        hasAppendix = !appendix.isEmpty
        let blocks = CharterView.signatureBlocks(context, state: state, appendix: appendix)
        signUs = blocks.current[0]
        signPartner = blocks.current[1]
        hasEmailRow = blocks.current.contains { $0.email != nil }
        hasEvidenceRow = blocks.current.contains { $0.evidence != nil }
        hasFingerprintRow = blocks.current.contains { $0.signedFingerprint != nil }
        superseded = blocks.superseded
        hasSuperseded = !superseded.isEmpty
        signedVersions = CharterView.signedVersions(context, state: state)
        hasSignedVersions = !signedVersions.isEmpty
        findings = draft ? context.diagnostics.filter { $0.severity == .error }.map {
            FindingLine(text: MarkdownText.inline(MarkdownText.escape("\($0.message) [\($0.rule.id)]")))
        } : []
        hasFindings = !findings.isEmpty
    }

    /// The line an ended partnership's charter opens with: when it ended, or
    /// when it ends while that date is still ahead of the as-of date.
    static func endedLine(_ partner: Partner, asOf: Day) -> String? {
        guard partner.status?.value == .ended else { return nil }
        guard let day = partner.ended?.value else { return "Ended (the partner file records no date)" }
        return (day > asOf ? "Ends on " : "Ended on ") + Format.date(day)
    }

    /// A fingerprint from the partner file in Markdown: a code span when it
    /// is well formed (so it reads as `sha256sum` prints it), escaped text otherwise.
    static func code(_ fingerprint: String) -> String {
        Fingerprint.isWellFormed(fingerprint) ? "`\(fingerprint)`" : MarkdownText.escape(fingerprint)
    }

    /// Each party's block: a valid signature; or a superseded one above a
    /// fresh block; or a fresh block naming who signs (the signatory, else
    /// the executive sponsor). A typed entry says it is only a record; an SSH
    /// one says whether OpenSSH verified it and points to its appendix entry.
    static func signatureBlocks(_ context: DocumentContext, state: SignatureState, appendix: [AppendixEntry])
        -> (current: [SignatureBlock], superseded: [SignatureBlock]) {
        let items = context.partner.signatures?.items ?? []
        let pairs = Party.allCases.map { party -> (current: SignatureBlock, superseded: SignatureBlock?) in
            let entry = state[party]
            let side = context.side(party)
            func block(_ signature: Signature, valid: Bool) -> SignatureBlock {
                let index = items.firstIndex { $0.at == signature.at }
                let outcome = index.flatMap { context.sshVerifications[$0] }
                let verifiedKey = index.flatMap { context.sshVerifications.verifiedKey($0) }
                let ref = valid ? appendix.first { $0.entry == index }?.ref : nil
                var standing: String
                let how: String
                switch (valid, outcome) {
                case (false, _):
                    standing = "Superseded: signed an earlier text; it does not cover this one"
                    how = "Given to an earlier text (listed under Signed versions)"
                case (true, nil):
                    standing = "Recorded as signed (typed; no signature attached)"
                    how = "None attached: the partner file records it"
                case (true, .verified(let key)?):
                    standing = "Signed with an SSH key and verified"
                    how = "SSH signature, verified with key `\(key)` (OpenSSH)" + (ref.map { "; Appendix \($0) shows how to check it" } ?? "")
                case (true, .failed(let reason)?):
                    standing = "Recorded with an SSH signature that does not verify: \(reason)"
                    how = "SSH signature, not verified"
                case (true, .unbound(_, let reason)?):
                    standing = "Recorded with an SSH signature that is not bound to this signatory: \(reason)"
                    how = "SSH signature, not bound to this signatory"
                }
                if valid && signature.form == .one {
                    standing += ". Made over canonical form 1, which does not cover the go/no-go thresholds, the signatories, the legal terms or the charter's wording"
                }
                return SignatureBlock(side: side, name: MarkdownText.cell(signature.name?.value), title: MarkdownText.cell(signature.title?.value),
                                      email: signature.email.map { MarkdownText.cell($0.value) }, emailVerified: verifiedKey != nil,
                                      date: signature.date.map { Format.date($0.value) } ?? "", standing: MarkdownText.cell(standing),
                                      evidence: signature.evidence.map { MarkdownText.cell($0.value) },
                                      signedFingerprint: signature.fingerprint.map { code($0.value) }, formOne: signature.form == .one,
                                      signed: valid, superseded: !valid, verifiedKey: verifiedKey.map { "`\($0)`" }, appendixRef: ref,
                                      signature: MarkdownText.cell(how))
            }
            if let signature = entry.signature, entry.standing == .valid {
                return (block(signature, valid: true), nil)
            }
            let signatory = context.partner.signatories?[party]
            let fresh = SignatureBlock(
                side: side,
                name: MarkdownText.cell(signatory?.name?.value ?? context.partner.contacts?.sponsors?[party]?.value),
                title: MarkdownText.cell(signatory?.title?.value), email: signatory?.email.map { MarkdownText.cell($0.value) },
                emailVerified: false, date: "", standing: "To be signed", evidence: nil,
                signedFingerprint: nil, formOne: false, signed: false, superseded: false, verifiedKey: nil, appendixRef: nil,
                signature: "")
            return (fresh, entry.signature.map { block($0, valid: false) })
        }
        return (pairs.map(\.current), pairs.compactMap(\.superseded))
    }

    /// The verification appendix: the text signed (once per canonical
    /// form in use), then one entry per SSH signature that covers this
    /// charter and that OpenSSH verified, with the public key allowed_signers
    /// lists for it. An entry whose email, key or armor holds anything but
    /// the characters those can hold is left out: the commands printed must
    /// be safe to paste into a shell.
    static func appendix(_ context: DocumentContext, state: SignatureState) -> ([AppendixText], [AppendixEntry]) {
        var found: [(index: Int, signature: Signature, party: Party, key: String, publicKey: String, email: String, armored: String)] = []
        for (index, signature) in (context.partner.signatures?.items ?? []).enumerated() {
            guard let party = signature.party?.value, state[party].signature?.at == signature.at, state[party].standing == .valid,
                  let key = context.sshVerifications.verifiedKey(index), let publicKey = context.sshVerifications.publicKeys[index],
                  let email = signature.email.map({ Trim.whitespace($0.value) }), ShellSafe.email(email),
                  ShellSafe.publicKey(publicKey), let armored = signature.ssh?.signature.map({ Trim.whitespace($0.value) }),
                  ShellSafe.armor(armored) else { continue }
            found.append((index, signature, party, key, publicKey, email, armored))
        }
        let forms = CanonicalVersion.allCases.filter { form in found.contains { $0.signature.form == form } }
        var texts: [CanonicalVersion: AppendixText] = [:]
        for form in forms.reversed() {
            guard let fingerprint = state.fingerprint(form) else { continue }
            let canonical = Data(CanonicalForm.text(of: context.partner, frame: context.frame, form: form).utf8)
            texts[form] = AppendixText(ref: "A.\(texts.count + 1)", form: form.rawValue, fingerprint: fingerprint,
                                       file: forms.count == 1 ? "charter.json" : "charter-form\(form.rawValue).json",
                                       canonical: ShellSafe.lines(canonical.base64EncodedString(), width: 76))
        }
        let entries = found.compactMap { item -> AppendixEntry? in
            guard let text = texts[item.signature.form] else { return nil }
            return AppendixEntry(entry: item.index, ref: "", name: MarkdownText.inline(item.signature.name?.value),
                                 side: context.side(item.party), date: item.signature.date.map { Format.date($0.value) } ?? "",
                                 email: item.email, publicKey: item.publicKey, key: item.key, textRef: text.ref, file: text.file,
                                 allowedSigners: "\(item.email) namespaces=\"\(Signatures.sshNamespace)\" \(item.publicKey)",
                                 armor: item.armored)
        }
        let ordered = texts.values.sorted { $0.ref < $1.ref }
        return (ordered, entries.enumerated().map { offset, entry in
            var numbered = entry
            numbered.ref = "A.\(ordered.count + offset + 1)"
            return numbered
        })
    }

    /// Every earlier text signed (a fingerprint the current charter does not
    /// carry in its signer's form), with who signed it and when.
    static func signedVersions(_ context: DocumentContext, state: SignatureState) -> [SignedVersion] {
        var order: [String] = []
        var signers: [String: [String]] = [:]
        for signature in context.partner.signatures?.items ?? [] {
            guard let fingerprint = signature.fingerprint?.value, !state.covers(signature) else { continue }
            if signers[fingerprint] == nil { order.append(fingerprint) }
            let name = signature.name?.value ?? "someone"
            let date = signature.date.map { " on \(Format.date($0.value))" } ?? ""
            signers[fingerprint, default: []].append("\(name) for \(context.side(signature.party?.value ?? .us))\(date)")
        }
        return order.map { SignedVersion(fingerprint: code($0), signers: MarkdownText.inline(signers[$0]!.joined(separator: "; "))) }
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
                return ChangeGroup(signers: signers, amended: nil, rows: [], note: "The partner file's history was not searched.")
            }
            let (diff, _, amended, note) = texts.changes(since: signatures[0], of: context.partner, frame: context.frame)
            // The most recent signed text is the one marked in place.
            if let diff, redline.isEmpty { redline = Redline(diff) }
            let headings = CharterHeadings(company: context.company, partnerName: context.partnerName, partner: context.partner)
            // Values as the charter prints them where it is plain how: dates in words.
            func printed(_ value: String) -> String { MarkdownText.cell(Day(value).map(Format.date) ?? value) }
            let rows = (diff?.changes ?? []).map {
                // Marked as the text below is: struck and inserted, each announced to a screen reader.
                ChangeRow(heading: MarkdownText.escape(headings.heading($0.path)), old: $0.old.map { Redline.removed(printed($0)) },
                          new: $0.new.map { Redline.added(printed($0)) })
            }
            return ChangeGroup(signers: signers,
                               amended: diff == nil ? nil : amended.map { "on \(Format.date($0))" } ?? "in changes not yet committed",
                               rows: rows, note: diff == nil ? "What changed cannot be shown: \(note ?? "unknown")." : nil)
        }
        return (groups, redline)
    }
}

/// Checks that what the verification appendix prints inside shell commands
/// holds only the characters such a value can hold, so a partner file
/// cannot turn the commands a reader pastes into anything else.
enum ShellSafe {
    /// An email of letters, digits and `@._+-` only (printed in single quotes).
    static func email(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "@._+-".utf8.contains(byte)
        } && text.contains("@")
    }

    /// `type base64`: a key type of `[a-z0-9@.-]` and a base64 blob.
    static func publicKey(_ text: String) -> Bool {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return false }
        return parts[0].utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || "@.-".utf8.contains($0) }
            && base64(parts[1])
    }

    /// An armored SSH signature: the BEGIN line, base64 lines, the END line.
    static func armor(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.count >= 3, lines.first == "-----BEGIN SSH SIGNATURE-----", lines.last == "-----END SSH SIGNATURE-----" else {
            return false
        }
        return lines.dropFirst().dropLast().allSatisfy { !$0.isEmpty && base64($0) }
    }

    static func base64<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || "+/=".utf8.contains(byte)
        }
    }

    /// `text` broken into lines of `width`.
    static func lines(_ text: String, width: Int) -> String {
        var out: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            out.append(rest.prefix(width))
            rest = rest.dropFirst(width)
        }
        return out.joined(separator: "\n")
    }
}
