import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// Words documents use for the model's vocabularies.
extension Status {
    var label: String {
        switch self {
        case .prospect: "Prospect"
        case .crawl: "Crawl (pilot)"
        case .walk: "Walk (formal integration)"
        case .run: "Run (full scale)"
        case .ended: "Ended"
        }
    }
}

extension LeverageType {
    var label: String {
        switch self {
        case .requirement: "Requirement"
        case .economic: "Economic"
        case .competitive: "Competitive"
        case .customer: "Customer"
        case .coMarketing: "Co-marketing"
        }
    }
}

extension LeverageAssessment.Recommendation {
    var sentence: String {
        switch self {
        case .fullInvestment: "Full partnership investment: the partner needs us."
        case .testFirst: "Light partnership: test first, and invest only on evidence."
        case .walkAway: "Walk away, or find real leverage first: co-marketing alone rarely closes deals."
        }
    }
}

extension Stage {
    var title: String {
        switch self {
        case .preLaunch: "Pre-launch"
        case .launch: "Launch week"
        case .postLaunch: "Post-launch"
        }
    }
}

extension ItemState {
    var label: String {
        switch self {
        case .done: "done"
        case .pending: "pending"
        case .notApplicable: "n/a"
        }
    }
}

extension Party {
    func side(company: String, partner: String) -> String { self == .us ? company : partner }
}

extension HealthScore {
    /// The band in words, saying when the KPIs hold it down: "Amber (KPIs behind)".
    var bandText: String { band.label + (cap == nil ? "" : " (KPIs behind)") }

    /// Why the band is capped, as a sentence for a breakdown; nil when it is not.
    var capNote: String? {
        guard let cap else { return nil }
        return "The score alone would read \(Band(healthScore: total).label.lowercased()), but metrics carrying "
            + "\(Format.percent(cap.behindShare)) of the KPI weight are behind (\(cap.behind.joined(separator: ", "))), "
            + "so the band is held at \(cap.band.rawValue): a partner whose numbers are mostly behind never reads green."
    }
}
