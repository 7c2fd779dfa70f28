import PartnerbookModel
import PartnerbookSupport
/// The five charter sections and what each must contain:
/// `charter.section-missing`, `charter.goals.party`, `charter.value-exchange.one-sided`,
/// `charter.measurement.no-target`, `charter.governance.*`.
public enum CharterRules: PartnerRules {
    public static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings) {
        let charter = partner.charter
        let charterAt = charter?.at ?? .start

        func missing(_ key: String, present: SourcePosition?, _ what: String) {
            findings.report(.charterSectionMissing, at: present ?? charterAt,
                            present == nil ? "charter has no \(key) section (\(what))"
                                           : "charter.\(key) is empty (\(what))")
        }

        if let goals = charter?.goals, !isEmpty(goals) {
            for (party, goal) in [("us", goals.us), ("partner", goals.partner), ("shared customers", goals.customers)] where goal.isBlank {
                findings.report(.charterGoalsParty, at: goals.at,
                                "charter.goals does not say what success looks like for \(party)")
            }
        } else {
            missing("goals", present: charter?.goals?.at, "what success looks like for us, the partner and customers")
        }

        if let exchange = charter?.valueExchange, !isEmpty(exchange) {
            for (key, list) in [("we_give", exchange.weGive), ("partner_gives", exchange.partnerGives)] where nonBlank(list?.value).isEmpty {
                let who = key == "we_give" ? "what we give" : "what the partner gives"
                findings.report(.charterValueExchangeOneSided, at: list?.at ?? exchange.at,
                                "charter.value_exchange.\(key) is empty: a partnership needs \(who) written down")
            }
        } else {
            missing("value_exchange", present: charter?.valueExchange?.at, "what each side gives")
        }

        if charter?.timeline.map({ !$0.isEmpty }) != true {
            missing("timeline", present: charter?.timeline?.at, "the crawl, walk and run phases")
        }

        if let measurement = charter?.measurement, !measurement.isEmpty {
            let metrics = measurement.metrics?.value ?? []
            if metrics.isEmpty {
                findings.report(.charterMeasurementNoTarget, at: measurement.metrics?.at ?? measurement.at,
                                "charter.measurement defines no metric; name at least one with a target")
            }
            for metric in metrics where metric.target == nil {
                findings.report(.charterMeasurementNoTarget, at: metric.at,
                                "metric '\(metric.displayName)' has no target")
            }
        } else {
            missing("measurement", present: charter?.measurement?.at, "the metrics, how they are tracked, how often reviewed")
        }

        if let governance = charter?.governance, !isEmpty(governance) {
            for party in Party.allCases where (governance.owners?[party]).isBlank {
                findings.report(.charterGovernanceOwners, at: governance.owners?.at ?? governance.at,
                                "charter.governance names no decision owner for \(party == .us ? "us" : "the partner")")
            }
            if nonBlank(governance.exitCriteria?.value).isEmpty {
                findings.report(.charterGovernanceExitCriteria, at: governance.exitCriteria?.at ?? governance.at,
                                "charter.governance has no exit criteria: say what would end the partnership")
            }
            if nonBlank(governance.escalation?.value).isEmpty {
                findings.report(.charterGovernanceEscalation, at: governance.escalation?.at ?? governance.at,
                                "charter.governance has no escalation path for disputes")
            }
        } else {
            missing("governance", present: charter?.governance?.at, "owners, escalation and exit criteria")
        }
    }

    private static func nonBlank(_ list: [Located<String>]?) -> [Located<String>] {
        (list ?? []).filter { !$0.value.isBlank }
    }

    private static func isEmpty(_ goals: Goals) -> Bool {
        goals.us.isBlank && goals.partner.isBlank && goals.customers.isBlank
    }

    private static func isEmpty(_ exchange: ValueExchange) -> Bool {
        nonBlank(exchange.weGive?.value).isEmpty && nonBlank(exchange.partnerGives?.value).isEmpty && exchange.balance.isBlank
    }

    private static func isEmpty(_ governance: Governance) -> Bool {
        (governance.owners?.us).isBlank && (governance.owners?.partner).isBlank
            && nonBlank(governance.escalation?.value).isEmpty && nonBlank(governance.exitCriteria?.value).isEmpty
    }
}

extension Rule {
    static let charterSectionMissing = Rule("charter.section-missing")
    static let charterGoalsParty = Rule("charter.goals.party")
    static let charterValueExchangeOneSided = Rule("charter.value-exchange.one-sided")
    static let charterMeasurementNoTarget = Rule("charter.measurement.no-target")
    static let charterGovernanceOwners = Rule("charter.governance.owners")
    static let charterGovernanceExitCriteria = Rule("charter.governance.exit-criteria")
    static let charterGovernanceEscalation = Rule("charter.governance.escalation", .warning)
}

extension CharterRules {
    /// The rules this family checks, with their documentation.
    public static let rules: [RuleInfo] = [
        RuleInfo(.charterSectionMissing,
                 summary: "One of the five charter sections (goals, value_exchange, timeline, measurement, governance) is missing or empty; one finding per section.",
                 why: "The playbook's charter has five sections; a partnership without one of them has not agreed on something both sides will later dispute.",
                 fix: "Write the section; `partnerbook new` shows every section with placeholders.",
                 example: "charter:\n  goals: { us: ..., partner: ..., customers: ... }\n  # no value_exchange, timeline, measurement or governance"),
        RuleInfo(.charterGoalsParty,
                 summary: "charter.goals lacks what success looks like for us, the partner or shared customers.",
                 why: "The value proposition is three-sided: a partnership that does not say what customers get rarely lasts.",
                 fix: "Write the missing goal.",
                 example: "charter:\n  goals: { us: More revenue, partner: More revenue }"),
        RuleInfo(.charterValueExchangeOneSided,
                 summary: "charter.value_exchange.we_give or partner_gives is empty.",
                 why: "Value flows both ways or the partnership is a favour: both lists must be written down.",
                 fix: "List what each side gives.",
                 example: "charter:\n  value_exchange: { we_give: [ Engineering time ], partner_gives: [] }"),
        RuleInfo(.charterMeasurementNoTarget,
                 summary: "charter.measurement defines no metric, or a metric has no target.",
                 why: "Without a target nobody can tell whether the partnership works; every scorecard figure is measured against it.",
                 fix: "Give each metric a target (and a due date to judge it against its pace).",
                 example: "metrics:\n  - { id: sourced_revenue, name: Partner-sourced revenue, unit: USD }"),
        RuleInfo(.charterGovernanceOwners,
                 summary: "charter.governance.owners names no decision owner for one side.",
                 why: "Decisions need an owner on each side, or they stall between the two companies.",
                 fix: "Name an owner for us and for the partner.",
                 example: "governance:\n  owners: { us: Dana Ruiz }"),
        RuleInfo(.charterGovernanceExitCriteria,
                 summary: "charter.governance has no exit criteria.",
                 why: "Saying up front what would end the partnership is what keeps it from running on as sunk cost.",
                 fix: "List the conditions under which either side ends it.",
                 example: "governance:\n  owners: { us: Dana Ruiz, partner: Sam Okafor }\n  exit_criteria: []"),
        RuleInfo(.charterGovernanceEscalation,
                 summary: "charter.governance has no escalation path.",
                 why: "Disputes come; an agreed path (managers, then sponsors) keeps them from ending the partnership.",
                 fix: "List the escalation steps in order.",
                 example: "governance:\n  escalation: []"),
    ]
}
