import PartnerbookModel
import PartnerbookSupport
/// Which of the five charter sections are complete enough to sign.
package struct CharterCompleteness: Sendable, Equatable {
    package struct Section: Sendable, Equatable {
        package var key: String
        package var title: String
        package var complete: Bool
    }

    package var sections: [Section]

    package init(_ charter: Charter?) {
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

    package var completeCount: Int { sections.filter(\.complete).count }
    package var fraction: Double { Double(completeCount) / Double(sections.count) }
}
