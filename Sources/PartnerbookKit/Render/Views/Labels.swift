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
