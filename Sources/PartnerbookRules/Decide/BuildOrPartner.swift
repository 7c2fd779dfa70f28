import PartnerbookModel
import PartnerbookSupport
/// The playbook's "should we build or partner?" tree, on a partner's `decision` inputs:
///
///     Core to our product differentiation? yes -> build it ourselves
///     otherwise: would building it delay our roadmap by more than 6 months? yes -> partner
///     otherwise: is there a credible partner who needs us too? yes -> partner, no -> build
public struct BuildOrPartner: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        case build, partner
    }

    /// Months of roadmap delay above which partnering wins.
    public static let delayMonths = 6.0

    public var verdict: Verdict
    /// The question that settled it, in plain words.
    public var reason: String
    /// The input that settled it, for diagnostics.
    public var decidedAt: SourcePosition

    /// nil without a `decision` block, or when the inputs stop short of an answer.
    public static func decide(_ inputs: BuildOrPartnerInputs?) -> BuildOrPartner? {
        guard let inputs else { return nil }
        if let core = inputs.coreToDifferentiation, core.value {
            return BuildOrPartner(verdict: .build, reason: "the capability is core to our product differentiation, so we build it ourselves",
                                  decidedAt: core.at)
        }
        if let delay = inputs.roadmapDelayMonths, delay.value > delayMonths {
            return BuildOrPartner(verdict: .partner,
                                  reason: "building it would delay our roadmap by \(months(delay.value)), more than six",
                                  decidedAt: delay.at)
        }
        guard let needsUs = inputs.partnerNeedsUs else { return nil }
        if needsUs.value {
            return BuildOrPartner(verdict: .partner,
                                  reason: "it is not core to our differentiation, building would cost six months or less, and a credible partner needs us too",
                                  decidedAt: needsUs.at)
        }
        return BuildOrPartner(verdict: .build,
                              reason: "it is not core, building would cost six months or less, and no credible partner needs us too, so a partnership has no leverage",
                              decidedAt: needsUs.at)
    }

    private static func months(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return text + (value == 1 ? " month" : " months")
    }
}
