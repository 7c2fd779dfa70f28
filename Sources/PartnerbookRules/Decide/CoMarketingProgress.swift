import PartnerbookModel
import PartnerbookSupport
/// Progress through the co-marketing checklist; `n/a` items do not count.
package struct CoMarketingProgress: Sendable, Equatable {
    package struct StageProgress: Sendable, Equatable {
        package var stage: Stage
        package var done: Int
        package var applicable: Int
        /// Items written as pending, in playbook order.
        package var pending: [String]

        package var fraction: Double? { applicable == 0 ? nil : Double(done) / Double(applicable) }
    }

    package var stages: [StageProgress]

    package init(_ coMarketing: CoMarketing?) {
        stages = Stage.allCases.map { stage in
            let written = [coMarketing?.preLaunch, coMarketing?.launch, coMarketing?.postLaunch]
                .compactMap { $0 }.first { $0.stage == stage }
            let states = stage.items.map { written?.state(of: $0) }
            return StageProgress(
                stage: stage,
                done: states.filter { $0 == .done }.count,
                applicable: states.filter { $0 != .notApplicable }.count,
                pending: zip(stage.items, states).filter { $0.1 != .done && $0.1 != .notApplicable }.map(\.0)
            )
        }
    }

    package var done: Int { stages.reduce(0) { $0 + $1.done } }
    package var applicable: Int { stages.reduce(0) { $0 + $1.applicable } }
    package var fraction: Double { applicable == 0 ? 0 : Double(done) / Double(applicable) }

    package func stage(_ stage: Stage) -> StageProgress { stages.first { $0.stage == stage }! }
}
