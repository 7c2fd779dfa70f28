import PartnerbookModel
import PartnerbookSupport
/// Reads the pilot results (`phases`) and the co-marketing checklist.
public enum PhasesLoader {
    public static func load(_ fields: Fields) -> Phases {
        Phases(
            at: fields.at,
            crawl: fields.fields("crawl", known: ["pilot_customers", "baseline", "result", "direction", "decision"]).map {
                var crawl = CrawlResult(at: $0.at, pilotCustomers: $0.textList("pilot_customers")?.value ?? [],
                                        baseline: $0.number("baseline"), result: $0.number("result"),
                                        decision: $0.choice("decision"))
                if let direction: Located<Direction> = $0.choice("direction") { crawl.direction = direction.value }
                return crawl
            },
            walk: fields.fields("walk", known: ["invited", "adopted", "decision"]).map {
                WalkResult(at: $0.at, invited: $0.count("invited"), adopted: $0.count("adopted"),
                           decision: $0.choice("decision"))
            },
            run: fields.fields("run", known: ["invested", "returned", "decision"]).map {
                RunResult(at: $0.at, invested: $0.nonNegative("invested"), returned: $0.nonNegative("returned"),
                          decision: $0.choice("decision"))
            }
        )
    }

    static func coMarketing(_ fields: Fields) -> CoMarketing {
        func stage(_ stage: Stage) -> ChecklistStage? {
            guard let f = fields.fields(stage.rawValue, known: stage.items) else { return nil }
            let items = stage.items.compactMap { name -> ChecklistItem? in
                guard let state: Located<ItemState> = f.choice(name) else { return nil }
                return ChecklistItem(name: name, at: state.at, state: state)
            }
            return ChecklistStage(stage: stage, at: f.at, items: items)
        }
        return CoMarketing(at: fields.at, preLaunch: stage(.preLaunch), launch: stage(.launch),
                           postLaunch: stage(.postLaunch))
    }
}
