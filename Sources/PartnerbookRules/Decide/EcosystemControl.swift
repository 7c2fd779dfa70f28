import PartnerbookModel
import PartnerbookSupport
/// The playbook's ecosystem-control tree: how the partner directory is kept.
///
///     Would low-quality partners joining damage the brand? (regulated,
///     security-critical) yes -> curated
///     otherwise: can people review every listing? yes (dozens) -> curated,
///     no (thousands) -> open
///
/// Curated: every listing reviewed before it appears. Open: anyone can be
/// listed, and trust signals (the earned badges) show quality. Past about
/// 100 partners a curated directory makes its reviewers the bottleneck.
public struct EcosystemControl: Sendable, Equatable {
    /// Partners above which a curated directory makes us the bottleneck.
    public static let curatedLimit = 100

    public var recommended: EcosystemModel
    /// Why, in plain words.
    public var reason: String
    /// The input that settled it, for diagnostics.
    public var decidedAt: SourcePosition

    /// nil when the inputs stop short of an answer.
    public static func decide(_ settings: EcosystemSettings?) -> EcosystemControl? {
        guard let settings else { return nil }
        if let risk = settings.brandRisk, risk.value == .high {
            return EcosystemControl(recommended: .curated,
                                    reason: "a low-quality partner would damage the brand (brand_risk: high), so every listing is reviewed first",
                                    decidedAt: risk.at)
        }
        guard let capacity = settings.reviewCapacity else { return nil }
        if capacity.value == .dozens {
            return EcosystemControl(recommended: .curated,
                                    reason: "brand risk is low and people can review every listing (dozens of partners), so curating costs little",
                                    decidedAt: capacity.at)
        }
        return EcosystemControl(recommended: .open,
                                reason: "brand risk is low and no team can review thousands of listings: list anyone and let the earned badges show quality",
                                decidedAt: capacity.at)
    }

    /// Why a curated directory is a problem here, or nil: more partners than
    /// people can review, or a tree that says open.
    public static func gatekeepingProblem(_ settings: EcosystemSettings?, partnerCount: Int) -> String? {
        guard let model = settings?.model, model.value == .curated else { return nil }
        if partnerCount > curatedLimit {
            return "the directory is curated with \(partnerCount) partners: past \(curatedLimit), reviewing every listing makes us the bottleneck; open it and let the earned badges (signed charter, gates passed, reviewed on time) show quality"
        }
        if let decision = decide(settings), decision.recommended == .open {
            return "the directory is curated, but the ecosystem-control tree says open: \(decision.reason)"
        }
        return nil
    }
}
