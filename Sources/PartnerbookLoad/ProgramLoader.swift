import Foundation
import PartnerbookModel
import PartnerbookSupport


/// Reads `program.yaml`.
public enum ProgramLoader {
    static let keys = ["name", "company", "currency", "as_of", "site", "gates", "scoring", "outcomes", "targets",
                       "exchange_rates", "record", "legal", "public", "ecosystem", "fiscal_year_start"]
    static let scoringKeys = ["kpis", "gates", "commitment", "charter", "co_marketing"]

    public static func load(_ root: YNode, context: LoadContext) -> Program {
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
        // The year first: outcomes and exchange rates name its quarters.
        if let start = top.value("fiscal_year_start", expected: "a month: its number (2) or its name (February)", ProgramLoader.month) {
            program.calendar = FiscalCalendar(startMonth: start.value)
            context.calendar = program.calendar
        }
        if let legal = top.fields("legal", known: ["entity", "address", "statement", "governing_law", "courts", "notices", "termination"]) {
            program.legal = LegalParty(at: legal.at, entity: legal.text("entity"), address: legal.text("address"))
            program.legalStatement = legal.text("statement")
            program.legalTerms = LegalTerms(governingLaw: legal.text("governing_law"), courts: legal.text("courts"),
                                            notices: legal.text("notices"), termination: legal.text("termination"))
        }
        if let settings = top.fields("public", known: ["show_tiers"]) {
            program.showTiersInPublic = settings.bool("show_tiers")?.value ?? false
        }
        program.ecosystem = top.fields("ecosystem", known: ["model", "brand_risk", "review_capacity"]).map {
            EcosystemSettings(at: $0.at, model: $0.choice("model"), brandRisk: $0.choice("brand_risk"),
                              reviewCapacity: $0.choice("review_capacity"))
        }
        if let site = top.fields("site", known: ["title", "base_url", "internal_url", "paper"]) {
            if let paper: Located<Paper> = site.choice("paper") { program.site.paper = paper.value }
            program.site.title = site.text("title")?.value
            program.site.baseURL = site.value("base_url", expected: "an absolute http:// or https:// URL with no spaces or control characters",
                                              BaseURL.parse)?.value
            program.site.internalURL = site.value("internal_url",
                                                  expected: "an absolute http:// or https:// URL with no spaces or control characters",
                                                  BaseURL.parse)?.value
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
        if let rates = top.mapping("exchange_rates") {
            program.exchangeRates = exchangeRates(rates, context: context)
        }
        if let record = top.fields("record", known: ["partner_column", "columns", "locale"]) {
            program.record.partnerColumn = record.text("partner_column")?.value
            if let locale = record.text("locale") {
                if Locale.availableIdentifiers.contains(locale.value.replacingOccurrences(of: "-", with: "_")) {
                    program.record.locale = locale.value
                } else {
                    context.report(.schemaType, at: locale.at, "record.locale '\(locale.value)' is not a locale this machine knows; write one such as de, fr, en_GB or en_US")
                }
            }
            if let columns = record.mapping("columns") {
                for (key, value) in columns.value.pairs {
                    let at = Fields.position(of: key)
                    guard let header = key.text, let metric = value.text, !value.isNull else {
                        context.report(.schemaType, at: at, "record.columns maps an export's column header to a metric id, as \"Sourced ARR\": sourced_revenue")
                        continue
                    }
                    program.record.columns.append((header, metric))
                }
            }
        }
        return program
    }

    /// `{ EUR: 1.08, 2026-Q3: { EUR: 1.1 } }`: a rate per currency, and per quarter.
    /// `2`, `02` or `February` (`Feb`), any case.
    static func month(_ text: String) -> Int? {
        if let number = Int(text), (1...12).contains(number) { return number }
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let word = text.lowercased()
        guard word.count >= 3 else { return nil }
        return names.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    private static func exchangeRates(_ rates: Located<YNode>, context: LoadContext) -> ExchangeRates {
        var result = ExchangeRates()
        result.at = rates.at
        func rate(_ value: YNode, at: SourcePosition, name: String) -> Double? {
            guard let text = value.text, !value.isNull, let number = Scalars.number(Trim.spaces(text)), number > 0 else {
                context.report(.schemaType, at: at, "\(name) must be a number above zero (program currency per unit), found \(Fields.describe(value))")
                return nil
            }
            return number
        }
        for (key, value) in rates.value.pairs {
            let at = Fields.position(of: key)
            let word = key.text ?? ""
            if let quarter = context.calendar.quarter(word) {
                guard value.isMapping else {
                    context.report(.schemaType, at: at, "exchange_rates.\(word) must map currencies to rates, as \(word): { EUR: 1.08 }")
                    continue
                }
                for (currencyKey, quarterRate) in value.pairs {
                    let currencyAt = Fields.position(of: currencyKey)
                    guard let code = currencyCode(currencyKey.text ?? "") else {
                        context.report(.schemaType, at: currencyAt, "exchange_rates.\(word): '\(currencyKey.text ?? "")' is not a currency code such as EUR")
                        continue
                    }
                    if let r = rate(quarterRate, at: currencyAt, name: "exchange_rates.\(word).\(code)") {
                        result.byQuarter[quarter, default: [:]][code] = r
                    }
                }
            } else if let code = currencyCode(word) {
                if let r = rate(value, at: at, name: "exchange_rates.\(code)") { result.defaults[code] = r }
            } else {
                context.report(.schemaType, at: at, "exchange_rates: '\(word)' is neither a currency code (EUR) nor a quarter (\(context.calendar.quarterForm))")
            }
        }
        return result
    }

    private static func currencyCode(_ text: String) -> String? {
        Currency.code(text)
    }

    private static func percent(_ fields: Fields, _ key: String) -> Double? {
        fields.value(key, expected: "a percentage from 0 to 100") { text in
            Scalars.number(text.hasSuffix("%") ? String(text.dropLast()) : text).flatMap { (0...100).contains($0) ? $0 : nil }
        }?.value
    }
}
