import PartnerbookModel
import PartnerbookSupport
/// How strong a partnership's leverage is, and what the playbook says to do about it.
public struct LeverageAssessment: Sendable, Equatable {
    public enum Strength: String, Sendable, Comparable {
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

        public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Recommendation: String, Sendable {
        case fullInvestment = "full investment"
        case testFirst = "light partnership, test first"
        case walkAway = "walk away"
    }

    public var type: LeverageType?
    public var strength: Strength
    public var recommendation: Recommendation

    public init(_ type: LeverageType?) {
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
