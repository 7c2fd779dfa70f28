import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookOutput

/// The review cycle by command (SPEC 23): each edits one partner file in
/// place, leaving every other byte (comments included) as it was, and is
/// all or nothing: the edited text is read back and must say what was meant,
/// with the charter's signed terms and the signatures untouched, before the
/// file is replaced (its mode and owner kept). Doing the same thing twice
/// changes nothing the second time.
///
/// - `plan`: adds a planned review (its period and date).
/// - `hold`: marks a review held (dated on or before the day it was held)
///   and adds its decisions and risks.
/// - `commitmentDone`: marks a commitment a review made as done (`(done) `
///   before its text, in the review that made it).
/// - `gate`: records a phase's result and go/no-go in `phases`.
package enum ReviewCycle {
    package struct RiskEntry: Sendable {
        package var risk: String
        package var owner: String
        package init(risk: String, owner: String) {
            self.risk = risk
            self.owner = owner
        }
    }

    package enum Action: Sendable {
        /// Periods as given (`2026-Q4`, `FY2027-Q1`, `2026-11`), read in the program's year.
        case plan(date: Day, period: String?)
        case hold(period: String, date: Day?, decisions: [String], risks: [RiskEntry])
        case commitmentDone(text: String)
        case gate(phase: Phase, result: Double?, baseline: Double?, invited: Int?, adopted: Int?, decision: GateDecision?)
    }

    package struct Outcome: Sendable {
        /// Relative to the content folder.
        package var file: String
        package var before: String
        package var after: String
        /// What was done, in words ("planned the 2027-Q1 review for 14 April 2027").
        package var summary: String
        package var changed: Bool { before != after }
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// One edit of the text, given the text parsed as it stands; positions shift
    /// after each, so the text is parsed again before the next.
    typealias Step = (inout YAMLText, YNode) throws -> Void

    /// - Parameters:
    ///   - asOf: `--as-of`; a review held with no `--date` is dated on it, else program.yaml's `as_of`, else `today`
    ///     (so the documents built for that day see it held).
    package static func apply(_ action: Action, to id: String, content: URL, asOf: Day?, today: Day,
                              dryRun: Bool = false) throws -> Outcome {
        let root = try ContentLoader.contentRoot(content)
        let file = ContentPaths.partnerFile(id)
        let url = content.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Failure(description: "no partner '\(id)': \(file) does not exist in the content folder")
        }
        guard case .success(let data) = ContentFile.read(url.path, root: root.path, inRealFolder: false),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "cannot read \(file)")
        }
        let program = ContentLoader.loadProgram(root: root).program
        let calendar = program.calendar
        let context = LoadContext(file: file, calendar: calendar)
        guard let node = YAMLFile.parse(data, context: context) else {
            throw Failure(description: "\(file) cannot be parsed; fix it first (see partnerbook check)")
        }
        let partner = PartnerLoader.load(node, id: id, context: context)
        let (steps, summary, expect) = try plan(action, partner: partner, asOf: asOf ?? program.asOf?.value ?? today, calendar: calendar)

        var edited = YAMLText(text)
        for (index, step) in steps.enumerated() {
            // The first edit works on the file as read; each later one on the text the one before left.
            guard let current = index == 0 ? node : YAMLFile.parse(Data(edited.text.utf8), context: LoadContext(file: file, calendar: calendar)) else {
                throw Failure(description: "internal check failed: an edit would not parse; nothing was written")
            }
            do {
                try step(&edited, current)
            } catch let unsupported as YAMLList.Unsupported {
                throw Failure(description: "\(file): \(unsupported.description)")
            }
        }
        let after = edited.text
        try check(after, before: partner, file: file, id: id, program: program, expect: expect)
        if !dryRun && after != text {
            do {
                try FileReplacement.replace([FileReplacement.Change(path: url.path, data: Data(after.utf8))], root: root)
            } catch {
                throw Failure(description: "cannot write \(file): \(error)")
            }
        }
        return Outcome(file: file, before: text, after: after, summary: after == text ? "nothing to change: \(summary) already" : summary)
    }

    /// The edited file read back: it parses, the signed terms and signatures
    /// are as they were, no review went missing, and `expect` holds.
    private static func check(_ text: String, before: Partner, file: String, id: String, program: Program,
                              expect: @escaping (Partner) -> Bool) throws {
        let context = LoadContext(file: file, calendar: program.calendar)
        guard let node = YAMLFile.parse(Data(text.utf8), context: context) else {
            throw Failure(description: "internal check failed: the edited file would not parse; nothing was written")
        }
        let after = PartnerLoader.load(node, id: id, context: context)
        let frame = program.charterFrame(template: "")
        guard expect(after), Fingerprint.of(after, frame: frame) == Fingerprint.of(before, frame: frame),
              (after.signatures?.items.count ?? 0) == (before.signatures?.items.count ?? 0),
              (after.reviews?.items.count ?? 0) >= (before.reviews?.items.count ?? 0) else {
            throw Failure(description: "internal check failed: the edited file would not read back as meant; nothing was written")
        }
    }

    // MARK: - The steps of each action

    private static func plan(_ action: Action, partner: Partner, asOf: Day,
                             calendar: FiscalCalendar) throws -> ([Step], String, (Partner) -> Bool) {
        func resolve(_ text: String) throws -> Period {
            guard let period = calendar.period(text) else { throw Failure(description: calendar.notAPeriod(text)) }
            return period
        }
        switch action {
        case .plan(let date, let period):
            return try planReview(partner, date: date, period: try period.map(resolve), calendar: calendar)
        case .hold(let period, let date, let decisions, let risks):
            return try holdReview(partner, period: try resolve(period), date: date ?? asOf, decisions: decisions, risks: risks)
        case .commitmentDone(let text):
            return try markDone(partner, text: text)
        case .gate(let phase, let result, let baseline, let invited, let adopted, let decision):
            return try recordGate(partner, phase: phase, result: result, baseline: baseline, invited: invited, adopted: adopted, decision: decision)
        }
    }

    /// The period a new review is for: the one after the latest review's; with none, the one the date falls in.
    static func nextPeriod(_ partner: Partner, date: Day, calendar: FiscalCalendar) -> Period {
        let monthly = partner.charter?.measurement?.cadence == .monthly
        if let latest = (partner.reviews?.items ?? []).compactMap({ $0.period?.value }).max() { return latest.next }
        return monthly ? .month(date.calendarMonth) : .quarter(calendar.quarter(containing: date))
    }

    /// A partner reviewed monthly has reviews of months; one reviewed quarterly, of quarters.
    private static func requireCadence(_ partner: Partner, _ period: Period, verb: String) throws {
        let monthly = partner.charter?.measurement?.cadence == .monthly
        guard period.isMonth == monthly else {
            throw Failure(description: "\(partner.displayName) is reviewed \(monthly ? "monthly: \(verb) a month (YYYY-MM)" : "quarterly: \(verb) a quarter (YYYY-Qn)"), not \(period)")
        }
    }

    private static func review(_ period: Period, in partner: Partner) -> Review? {
        partner.reviews?.items.first { $0.period?.value == period }
    }

    private static func planReview(_ partner: Partner, date: Day, period: Period?,
                                   calendar: FiscalCalendar) throws -> ([Step], String, (Partner) -> Bool) {
        // Without --period, a review already planned for that day is the one meant (planning twice changes nothing).
        let sameDay = partner.reviews?.items.first { $0.date?.value == date }?.period?.value
        let period = period ?? sameDay ?? nextPeriod(partner, date: date, calendar: calendar)
        try requireCadence(partner, period, verb: "plan")
        let summary = "planned the \(period) review of \(partner.displayName) for \(Format.date(date))"
        if let existing = review(period, in: partner) {
            if existing.date?.value == date { return ([], summary, { _ in true }) }
            throw Failure(description: "\(partner.displayName) already has a \(period) review"
                          + (existing.date.map { " dated \(Format.date($0.value))" } ?? "") + "; edit its date in the file, or plan another period with --period")
        }
        let step: Step = { text, root in try ReviewWriter.appendReview(period, date: date, to: &text, root: root) }
        return ([step], summary, { self.review(period, in: $0)?.date?.value == date })
    }

    private static func holdReview(_ partner: Partner, period: Period, date: Day, decisions: [String],
                                   risks: [RiskEntry]) throws -> ([Step], String, (Partner) -> Bool) {
        let existing = review(period, in: partner)
        if existing == nil { try requireCadence(partner, period, verb: "hold") }
        var steps: [Step] = []
        if existing == nil {
            steps.append { text, root in try ReviewWriter.appendReview(period, date: date, to: &text, root: root) }
        } else if existing?.date.map({ $0.value > date }) ?? true {
            // Planned for a later day (or undated): held on `date`.
            steps.append { text, root in try YAMLMapping.set(["date"], to: "\(date)", in: try item(period, root), text: &text) }
        }
        let heldOn = existing?.date.map { min($0.value, date) } ?? date
        let newDecisions = decisions.filter { decision in !(existing?.decisions.contains { $0.value == decision } ?? false) }
        for decision in newDecisions {
            steps.append { text, root in
                try YAMLMapping.append(to: "decisions", in: try item(period, root), block: [YAMLMapping.scalar(decision)],
                                       flow: YAMLMapping.scalar(decision), text: &text)
            }
        }
        let newRisks = risks.filter { entry in !(existing?.risks.contains { $0.risk?.value == entry.risk } ?? false) }
        for entry in newRisks {
            let flow = "{ risk: \(YAMLMapping.scalar(entry.risk)), owner: \(YAMLMapping.scalar(entry.owner)) }"
            steps.append { text, root in
                try YAMLMapping.append(to: "risks", in: try item(period, root), block: [flow], flow: flow, text: &text)
            }
        }
        var summary = "held the \(period) review of \(partner.displayName) on \(Format.date(heldOn))"
        if !decisions.isEmpty { summary += ", \(decisions.count) decision\(decisions.count == 1 ? "" : "s")" }
        if !risks.isEmpty { summary += ", \(risks.count) risk\(risks.count == 1 ? "" : "s")" }
        return (steps, summary, { edited in
            guard let held = self.review(period, in: edited), held.date?.value == heldOn else { return false }
            return decisions.allSatisfy { d in held.decisions.contains { $0.value == d } }
                && risks.allSatisfy { r in held.risks.contains { $0.risk?.value == r.risk && $0.owner?.value == r.owner } }
        })
    }

    /// The review item of `period` in the text as it now parses.
    private static func item(_ period: Period, _ root: YNode) throws -> YNode {
        guard let node = ReviewWriter.reviewItem(for: period, in: root), node.isMapping else {
            throw YAMLList.Unsupported(description: "the \(period) review is not a mapping")
        }
        return node
    }

    private static func markDone(_ partner: Partner, text wanted: String) throws -> ([Step], String, (Partner) -> Bool) {
        // Every commitment a review made, latest review first.
        var found: [(period: Period, side: Party, text: String, done: Bool)] = []
        for review in (partner.reviews?.items ?? []).reversed() {
            guard let period = review.period?.value else { continue }
            for side in [Party.us, .partner] {
                for item in review.commitments?[side] ?? [] {
                    let mark = CommitmentMark.parse(item.value)
                    found.append((period, side, mark.text, mark.done))
                }
            }
        }
        let key = NameKey.of(wanted)
        var matches = found.filter { NameKey.of($0.text) == key }
        if matches.isEmpty { matches = found.filter { NameKey.of($0.text).contains(key) } }
        let distinct = Set(matches.map(\.text))
        guard let match = matches.first else {
            let open = found.filter { !$0.done }.map { "'\($0.text)'" }
            throw Failure(description: "no commitment of \(partner.displayName) reads '\(wanted)'"
                          + (open.isEmpty ? "; it has no open commitments" : "; open: \(open.joined(separator: ", "))"))
        }
        guard distinct.count == 1 else {
            throw Failure(description: "'\(wanted)' matches \(distinct.count) commitments of \(partner.displayName): \(distinct.sorted().map { "'\($0)'" }.joined(separator: ", ")); give more of the text")
        }
        // The latest review that lists it; marked there (where an earlier review's copy is still open, the latest wins).
        let summary = "marked done: '\(match.text)' (\(match.side == .us ? "ours" : "the partner's"), from the \(match.period) review of \(partner.displayName))"
        if match.done { return ([], summary, { _ in true }) }
        let step: Step = { text, root in
            guard let node = try item(match.period, root)["commitments"]?[match.side.rawValue],
                  let entry = node.items.first(where: { $0.text.map { CommitmentMark.parse($0).text == match.text && !CommitmentMark.parse($0).done } ?? false }) else {
                throw YAMLList.Unsupported(description: "cannot find '\(match.text)' in the \(match.period) review")
            }
            let mark = entry.position
            let quote = text.character(at: mark)
            text.insert("(done) ", line: mark.line - 1, column: mark.column - 1 + (quote == "\"" || quote == "'" ? 1 : 0))
        }
        return ([step], summary, { edited in
            self.review(match.period, in: edited)?.commitments?[match.side]?.contains {
                let mark = CommitmentMark.parse($0.value)
                return mark.text == match.text && mark.done
            } ?? false
        })
    }

    private static func recordGate(_ partner: Partner, phase: Phase, result: Double?, baseline: Double?, invited: Int?, adopted: Int?,
                                   decision: GateDecision?) throws -> ([Step], String, (Partner) -> Bool) {
        var values: [(key: String, text: String)] = []
        switch phase {
        case .crawl:
            if let baseline { values.append(("baseline", ReviewWriter.text(baseline))) }
            if let result { values.append(("result", ReviewWriter.text(result))) }
        case .walk:
            if let invited { values.append(("invited", String(invited))) }
            if let adopted { values.append(("adopted", String(adopted))) }
        case .run:
            throw Failure(description: "gate records crawl and walk; write the run phase's invested and returned in phases.run")
        }
        if let decision { values.append(("decision", decision.rawValue)) }
        guard !values.isEmpty else { throw Failure(description: "nothing to record: give --result, --adopted or --decision") }
        let steps: [Step] = values.map { value in
            { text, root in try YAMLMapping.set(["phases", phase.rawValue, value.key], to: value.text, in: root, text: &text, isDocument: true) }
        }
        let summary = "recorded the \(phase.rawValue) gate of \(partner.displayName): " + values.map { "\($0.key) \($0.text)" }.joined(separator: ", ")
        return (steps, summary, { edited in
            switch phase {
            case .crawl:
                let crawl = edited.phases?.crawl
                return (result == nil || crawl?.result?.value == result) && (baseline == nil || crawl?.baseline?.value == baseline)
                    && (decision == nil || crawl?.decision?.value == decision)
            default:
                let walk = edited.phases?.walk
                return (adopted == nil || walk?.adopted?.value == adopted) && (invited == nil || walk?.invited?.value == invited)
                    && (decision == nil || walk?.decision?.value == decision)
            }
        })
    }
}
