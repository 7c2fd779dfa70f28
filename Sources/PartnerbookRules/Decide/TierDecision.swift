import PartnerbookModel
import PartnerbookSupport
/// The playbook's "which tier?" tree, evaluated on a partner's profile:
///
///     Engineering resources to self-serve? yes -> Tier 1 (evaluate for Tier 2 after 6 months)
///     otherwise: marquee logo that shifts our positioning? yes -> Tier 3, no -> Tier 2
public struct TierDecision: Sendable, Equatable {
    public var tier: Tier
    /// The question answered that settled the tier, in plain words.
    public var reason: String

    public static func decide(_ profile: Profile?) -> TierDecision? {
        guard let profile else { return nil }
        if profile.engineeringResources?.value == true {
            return TierDecision(tier: .integration,
                                reason: "the partner has the engineering resources to self-serve on the public API; start at Tier 1 and evaluate for Tier 2 after six months")
        }
        if profile.marquee?.value == true {
            return TierDecision(tier: .strategic,
                                reason: "the partner cannot self-serve and is a marquee logo that shifts our positioning")
        }
        return TierDecision(tier: .partnership,
                            reason: "the partner cannot self-serve and is not a marquee logo, so the integration is built jointly")
    }
}
