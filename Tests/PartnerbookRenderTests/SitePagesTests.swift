import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

@Suite struct SitePagesTests {
    static func exampleSite() throws -> [String: String] {
        try TestBuild.files(content: Binary.repository.appendingPathComponent("Content"), asOf: nil)
    }

    @Test func homeHasSearchFiltersAndACardPerPartner() throws {
        let home = try #require(try Self.exampleSite()["index.html"])
        #expect(home.contains("<input type=\"search\""))
        #expect(home.components(separatedBy: "data-partner=\"").count - 1 == 8)
        #expect(home.contains("data-filter=\"tier\" data-value=\"strategic\""))
        #expect(home.contains("data-filter=\"status\" data-value=\"ended\""))
        #expect(home.contains("<script src=\"assets/directory.js\"></script>"))
        #expect(home.contains("href=\"program/scorecard.html\"") && home.contains("href=\"program/report.html\""))
        #expect(home.contains("Charter draft") && home.contains("Charter signed"))
    }

    @Test func homeAndProgramScorecardAnswerIsTheProgramWorking() throws {
        let site = try Self.exampleSite()
        for (path, root) in [("index.html", ""), ("program/scorecard.html", "../")] {
            let page = try #require(site[path])
            #expect(page.contains("Is the program working?"), "\(path)")
            // The headline is the last quarter finished (2026-Q4 on 8 January 2027): $455,000 from Acme's
            // review and Polaris' EUR 96,000 at 1.06; Harbor reported nothing for it and is named, not counted.
            #expect(page.contains("In 2026-Q4, the last quarter finished, partners brought $556,760 (from 2 partners), 10.3% of company revenue of $5,400,000, below the 35% target. Not counted, for want of a figure: Harbor Payments (no 2026-Q4 review)."), "\(path)")
            #expect(page.contains("src=\"\(root)program/charts/outcomes.svg\""), "\(path)")
            // Ranked: decisions (Bluebird's overdue go/no-go, Harbor's overdue review, Ember), the rest, and the ended partnership last.
            let order = ["Bluebird CRM", "Harbor Payments", "Ember Events", "Granite Consulting", "Driftwood Data", "Fjord Security"]
            let attention = try #require(page.components(separatedBy: "What needs attention").last)
            let positions = order.map { attention.range(of: ">\($0)</a>")?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(path)")
            #expect(attention.contains(/Fjord Security<\/a>(<\/strong>)?: The partnership ended on 3 November 2025\./), "\(path)")
            #expect(!attention.contains("sunk"), "\(path): nothing else about an ended partnership")
        }
        #expect(site["program/scorecard.html"]?.contains("<strong>Partnership theatre: 1.</strong>") == true)
        #expect(site["program/charts/outcomes.svg"]?.contains("<desc id=\"chart-desc\">Program outcomes by quarter. 2025-Q3:") == true)
    }

    @Test func partnerPageLinksEveryDocumentNewestPacketFirst() throws {
        let page = try #require(try Self.exampleSite()["partners/acme-cloud/index.html"])
        #expect(page.contains("href=\"charter.html\"") && page.contains("href=\"scorecard.html\""))
        let quarters = ["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"]
        let positions = quarters.map { page.range(of: "href=\"qbr/\($0).html\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(page.contains("class=\"phase phase-done\""))
        #expect(page.contains("<h2>Latest KPIs</h2>"))
    }

    @Test func everyPageMeetsTheAccessibilityBasics() throws {
        for (path, html) in try Self.exampleSite() where path.hasSuffix(".html") {
            #expect(html.contains("<html lang=\"en\">"), "\(path): lang")
            #expect(html.components(separatedBy: "<h1").count - 1 == 1, "\(path): one h1")
            var level = 1
            for match in html.matches(of: /<h([1-6])[ >]/) {
                let next = Int(match.1)!
                #expect(next <= level + 1, "\(path): h\(next) after h\(level)")
                level = next
            }
            for image in html.matches(of: /<img [^>]*>/) {
                #expect(image.0.contains(/alt="[^"]+"/), "\(path): \(image.0)")
            }
            #expect(!html.contains(/(href|src)="\//), "\(path): root-relative link")
            #expect(!html.contains(/(href|src)="https?:/), "\(path): network link")
        }
    }

    @Test func everyChartHasATextAlternative() throws {
        for (path, svg) in try Self.exampleSite() where path.hasSuffix(".svg") {
            #expect(svg.contains("role=\"img\""), "\(path)")
            #expect(svg.contains(/<title id="chart-title">[^<]+<\/title>/), "\(path)")
            #expect(svg.contains(/<desc id="chart-desc">[^<]+<\/desc>/), "\(path)")
        }
    }

    @Test func bandsNeverRelyOnColourAlone() throws {
        let site = try Self.exampleSite()
        for (path, html) in site where path.hasSuffix(".html") {
            for badge in html.matches(of: /<span class="badge badge-(green|amber|red)">([^<]*)<\/span>/) {
                #expect(!badge.2.isEmpty, "\(path): empty band badge")
            }
        }
        #expect(site["index.html"]!.contains("Health 99, Green"))
    }

    /// The internal site's sitemap lists its pages under `site.internal_url`,
    /// never under the public host of `base_url`.
    @Test func sitemapUsesTheInternalURLWhenGiven() throws {
        let sitemap = try #require(try Self.exampleSite()["sitemap.xml"])
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(sitemap.contains("<loc>https://intranet.northwind.example/partners/index.html</loc>"))
        #expect(sitemap.contains("<loc>https://intranet.northwind.example/partners/partners/acme-cloud/qbr/2026-Q4.html</loc>"))
        #expect(!sitemap.contains("partners.northwind.example"))
        let relative = try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.partner]))["sitemap.xml"]
        #expect(relative?.contains("<loc>partners/acme/charter.html</loc>") == true)
    }

    /// Past the protocol's 50,000 pages (a lower limit here), `sitemap.xml`
    /// is an index of sitemaps that list every page once, in path order.
    @Test func pastTheLimitSitemapXMLIndexesSitemapsOfAtMostThatManyPages() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner])
        let input = try ProgramInput(BuildConfiguration.test(folder.url, asOf: Fixtures.asOf, output: folder.url.appendingPathComponent("out")))
        let renderer = DocumentRenderer(templates: .empty, program: input.program, asOf: input.asOf)
        func locs(_ file: OutputFile) -> [String] {
            String(decoding: file.data, as: UTF8.self).components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        let paths = ["a.html", "b.html", "c.md", "d/e.html", "f&g.html"]
        let one = renderer.sitemaps(of: paths, base: "https://x.example", limit: 4) { $0 }
        #expect(one.map(\.path) == ["sitemap.xml"])
        #expect(locs(one[0]) == ["a.html", "b.html", "d/e.html", "f&amp;g.html"].map { "https://x.example/" + $0 })
        let split = renderer.sitemaps(of: paths + ["h.html"], base: "https://x.example", limit: 2) { $0 }
        #expect(split.map(\.path) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"])
        #expect(split.dropLast().map { locs($0).count } == [2, 2, 1])
        #expect(split.dropLast().flatMap(locs) == ["a.html", "b.html", "d/e.html", "f&amp;g.html", "h.html"].map { "https://x.example/" + $0 })
        let index = String(decoding: split[3].data, as: UTF8.self)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") && index.hasSuffix("</sitemapindex>\n"))
        #expect(locs(split[3]) == (1...3).map { "https://x.example/sitemap-\($0).xml" })
        #expect(split.dropLast().allSatisfy { String(decoding: $0.data, as: UTF8.self).hasSuffix("</url>\n</urlset>\n") })
    }

    /// A page whose body is over a megabyte (the validation report of a
    /// large program) is written from its texts, not put together as bytes
    /// first: the same bytes as the layout filled whole around it (a
    /// person's copy of the built-in layout, which is filled that way).
    @Test func aPageOfAMegabyteIsTheLayoutFilledWholeAroundIt() throws {
        let folder = TemporaryFolder.content(["acme": Fixtures.partner])
        let input = try ProgramInput(BuildConfiguration.test(folder.url, asOf: Fixtures.asOf, output: folder.url.appendingPathComponent("out")))
        let layout = try #require(BuiltInTemplates.files["layout.html.mustache"])
        folder.write("own/layout.html.mustache", "{{! a person's own copy }}" + layout)
        let diagnostics = (1...6_000).map {
            Diagnostic(.schemaType, file: "partners/p\($0 % 50).yaml", at: SourcePosition(line: $0, column: 1),
                       "a finding long enough that six thousand of them make a page of over a megabyte: <b>&</b> \($0)")
        }
        let report = DiagnosticReport(diagnostics: diagnostics.sorted(by: Diagnostic.ordered), partnerCount: 50, strict: false)
        var pages: [Data] = []
        for templates in ["built-in", "own"] {
            let set = try TemplateSet.load(from: folder.url.appendingPathComponent(templates), displayPath: templates)
            let renderer = DocumentRenderer(templates: set, program: input.program, asOf: input.asOf)
            let file = try #require(try renderer.programFiles([], report: report).first { $0.path == OutputPaths.report })
            pages.append(file.data)
        }
        #expect(pages[0].count > DocumentRenderer.largeBody)
        #expect(pages[0] == pages[1])
        #expect(String(decoding: pages[0], as: UTF8.self).components(separatedBy: "&lt;b&gt;&amp;&lt;/b&gt;").count == 6_001)
    }

    @Test func sitemapEscapesTheBaseURLOnceForEveryPage() throws {
        let program = Fixtures.program + "\nsite: { internal_url: \"https://x.example/a&b/\" }\n"
        let sitemap = try #require(try TestBuild.files(TemporaryFolder.content(["acme": Fixtures.partner], program: program))["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://x.example/a&amp;b/partners/acme/charter.html</loc>"))
        #expect(sitemap.contains("<loc>https://x.example/a&amp;b/index.html</loc>"))
        #expect(!sitemap.contains("a&b"))
        #expect(sitemap.hasSuffix("</url>\n</urlset>\n"))
    }
}
