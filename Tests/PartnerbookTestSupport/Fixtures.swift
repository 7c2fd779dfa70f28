import Foundation
import Testing
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// Test content: a complete partner that breaks no rule, and helpers to break it one rule at a time.
package enum Fixtures {
    package static let asOf = Day("2026-11-20")!

    package static let program = """
    name: Test Program
    company: Northwind Analytics
    """

    /// A partner in run that passes every rule at `asOf`: the body below,
    /// signed by both parties over canonical form 2 against its current charter.
    package static let partner = partnerBody + """

    signatures:
      - { party: us, name: Dana Ruiz, title: Director, date: 2025-01-08, canonical: 2, fingerprint: "\(fingerprint)" }
      - { party: partner, name: Sam Okafor, title: VP Alliances, date: 2025-01-10, canonical: 2, fingerprint: "\(fingerprint)" }
    """

    /// What the fixture's charters are signed under: the test program with
    /// the built-in charter template (what a build without Templates/ uses).
    package static let frame = testProgram.charterFrame(template: CharterWording.builtIn)

    /// The fixture's charter fingerprint over form 2 (it changes with the
    /// built-in charter template, so it is computed, not pinned).
    package static let fingerprint = load(partnerBody).0.map { Fingerprint.of($0, frame: frame, form: .two) } ?? "sha256:none"

    /// Its fingerprint over form 1, which the signatures made before form 2 carry.
    package static let formOneFingerprint = load(partnerBody).0.map { Fingerprint.of($0, frame: frame, form: .one) } ?? "sha256:none"

    /// The partner's legal entity, and the charter's effective date and term:
    /// what `charter.legal-incomplete` asks of a partner in run (section 20).
    package static let legalBlock = """
    legal:
      entity: Acme Cloud Inc.
      address: 1 Main Street, Springfield

    """
    package static let termLines = """
      effective: 2025-01-06
      term: One year, renewed each year unless either side gives 60 days' notice.

    """

    /// The unsigned fixture as it read before section 20 asked for the legal
    /// frame: the form-1 pin in FingerprintTests was recorded over it.
    package static let partnerBodyWithoutLegalFrame = partnerBody.replacingOccurrences(of: legalBlock, with: "")
        .replacingOccurrences(of: termLines, with: "")

    /// Who signs for each side, with the emails their signatures must carry.
    package static let signatories = """
    signatories:
      us: { email: dana@northwind.example, name: Dana Ruiz, title: Director }
      partner: { email: sam@acme.example, name: Sam Okafor, title: VP Alliances }

    """

    /// The partner without signatures.
    package static let partnerBody = """
    name: Acme Cloud
    tier: strategic
    status: run
    summary: A *good* partner.
    \(legalBlock)profile:
      engineering_resources: false
      marquee: true
    contacts:
      us: { name: Dana Ruiz, title: Director, email: dana@northwind.example }
      partner: { name: Sam Okafor, title: VP Alliances, email: sam@acme.example }
      sponsors: { us: Priya Nair, partner: Helen Brandt }
    leverage:
      type: requirement
      evidence: Certification requires us.
    commitments:
      us: [ Two engineers ]
      partner: [ Co-sell budget ]
      if_it_fails: { us: Engineer time, partner: Certification }
    charter:
      goals:
        us: Revenue
        partner: Certification
        customers: One bill
      value_exchange:
        we_give: [ Connector ]
        partner_gives: [ Placement ]
        balance: Yes
      timeline:
        crawl:
          start: 2025-01-13
          end: 2025-03-03
          scope: Two pilots
          deliverables: [ Manual connector ]
          metric: Days to first dashboard
        walk:
          start: 2025-03-10
          end: 2025-05-26
          deliverables: [ Production connector ]
        run:
          start: 2025-06-02
      measurement:
        metrics:
          - { id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }
          - { id: days, name: Days to value, unit: days, target: 7, direction: down }
        tracking: Dashboard
        review_cadence: quarterly
      governance:
        owners: { us: Dana Ruiz, partner: Sam Okafor }
        escalation: [ Managers, Sponsors ]
        exit_criteria: [ Revenue under half of target ]
    \(termLines)phases:
      crawl: { pilot_customers: [ Bluewater ], baseline: 14, result: 10, direction: down, decision: go }
      walk: { invited: 10, adopted: 8, decision: go }
    co_marketing:
      pre_launch: { value_prop: done, case_study: done }
      launch: { press_release: done }
      post_launch: { adoption_tracked: pending }
    \(signatories)reviews:
      - quarter: 2026-Q2
        date: 2026-07-09
        metrics: { revenue: 350000, days: 8 }
        next_review: 2026-10-08
      - quarter: 2026-Q3
        date: 2026-10-08
        metrics: { revenue: 410000, days: 7 }
        next_review: 2027-01-14
    """

    /// `text` with `old` replaced by `new`; a test whose edit matches nothing fails.
    package static func partner(replacing old: String, with new: String, in text: String = partner,
                        sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if !text.contains(old) {
            Issue.record("fixture does not contain \(old)", sourceLocation: sourceLocation)
        }
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The 1-based line and column where `needle` first occurs in `text`,
    /// computed from the text itself (independently of the loader).
    package static func position(of needle: String, in text: String, occurrence: Int = 1) -> SourcePosition {
        var searchStart = text.startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            found = text.range(of: needle, range: searchStart..<text.endIndex)
            guard let match = found else { break }
            searchStart = match.upperBound
        }
        guard let range = found else {
            Issue.record("\(needle) not in text")
            return SourcePosition(line: 0, column: 0)
        }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return SourcePosition(line: line, column: text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
    }

    /// Loads one partner from YAML text.
    package static func load(_ yaml: String, id: String = "acme") -> (Partner?, [Diagnostic]) {
        let context = LoadContext(file: "partners/\(id).yaml", calendar: .calendarYear)
        guard let node = YAMLFile.parse(Data(yaml.utf8), context: context) else { return (nil, context.diagnostics) }
        let partner = PartnerLoader.load(node, id: id, context: context)
        return (partner, context.diagnostics)
    }

    /// `body` (a partner without signatures) signed by both parties against
    /// its own charter, for tests that change signed content on purpose:
    /// over form 2 (`canonical: 2`), or over form 1 as entries made before it.
    /// `id` is the partner's (its file name): form 2 signs it.
    package static func signed(_ body: String, id: String = "acme", form: CanonicalVersion = .two) -> String {
        let (partner, _) = load(body, id: id)
        let fingerprint = partner.map { Fingerprint.of($0, frame: frame, form: form) } ?? "sha256:none"
        let canonical = form == .two ? "canonical: 2, " : ""
        return body + """

        signatures:
          - { party: us, name: Dana Ruiz, title: Director, date: 2025-01-08, \(canonical)fingerprint: "\(fingerprint)" }
          - { party: partner, name: Sam Okafor, title: VP Alliances, date: 2025-01-10, \(canonical)fingerprint: "\(fingerprint)" }
        """
    }

    /// The program the fixture is signed under.
    package static var testProgram: Program {
        var program = Program()
        program.company = Located("Northwind Analytics", at: .start)
        return program
    }

    /// Loads and validates one partner: loader findings plus every rule's.
    package static func check(_ yaml: String, asOf: Day = asOf, program: Program = testProgram) -> [Diagnostic] {
        let (partner, diagnostics) = load(yaml)
        guard let partner else { return diagnostics }
        let frame = program.charterFrame(template: CharterWording.builtIn)
        return (diagnostics + Validator.check(partner, RuleContext(program: program, asOf: asOf, frame: frame)))
            .sorted(by: Diagnostic.ordered)
    }

    /// The diagnostics of one rule.
    package static func check(_ yaml: String, rule: Rule, asOf: Day = asOf) -> [Diagnostic] {
        check(yaml, asOf: asOf).filter { $0.rule == rule }
    }
}

/// A temporary content folder on disk, removed when the test ends.
package final class TemporaryFolder {
    package let url: URL

    package init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("partnerbook-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    package func write(_ path: String, _ text: String) -> URL {
        write(path, Data(text.utf8))
    }

    @discardableResult
    package func write(_ path: String, _ data: Data) -> URL {
        let file = url.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file
    }

    /// A folder holding a content folder `content/` (the test program and the
    /// given partner files), for commands that also write beside it.
    package static func project(_ partners: [String: String], program: String = Fixtures.program) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", program)
        try! FileManager.default.createDirectory(at: folder.url.appendingPathComponent("content/partners"), withIntermediateDirectories: true)
        for (id, text) in partners { folder.write("content/partners/\(id).yaml", text) }
        return folder
    }

    /// A content folder with the test program and the given partner files.
    package static func content(_ partners: [String: String], program: String = Fixtures.program) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("program.yaml", program)
        try! FileManager.default.createDirectory(at: folder.url.appendingPathComponent("partners"), withIntermediateDirectories: true)
        for (id, text) in partners { folder.write("partners/\(id).yaml", text) }
        return folder
    }
}
