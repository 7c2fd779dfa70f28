import PartnerbookModel
import PartnerbookSupport
/// Which of the five charter sections are complete enough to sign.
public struct CharterCompleteness: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var key: String
        public var title: String
        public var complete: Bool
    }

    public var sections: [Section]

    public init(_ charter: Charter?) {
        func filled(_ list: Located<[Located<String>]>?) -> Bool {
            (list?.value ?? []).contains { !$0.value.isBlank }
        }
        let goals = charter?.goals
        let exchange = charter?.valueExchange
        let metrics = charter?.measurement?.metrics?.value ?? []
        let governance = charter?.governance
        sections = [
            Section(key: "goals", title: "Mutual goals",
                    complete: !(goals?.us).isBlank && !(goals?.partner).isBlank && !(goals?.customers).isBlank),
            Section(key: "value_exchange", title: "Value exchange",
                    complete: filled(exchange?.weGive) && filled(exchange?.partnerGives)),
            Section(key: "timeline", title: "Timeline", complete: charter?.timeline?.crawl != nil),
            Section(key: "measurement", title: "Measurement",
                    complete: !metrics.isEmpty && metrics.allSatisfy { $0.target != nil }),
            Section(key: "governance", title: "Governance",
                    complete: !(governance?.owners?.us).isBlank && !(governance?.owners?.partner).isBlank
                        && filled(governance?.exitCriteria)),
        ]
    }

    public var completeCount: Int { sections.filter(\.complete).count }
    public var fraction: Double { Double(completeCount) / Double(sections.count) }
}
