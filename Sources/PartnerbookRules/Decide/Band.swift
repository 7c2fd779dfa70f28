import PartnerbookModel
import PartnerbookSupport
/// Traffic-light bands. Colour is never the only carrier: every band has a word.
public enum Band: String, Sendable, Comparable {
    case red, amber, green

    /// Health score bands: green >= 70, amber 40-69, red < 40.
    public init(healthScore: Int) {
        self = healthScore >= 70 ? .green : healthScore >= 40 ? .amber : .red
    }

    /// KPI bands on attainment of target: green >= 90%, amber 70-89%, red < 70%.
    public init(attainment: Double) {
        self = attainment >= 0.9 ? .green : attainment >= 0.7 ? .amber : .red
    }

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    private var rank: Int { self == .red ? 0 : self == .amber ? 1 : 2 }
    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rank < rhs.rank }
}
