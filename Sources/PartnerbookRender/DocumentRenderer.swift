import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// Turns the program into output files: Markdown documents filled from the
/// templates, normalised by cmark-gfm; HTML pages that are cmark-gfm's
/// rendering of the same Markdown inside the HTML layout; SVG charts.
package struct DocumentRenderer: Sendable {
    var templates: TemplateSet
    package var program: Program
    var asOf: Day
    /// Every rule with its documentation, for the rules page the report links to.
    var rules: [RuleInfo] = []

    /// Whether the home page's template writes the cards out itself (a
    /// person's `index.html`, or the reference docs noting what it may read),
    /// and so reads each card's fields rather than its filled `card.html`.
    var readsCardFields: Bool { !templates.isBuiltIn(.index) || templates.observer != nil }
    var siteTitle: String { program.site.title ?? program.name?.value ?? "Partner program" }

    /// Every file of one partner.
    package func partnerFiles(_ context: DocumentContext) -> [OutputFile] {
        let id = context.partner.id
        var files: [OutputFile] = []

        // One chart file per partner: every metric's trend, shared by the scorecard and every packet.
        let readings = context.assessment.kpis
        var chart: ChartView?
        if !readings.isEmpty {
            let charts = readings.map(TrendChart.init)
            files.append(OutputFile(.chart, OutputPaths.partnerChart(id), TrendPanels.document(partner: context.partnerName, charts: charts)))
            chart = ChartView(name: "Metrics by quarter", path: OutputPaths.partnerChartName, alt: TrendPanels.description(charts))
        }

        files += document(.charter, OutputPaths.charter(id, ""), template: .charter, context: context, page: .charter,
                          crumb: "Charter", view: CharterView(context))

        let scorecard = ScorecardView(context, chart: chart)
        files += document(.scorecard, OutputPaths.scorecard(id, ""), template: .scorecard, context: context, page: .scorecard,
                          crumb: "Scorecard", view: scorecard)

        for packet in QBRPlan.packets(for: context.partner, asOf: asOf) {
            let qbr = QBRView(context, packet: packet, coMarketing: scorecard.coMarketing,
                              chart: chart.map { ChartView(name: $0.name, path: "../" + $0.path, alt: $0.alt) })
            let name = packet.period.isMonth ? "Review \(packet.period)" : "QBR \(packet.period)"
            files += document(.packet, OutputPaths.packet(id, packet.period, ""), template: .qbr, context: context, page: .qbr,
                              crumb: name, view: qbr)
            files += document(.brief, OutputPaths.brief(id, packet.period, ""), template: .qbrBrief, context: context, page: .brief,
                              crumb: name + " brief", view: BriefView(context, packet: packet))
        }
        files.append(page(.partnerPage, OutputPaths.partnerPage(id), body: templates.render(.partner, PartnerPageView(context)),
                          title: context.partnerName, depth: 2, kind: .partner, context: context, crumbs: [(context.partnerName, "")]))
        return files
    }

    /// What the pages that list every partner keep of one partner, with its
    /// fragments filled: its card on the home page, its row in the program
    /// scorecard (linking to the Markdown and to the HTML scorecard).
    package func listing(_ context: DocumentContext) -> PartnerListing {
        let card = DirectoryView.Card(context)
        var listing = PartnerListing(context)
        if readsCardFields { listing.cardJSON = PartnerListing.cardJSON(card) }
        listing.cardText = templates.fragment(.card, card)
        listing.rowText = templates.fragment(.programScorecardRow, ProgramScorecardView.row(listing.row, id: listing.id))
        return listing
    }

    /// The home page (the directory of partners), `program/scorecard.{md,html}`
    /// and `program/report.html`, the outcomes chart, the data files and the
    /// calendar, and the assets: the pages that list every partner, made from
    /// the partners' listings and rendered side by side on the cores.
    package func programFiles(_ listings: [PartnerListing], report: DiagnosticReport) throws -> [OutputFile] {
        try programFiles(listings, report: report) { $0 }
    }

    /// The same files, each handed to `emit` (which writes it) as soon as it
    /// is made and then let go: at 10,000 partners the home page and the
    /// program scorecard are tens of megabytes each, and holding them all
    /// until the last was done set the build's peak memory. What `emit`
    /// returns comes back in the order `programFiles` lists the files.
    ///
    /// The two largest (the program scorecard and the home page) are made one
    /// after the other, the rest beside them on the other cores: made at the
    /// same time, those two set the peak memory of a build at 10,000 partners
    /// (309 MB; 266 MB one after the other).
    package func programFiles<Record: Sendable>(_ listings: [PartnerListing], report: DiagnosticReport,
                                                unchanged: UnchangedPages<Record>? = nil,
                                                emit: @escaping @Sendable (OutputFile) throws -> Record) throws -> [Record] {
        let parts = programParts(listings, report: report, unchanged: unchanged, emit: emit)
        let large = Array(parts.prefix(2)), small = Array(parts.dropFirst(2))
        let groups = [large] + small.map { [$0] }
        let jobs = groups.map { group in
            { @Sendable in Result<[Record], Error> { try group.flatMap { try $0() } } }
        }
        return try Parallel.run(jobs).flatMap { try $0.get() }
    }

    /// The program pages, each a piece of work that makes its files and hands
    /// them to `emit`, the longest first (the cores take them in this order).
    private func programParts<Record: Sendable>(_ listings: [PartnerListing], report: DiagnosticReport,
                                                unchanged: UnchangedPages<Record>?,
                                                emit: @escaping @Sendable (OutputFile) throws -> Record)
        -> [@Sendable () throws -> [Record]] {
        let facts = ProgramFacts(program: program, listings: listings, diagnostics: report.diagnostics, asOf: asOf)
        let program = self.program, asOf = self.asOf
        let data = DirectoryData(program: program, listings: listings, asOf: asOf)
        func emitted(_ make: @escaping @Sendable () throws -> [OutputFile]) -> @Sendable () throws -> [Record] {
            { try make().map(emit) }
        }
        return [
            {
                // Filled and parsed once (the table of every partner is most
                // of the work): the HTML is the same tree with its partner
                // links pointed to the HTML scorecards. Not parsed at all
                // when the last build made both files from this very text.
                let view = ProgramScorecardView(program: program, listings: listings, facts: facts, diagnostics: report.diagnostics,
                                                asOf: asOf)
                let text = templates.render(.programScorecard, view)
                let make = {
                    // Its long table and lists a piece at a time: one tree of them all set the build's peak memory.
                    let rendered = MarkdownPieces.render(text) { parsed in
                        parsed.sanitize(depth: 1)
                        let markdown = parsed.commonmark()
                        parsed.relink(ProgramScorecardView.htmlLink)
                        return (markdown, parsed.html())
                    }
                    return [OutputFile(.programPage, path: OutputPaths.programScorecardMarkdown, texts: rendered.commonmark),
                            page(.programPage, OutputPaths.programScorecardHTML, body: PageBody(pieces: rendered.html), title: view.title, depth: 1,
                                 kind: .programScorecard, context: nil, crumbs: [("Program scorecard", "")])]
                }
                guard let unchanged else { return try make().map(emit) }
                return try unchanged.files([OutputPaths.programScorecardMarkdown, OutputPaths.programScorecardHTML], from: text,
                                           title: view.title, emit: emit, make: make)
            },
            emitted {
                let view = try DirectoryView(program: program, listings: listings, facts: facts, report: report, asOf: asOf,
                                             siteTitle: siteTitle,
                                             // A person's home page may write the cards out itself; the reference docs list what it may read.
                                             readsCardFields: readsCardFields)
                return [page(.programPage, OutputPaths.home, body: homeBody(view), title: siteTitle, depth: 0, kind: .home, context: nil,
                             crumbs: [])]
            },
            // The data files, each a piece of its own on the cores, from one document.
            emitted { [OutputFile(.programPage, path: OutputPaths.partnersJSON, texts: data.jsonTexts())] },
            emitted {
                [OutputFile(.programPage, path: OutputPaths.calendar,
                            texts: ReviewCalendar(program: program, listings: listings, asOf: asOf).icsTexts())]
            },
            emitted {
                let view = ReportView(program: program, subjects: listings.indices.map { listings[$0].subject }, report: report, asOf: asOf)
                return [page(.programPage, OutputPaths.report, body: reportBody(view), title: view.title, depth: 1,
                             kind: .report, context: nil, crumbs: [("Validation report", "")])]
            },
            emitted { [OutputFile(.programPage, path: OutputPaths.partnersCSV, texts: data.csvTexts())] },
            emitted {
                let view = RulesView(rules)
                return [page(.programPage, OutputPaths.rules, body: templates.render(.rules, view), title: view.title, depth: 1,
                             kind: .rules, context: nil, crumbs: [("Rules", "")])]
            },
            emitted {
                facts.outcomes.quarters.isEmpty ? []
                    : [OutputFile(.programPage, OutputPaths.outcomesChart, OutcomesChart(outcomes: facts.outcomes).svg())]
            },
            emitted { templates.assets.map { OutputFile(.asset, path: OutputPaths.asset($0.path), data: $0.data) } },
        ]
    }

    /// One partner's page of the public directory (`build --public`) and its
    /// card on the directory's home page; nil when the partner is not listed.
    /// Only `PublicDirectory`'s views are rendered, so no internal value can
    /// reach these files.
    package func publicPartner(_ context: DocumentContext) -> (page: OutputFile, card: PublicDirectoryView.Card)? {
        guard context.partner.isListed(asOf: asOf) else { return nil }
        let page = self.page(.publicPage, OutputPaths.partnerPage(context.partner.id),
                             body: templates.render(.publicPartner, PublicPartnerView(context)), title: context.partnerName,
                             depth: 2, kind: .partner, context: nil, crumbs: [(context.partnerName, "")], isPublic: true)
        return (page, PublicDirectoryView.Card(context))
    }

    /// The public directory's home page from the listed partners' cards, the
    /// assets and a sitemap of those and `pages` (the partners' pages).
    package func publicFiles(cards: [PublicDirectoryView.Card], pages: [String]) -> [OutputFile] {
        var files: [OutputFile] = []
        let home = PublicDirectoryView(program: program, cards: cards, siteTitle: siteTitle)
        files.append(page(.publicPage, OutputPaths.home, body: templates.render(.publicIndex, home), title: siteTitle,
                          depth: 0, kind: .home, context: nil, crumbs: [], isPublic: true))
        for asset in templates.assets {
            files.append(OutputFile(.asset, path: OutputPaths.asset(asset.path), data: asset.data))
        }
        files += sitemaps(of: (files.map(\.path) + pages).sorted(), base: program.site.baseURL) { $0 }
        return files
    }

    /// Stands where links put their file extension (`{{ext}}`) while a
    /// document's template is filled once; then `md` or `html` replaces it.
    /// Private-use code points: no value in a partner file needs them, and
    /// they are removed from content (see `withoutSentinel`).
    static let extSentinel = "\u{F8FF}ext\u{F8FE}"
    /// The sentinel as cmark writes it in an HTML link (UTF-8, percent-encoded).
    static let extSentinelInLinks = "%EF%A3%BFext%EF%A3%BE"

    /// What a document's Markdown and HTML bytes become on their way from
    /// cmark-gfm to the file: the sentinel its extension, the redline's markers elements.
    static let markdownReplacements = ByteReplacements([(extSentinel, "md")] + Redline.replacements(announced: false))
    static let htmlReplacements = ByteReplacements([(extSentinelInLinks, "html"), (extSentinel, "html")]
                                                   + Redline.replacements(announced: true))

    /// The `.md` and `.html` of one document (`path` ends in the dot before
    /// the extension): the template is filled once.
    private func document(_ kind: DocumentKind, _ path: String, template: TemplateName, context: DocumentContext, page: PageKind,
                          crumb: String, view: Any) -> [OutputFile] {
        var boxed = MustacheBox.view(view)
        boxed["ext"] = DocumentRenderer.extSentinel
        // Parsed once: the Markdown and the HTML are rendered from the same
        // tree, and only then does the sentinel become `md` or `html` (in
        // HTML links cmark has percent-encoded it).
        let depth = path.split(separator: "/").count - 1
        let parsed = CMark.Document(bytes: templates.renderBytes(template, boxed: boxed)).sanitize(depth: depth)
        // A charter's redline markers become <del> and <ins> once cmark has
        // rendered the text around them, as the sentinel becomes the
        // extension: one pass from cmark's bytes to the file's.
        let markdown = parsed.withCommonmark { bytes in
            var data = Data(capacity: bytes.count)
            DocumentRenderer.markdownReplacements.apply(bytes, into: &data)
            return data
        }
        let body = parsed.withHTML { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            DocumentRenderer.htmlReplacements.apply(bytes, into: &out)
            return out
        }
        let title = parsed.firstHeading().map { ByteText.replacing(DocumentRenderer.extSentinel, with: "md", in: $0) } ?? crumb
        let partnerPage = String(repeating: "../", count: depth - 2) + "index.html"
        return [
            OutputFile(kind, path: path + "md", data: markdown),
            self.page(kind, path + "html", body: PageBody(bytes: body), title: title, depth: depth, kind: page, context: context,
                      crumbs: [(context.partnerName, partnerPage), (crumb, "")]),
        ]
    }

    /// An HTML page: `body` framed by the layout of its kind (`layout`).
    /// A built-in layout is filled once with a marker where the body goes
    /// and the page's bytes are the frame's around the body's: the body
    /// (tens of megabytes for the home page at 10,000 partners) is copied
    /// once, not into the filled layout and again into the file's bytes.
    /// A person's layout may do anything with the body, and is filled with it.
    private func page(_ document: DocumentKind, _ path: String, body: String, title: String, depth: Int, kind: PageKind,
                      context: DocumentContext?, crumbs: [(String, String)], isPublic: Bool = false) -> OutputFile {
        page(document, path, body: PageBody(body), title: title, depth: depth, kind: kind, context: context, crumbs: crumbs,
             isPublic: isPublic)
    }

    private func page(_ document: DocumentKind, _ path: String, body: PageBody, title: String, depth: Int, kind: PageKind,
                      context: DocumentContext?, crumbs: [(String, String)], isPublic: Bool = false) -> OutputFile {
        let template: TemplateName = context == nil ? .layout : kind == .charter ? .charterLayout : kind == .qbr ? .packet : .layout
        func whole() -> OutputFile {
            OutputFile(document, path, layout(body: body.text, title: title, depth: depth, kind: kind, context: context, crumbs: crumbs,
                                              isPublic: isPublic))
        }
        guard templates.isBuiltIn(template), templates.observer == nil else { return whole() }
        var frame = layout(body: DocumentRenderer.bodyMarker, title: title, depth: depth, kind: kind, context: context, crumbs: crumbs,
                           isPublic: isPublic)
        let file = frame.withUTF8 { bytes -> OutputFile? in
            let marker = DocumentRenderer.bodyMarker.utf8.count
            guard let at = ByteText.firstIndex(of: DocumentRenderer.bodyMarker, in: bytes, from: 0),
                  ByteText.firstIndex(of: DocumentRenderer.bodyMarker, in: bytes, from: at + marker) == nil else { return nil }
            let before = UnsafeBufferPointer(rebasing: bytes[..<at]), after = UnsafeBufferPointer(rebasing: bytes[(at + marker)...])
            // A page of one text (nearly every page) is put together as bytes
            // here, on the core that rendered it, once; a list's items (the
            // home page's cards) stay texts and are written from them, and so
            // does a body of megabytes (the validation report and the program
            // scorecard: 37 and 40 MB at 100,000 partners), not copied again.
            guard !body.items.isEmpty || body.byteCount > DocumentRenderer.largeBody else {
                var data = Data(capacity: before.count + body.byteCount + after.count)
                data.append(before)
                body.appendBytes(to: &data)
                data.append(after)
                return OutputFile(document, path: path, data: data)
            }
            return OutputFile(document, path: path,
                              texts: [String(decoding: before, as: UTF8.self)] + body.texts + [String(decoding: after, as: UTF8.self)])
        }
        return file ?? whole()
    }

    /// Bytes of a page's body above which the page is written from its
    /// texts rather than put together as bytes first.
    static let largeBody = 1 << 20

    /// The home page's body. The built-in `index.html` is filled with two
    /// marker cards, and the body is the text before the first, every card
    /// with the text between the two markers between each two cards, and
    /// the text after the second: what filling it with every card gives,
    /// without a 130 MB string at 100,000 partners (filled whole, the body
    /// was grown by doubling and then copied into the page's bytes). A
    /// person's `index.html` may write each card out itself, and is filled
    /// with them all.
    func homeBody(_ view: DirectoryView) -> PageBody {
        let whole = { PageBody(templates.render(.index, view)) }
        guard view.cards.count >= 2, templates.isBuiltIn(.index), templates.observer == nil else { return whole() }
        var marked = view
        marked.cards = DocumentRenderer.cardMarkers.map { marker in Fragment(text: marker) { [:] } }
        var text = templates.render(.index, marked)
        let parts = text.withUTF8 { bytes -> (Int, Int, Int, Int)? in
            let (first, second) = (DocumentRenderer.cardMarkers[0], DocumentRenderer.cardMarkers[1])
            guard let one = ByteText.firstIndex(of: first, in: bytes, from: 0),
                  let two = ByteText.firstIndex(of: second, in: bytes, from: one + first.utf8.count),
                  ByteText.firstIndex(of: first, in: bytes, from: one + first.utf8.count) == nil,
                  ByteText.firstIndex(of: second, in: bytes, from: two + second.utf8.count) == nil else { return nil }
            return (one, one + first.utf8.count, two, two + second.utf8.count)
        }
        guard let (headEnd, separatorStart, separatorEnd, tailStart) = parts else { return whole() }
        let bytes = Array(text.utf8)
        func piece(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        return PageBody(head: piece(0..<headEnd), items: view.cards.map(\.text), separator: piece(separatorStart..<separatorEnd),
                        tail: piece(tailStart..<bytes.count))
    }

    /// The cards `homeBody` fills the home page with: no card has them (control characters and a number new to each run).
    private static let cardMarkers = ["\u{1}card-1-\(UUID().uuidString)\u{1}", "\u{1}card-2-\(UUID().uuidString)\u{1}"]

    /// Where `page` puts a page's body: no text a build makes has it (control characters and a number new to each run).
    private static let bodyMarker = "\u{1}body-\(UUID().uuidString)\u{1}"

    private func layout(body: String, title: String, depth: Int, kind: PageKind, context: DocumentContext?,
                        crumbs: [(String, String)], isPublic: Bool = false) -> String {
        let root = String(repeating: "../", count: depth)
        // A partner's own paper (`paper:`, a Berlin counterparty's A4), else the program's.
        let paper = (context?.partner.paper?.value ?? program.site.paper).css
        if kind == .charter, let context {
            // The charter goes to the partner and its counsel: a layout of its
            // own, DRAFT in every page footer until both parties signed it.
            let signatures = context.assessment.signatures
            let fingerprint = signatures.fingerprint
            let draft = !signatures.isFullySigned
            let short = " · fingerprint " + String(fingerprint.split(separator: ":").last ?? "").prefix(12)
            let view = CharterLayoutView(title: title, root: root, paper: paper, body: body, company: context.company,
                                         partnerName: context.partnerName, draft: draft, asOf: Format.date(asOf),
                                         fingerprint: fingerprint, subject: "Charter fingerprint \(fingerprint)",
                                         printFooterCSS: cssString((draft ? "DRAFT, not signed · " : "")
                                                                   + "\(title) · prepared \(Format.date(asOf))" + short))
            return templates.render(.charterLayout, view)
        }
        if kind == .qbr, let context {
            // The packet goes on the shared screen and to the partner: a layout
            // of its own, with nothing of our site around it.
            let view = PacketLayoutView(title: title, root: root, paper: paper, body: body, company: context.company,
                                        partnerName: context.partnerName, reviewLine: crumbs.last?.0 ?? "",
                                        asOf: Format.date(asOf), printFooterCSS: cssString("\(title) · prepared \(Format.date(asOf))"))
            return templates.render(.packet, view)
        }
        let crumbs = (kind == .home ? [] : [("Partners", root + "index.html")]) + crumbs
        let health = context?.assessment.health
        let view = LayoutView(
            title: title, root: root, siteTitle: siteTitle, kind: kind.rawValue, body: body, paper: paper,
            breadcrumbs: (kind == .home ? [("Partners", "")] : crumbs).map { LayoutView.Crumb(title: $0.0, link: $0.1.isEmpty ? nil : $0.1) },
            asOf: Format.date(asOf), company: program.company?.value ?? "",
            partnerName: context?.partnerName ?? "", tier: context?.partner.tier?.value.title ?? "",
            status: context?.partner.status?.value.rawValue ?? "",
            health: health.map { String($0.total) } ?? "", band: health?.band.rawValue ?? "", bandLabel: health?.bandText ?? "",
            hasBand: health != nil && kind != .partner,
            isPublic: isPublic, printFooterCSS: cssString("\(title) · prepared \(Format.date(asOf))"))
        return templates.render(.layout, view)
    }

    package init(templates: TemplateSet, program: Program, asOf: Day, rules: [RuleInfo] = []) {
        self.templates = templates
        self.program = program
        self.asOf = asOf
        self.rules = rules
    }
}
