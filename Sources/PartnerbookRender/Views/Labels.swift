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

extension MetricPeriod {
    /// What a target is per: "per quarter", "per month", or "in total" for a running total.
    var words: String {
        switch self {
        case .quarter: "per quarter"
        case .month: "per month"
        case .toDate: "in total"
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
    var bandText: String {
        var why: [String] = []
        if cap != nil { why.append("KPIs behind") }
        for flag in flags {
            switch flag {
            case .handshake: why.append("a handshake")
            case .coMarketingOnly: why.append("co-marketing only")
            case .goNoGoOverdue(let phase, _): why.append("\(phase.rawValue) go/no-go overdue")
            }
        }
        return band.label + (why.isEmpty ? "" : " (" + why.joined(separator: ", ") + ")")
    }

    /// The parts' points summed, when they do not read as the whole score
    /// ("99.6" beside a score of 100): the breakdown says the score rounds them.
    var roundedFrom: String? {
        let sum = Format.number(parts.reduce(0) { $0 + $1.points }, decimals: 1)
        return sum == String(total) ? nil : sum
    }

    /// Why the band is lower than the score alone gives, as sentences for a breakdown; nil when it is not.
    var capNote: String? {
        var sentences: [String] = []
        if let cap {
            sentences.append("Metrics carrying \(Format.percent(cap.behindShare)) of the KPI weight are behind "
                + "(\(cap.behind.joined(separator: ", "))): a partner whose numbers are mostly behind never reads green.")
        }
        for flag in flags {
            switch flag {
            case .handshake:
                sentences.append("The program counts it as theatre: a side has no economic commitment (a handshake).")
            case .coMarketingOnly:
                sentences.append("The program counts it as theatre: co-marketing is its only leverage.")
            case .goNoGoOverdue(let phase, let since):
                sentences.append("The \(phase.rawValue) go/no-go is overdue since \(Format.date(since)), when the phase was planned to end.")
            }
        }
        guard !sentences.isEmpty, band < Band(healthScore: total) else { return nil }
        return "The score alone would read \(Band(healthScore: total).label.lowercased()); the band is held at \(band.rawValue). "
            + sentences.joined(separator: " ")
    }
}

extension ContinueDecision {
    /// The verdict in the documents' words, with the numbers behind it.
    var reason: String {
        switch verdict {
        case .ended: return "The partnership has ended."
        case .end: return "The crawl pilot did not meet its success criteria: end the partnership and write down what was learned."
        case .startCrawl: return "Not started: run a crawl pilot of four to eight weeks with one or two customers before committing more."
        case .finishCrawl: return "The crawl pilot has no passed go decision yet: decide on its numbers before committing more." + numbers
        case .moveToWalk: return "Crawl passed its gate: move to walk and formalise the integration."
        case .endOrRestartCrawl: return "The walk phase missed its adoption bar: end the partnership or restart crawl with changes."
        case .finishWalk: return "Crawl passed; the walk phase has no passed go decision yet." + numbers
        case .validateROI:
            return "Crawl and walk passed, but running at scale has not returned what it cost: fix the economics or scale back before investing more."
                + numbers
        case .continueRun: return "Crawl and walk both passed their gates: keep running."
        case .moveToRun: return "Crawl and walk both passed their gates: move to run."
        }
    }

    private var numbers: String {
        switch progress {
        case .crawlImprovement(let value, let bar)?:
            " Improvement so far is \(Format.percentage(value)) against a \(Format.percentage(bar)) bar."
        case .walkAdoption(let value, let bar)?: " Adoption so far is \(Format.percentage(value)) against a \(Format.percentage(bar)) bar."
        case .roi(let value)?: " The ROI so far is \(Format.percentage(value))."
        case nil: ""
        }
    }
}

extension HealthScore.Part.Kind {
    /// The part's name in the breakdown.
    var title: String {
        switch self {
        case .kpis: "KPIs against target or pace"
        case .gates: "Go/no-go gates"
        case .commitment: "Economic commitment"
        case .charter: "Charter complete"
        case .coMarketing: "Co-marketing progress"
        }
    }
}
