

/// Reads `program.yaml`.
enum ProgramLoader {
    static let keys = ["name", "company", "currency", "as_of", "site", "gates", "scoring", "outcomes", "targets"]
    static let scoringKeys = ["kpis", "gates", "commitment", "charter", "co_marketing"]

    static func load(_ root: YNode, context: LoadContext) -> Program {
        var program = Program()
        guard let top = Fields(root, at: .start, path: "", known: keys, context: context) else { return program }
        top.require("name")
        top.require("company")
        program.name = top.text("name")
        program.company = top.text("company")
        if let currency = top.value("currency", expected: "a three-letter currency code such as USD", currencyCode) {
            program.currency = currency.value
        }
        program.asOf = top.day("as_of")
        if let site = top.fields("site", known: ["title", "base_url"]) {
            program.site.title = site.text("title")?.value
            program.site.baseURL = site.text("base_url")?.value
        }
        if let gates = top.fields("gates", known: ["crawl_min_improvement", "walk_min_adoption", "kpi_behind_pace"]) {
            if let v = percent(gates, "crawl_min_improvement") { program.gates.crawlMinImprovement = v }
            if let v = percent(gates, "walk_min_adoption") { program.gates.walkMinAdoption = v }
            if let v = percent(gates, "kpi_behind_pace") { program.gates.kpiBehindPace = v }
        }
        if let scoring = top.fields("scoring", known: scoringKeys) {
            program.scoring.at = scoring.at
            let weights = scoringKeys.map { key in scoring.number(key).map(\.value) }
            if let v = weights[0] { program.scoring.kpis = v }
            if let v = weights[1] { program.scoring.gates = v }
            if let v = weights[2] { program.scoring.commitment = v }
            if let v = weights[3] { program.scoring.charter = v }
            if let v = weights[4] { program.scoring.coMarketing = v }
        }
        if let targets = top.fields("targets", known: ["partner_revenue_share", "active_partner_rate"]) {
            if let v = percent(targets, "partner_revenue_share") { program.targets.partnerRevenueShare = v }
            if let v = percent(targets, "active_partner_rate") { program.targets.activePartnerRate = v }
        }
        if let list = top.items("outcomes") {
            program.outcomes = list.value.enumerated().compactMap { index, item in
                guard let entry = Fields(item.node, at: item.at, path: "outcomes[\(index + 1)]", known: ["quarter", "revenue"],
                                         context: context) else { return nil }
                entry.require("quarter")
                entry.require("revenue")
                guard let quarter = entry.quarter("quarter") else { return nil }
                return QuarterOutcome(at: item.at, quarter: quarter, revenue: entry.nonNegative("revenue"))
            }
        }
        return program
    }

    private static func currencyCode(_ text: String) -> String? {
        text.count == 3 && text.allSatisfy({ $0.isASCII && $0.isLetter }) ? text.uppercased() : nil
    }

    private static func percent(_ fields: Fields, _ key: String) -> Double? {
        fields.value(key, expected: "a percentage from 0 to 100") { text in
            Scalars.number(text.hasSuffix("%") ? String(text.dropLast()) : text).flatMap { (0...100).contains($0) ? $0 : nil }
        }?.value
    }
}
