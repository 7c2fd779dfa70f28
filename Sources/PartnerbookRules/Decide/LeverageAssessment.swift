import PartnerbookModel
import PartnerbookSupport
/// How strong a partnership's leverage is, and what the playbook says to do about it.
package struct LeverageAssessment: Sendable, Equatable {
    package enum Strength: String, Sendable, Comparable {
        case none, weak, moderate, strong, strongest

        private var rank: Int {
            switch self {
            case .none: 0
            case .weak: 1
            case .moderate: 2
            case .strong: 3
            case .strongest: 4
            }
        }

        package static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rank < rhs.rank }
    }

    package enum Recommendation: String, Sendable {
        case fullInvestment = "full investment"
        case testFirst = "light partnership, test first"
        case walkAway = "walk away"
    }

    package var type: LeverageType?
    package var strength: Strength
    package var recommendation: Recommendation

    package init(_ type: LeverageType?) {
        self.type = type
        switch type {
        case .requirement?: strength = .strongest
        case .economic?: strength = .strong
        case .competitive?, .customer?: strength = .moderate
        case .coMarketing?: strength = .weak
        case nil: strength = .none
        }
        switch strength {
        case .strongest, .strong: recommendation = .fullInvestment
        case .moderate: recommendation = .testFirst
        case .weak, .none: recommendation = .walkAway
        }
    }
}
