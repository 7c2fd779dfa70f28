import PartnerbookModel
import PartnerbookSupport
/// Progress through the co-marketing checklist; `n/a` items do not count.
public struct CoMarketingProgress: Sendable, Equatable {
    public struct StageProgress: Sendable, Equatable {
        public var stage: Stage
        public var done: Int
        public var applicable: Int
        /// Items written as pending, in playbook order.
        public var pending: [String]

        public var fraction: Double? { applicable == 0 ? nil : Double(done) / Double(applicable) }
    }

    public var stages: [StageProgress]

    public init(_ coMarketing: CoMarketing?) {
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

    public var done: Int { stages.reduce(0) { $0 + $1.done } }
    public var applicable: Int { stages.reduce(0) { $0 + $1.applicable } }
    public var fraction: Double { applicable == 0 ? 0 : Double(done) / Double(applicable) }

    public func stage(_ stage: Stage) -> StageProgress { stages.first { $0.stage == stage }! }
}
