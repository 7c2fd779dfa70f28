import PartnerbookModel
import PartnerbookSupport
/// Reads the `charter` section: goals, value exchange, timeline, measurement, governance.
public enum CharterLoader {
    static let keys = ["goals", "value_exchange", "timeline", "measurement", "governance",
                       "effective", "term", "agreement", "sections"]

    public static func load(_ fields: Fields) -> Charter {
        var charter = sections(fields)
        charter.effective = fields.day("effective")
        charter.term = fields.text("term")
        charter.agreement = fields.text("agreement")
        charter.sections = fields.items("sections").map { list in
            list.value.enumerated().compactMap { index, item -> CharterSection? in
                guard let section = Fields(item.node, at: item.at, path: "\(fields.qualified("sections"))[\(index + 1)]",
                                           known: ["title", "text"], context: fields.context) else { return nil }
                section.require("title")
                section.require("text")
                return CharterSection(at: item.at, title: section.text("title"), text: section.text("text"))
            }
        } ?? []
        return charter
    }

    /// The five sections every charter has.
    private static func sections(_ fields: Fields) -> Charter {
        Charter(
            at: fields.at,
            goals: fields.fields("goals", known: ["us", "partner", "customers"]).map {
                Goals(at: $0.at, us: $0.text("us"), partner: $0.text("partner"), customers: $0.text("customers"))
            },
            valueExchange: fields.fields("value_exchange", known: ["we_give", "partner_gives", "balance"]).map {
                ValueExchange(at: $0.at, weGive: $0.textList("we_give"), partnerGives: $0.textList("partner_gives"),
                              balance: $0.text("balance"))
            },
            timeline: fields.fields("timeline", known: Phase.allCases.map(\.rawValue)).map(timeline),
            measurement: fields.fields("measurement", known: ["metrics", "tracking", "review_cadence"]).map(measurement),
            governance: fields.fields("governance", known: ["owners", "escalation", "exit_criteria"]).map {
                Governance(at: $0.at, owners: PartnerLoader.textPair($0.fields("owners", known: ["us", "partner"])),
                           escalation: $0.textList("escalation"), exitCriteria: $0.textList("exit_criteria"))
            }
        )
    }

    private static func timeline(_ fields: Fields) -> Timeline {
        func plan(_ phase: Phase, known: [String]) -> PhasePlan? {
            fields.fields(phase.rawValue, known: known).map {
                PhasePlan(at: $0.at, start: $0.day("start"), end: $0.day("end"), scope: $0.text("scope"),
                          deliverables: $0.textList("deliverables")?.value ?? [], metric: $0.text("metric"))
            }
        }
        return Timeline(
            at: fields.at,
            crawl: plan(.crawl, known: ["start", "end", "scope", "deliverables", "metric"]),
            walk: plan(.walk, known: ["start", "end", "scope", "deliverables"]),
            run: plan(.run, known: ["start", "scope", "deliverables"])
        )
    }

    static let metricKeys = ["id", "name", "unit", "target", "direction", "weight", "due", "baseline", "counts_toward", "period"]

    private static func measurement(_ fields: Fields) -> Measurement {
        let metrics = fields.items("metrics").map { list in
            Located(list.value.enumerated().compactMap { index, item -> Metric? in
                guard let m = Fields(item.node, at: item.at, path: "\(fields.qualified("metrics"))[\(index + 1)]",
                                     known: metricKeys, context: fields.context) else { return nil }
                m.require("id")
                var metric = Metric(at: item.at, id: m.text("id"), name: m.text("name"), unit: m.text("unit"),
                                    target: m.number("target"), due: m.day("due"), baseline: m.number("baseline"),
                                    countsToward: m.choice("counts_toward"), period: m.choice("period"))
                if let direction: Located<Direction> = m.choice("direction") { metric.direction = direction.value }
                if let weight = m.number("weight") {
                    if weight.value < 0 {
                        fields.context.report(.schemaType, at: weight.at, "\(m.qualified("weight")) must not be negative")
                    } else {
                        metric.weight = weight.value
                    }
                }
                return metric
            }, at: list.at)
        }
        return Measurement(at: fields.at, metrics: metrics, tracking: fields.text("tracking"),
                           reviewCadence: fields.choice("review_cadence"))
    }
}
