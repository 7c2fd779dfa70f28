import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct AlertRankingTests {
    typealias F = Fixtures

    private func diagnostic(_ file: String, _ rule: Rule, _ severity: Severity? = nil, line: Int = 1) -> Diagnostic {
        Diagnostic(rule, file: "partners/\(file).yaml", at: SourcePosition(line: line, column: 1), "\(rule.id) in \(file)",
                   severity: severity)
    }

    private func partner(_ id: String, status: String = "run", tier: String = "strategic") throws -> Partner {
        try #require(F.load(F.partner.replacingOccurrences(of: "status: run", with: "status: \(status)")
            .replacingOccurrences(of: "tier: strategic", with: "tier: \(tier)"), id: id).0)
    }

    @Test func errorsThenDecisionsThenTheRestOneLinePerPartner() throws {
        let partners = [try partner("calm"), try partner("meeting", tier: "integration"), try partner("broken", tier: "integration"),
                        try partner("gone", status: "ended")]
        let diagnostics = [
            diagnostic("calm", .leverageWeak), diagnostic("calm", .tierMismatch),
            diagnostic("meeting", .schemaUnknownKey), diagnostic("meeting", .reviewOverdue, line: 9),
            diagnostic("broken", .charterGovernanceOwners), diagnostic("broken", .reviewOverdue),
            diagnostic("gone", .gateSunkCost),
        ]
        let lines = AlertRanking(partners: partners, diagnostics: diagnostics).lines
        #expect(lines.map(\.partnerID) == ["broken", "meeting", "calm", "gone"])
        #expect(lines.map(\.urgency) == [.error, .decision, .other, .ended])
        #expect(lines[1].top?.rule == "review.overdue", "the overdue review outranks the unknown key before it")
        #expect(lines[1].others == 1)
        #expect(lines[3].top == nil && lines[3].others == 0, "an ended partnership says only that it ended")
    }

    @Test func aHandshakeNeedsAMeetingOnlyInWalkOrRun() throws {
        let inRun = try partner("a"), inCrawl = try partner("b", status: "crawl")
        let diagnostics = [diagnostic("a", .commitmentHandshake, .warning), diagnostic("b", .commitmentHandshake, .warning)]
        let lines = AlertRanking(partners: [inRun, inCrawl], diagnostics: diagnostics).lines
        #expect(lines.map(\.urgency) == [.decision, .other])
    }

    @Test func aStaleSignatureIsAMeeting() throws {
        let lines = AlertRanking(partners: [try partner("a")], diagnostics: [diagnostic("a", .signatureStale, .warning)]).lines
        #expect(lines.first?.urgency == .decision)
    }

    @Test func strategicPartnersComeFirstWithinAnUrgency() throws {
        let partners = [try partner("small", tier: "integration"), try partner("big", tier: "strategic")]
        let lines = AlertRanking(partners: partners,
                                 diagnostics: [diagnostic("small", .leverageWeak), diagnostic("big", .leverageWeak)]).lines
        #expect(lines.map(\.partnerID) == ["big", "small"])
    }
}
