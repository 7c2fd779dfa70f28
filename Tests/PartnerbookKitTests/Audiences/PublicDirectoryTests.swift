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

/// `build --public`: the directory partners and customers see.
@Suite struct PublicDirectoryTests {
    static let content = Binary.repository.appendingPathComponent("Content")

    /// Every file of the example's public build, by path (bytes as text).
    private func publicBuild() throws -> (folder: TemporaryFolder, files: [String: String]) {
        let folder = TemporaryFolder()
        let result = try Binary.run(["build", "--public", "--output", folder.url.appendingPathComponent("public").path,
                                     "--content", Self.content.path, "--templates", TestBuild.templates.path], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let root = folder.url.appendingPathComponent("public")
        var files: [String: String] = [:]
        for path in OutputWriter.filesBelow(root) {
            files[path] = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
        }
        return (folder, files)
    }

    @Test func onlyListedPartnersInWalkOrRunAreShown() throws {
        let (_, files) = try publicBuild()
        #expect(files["partners/acme-cloud/index.html"] != nil)
        #expect(files["partners/harbor-payments/index.html"] != nil)
        #expect(files["partners/polaris-hosting/index.html"] != nil)
        #expect(files["partners/granite-consulting/index.html"] == nil, "listed, but a prospect")
        #expect(files["partners/bluebird-crm/index.html"] == nil, "in walk, but not listed")
        let home = try #require(files["index.html"])
        #expect(home.contains("<input type=\"search\""))
        #expect(!home.contains("data-filter=\"tier\""), "tiers stay internal without public.show_tiers")
        #expect(home.contains("data-filter=\"category\" data-value=\"hosting-and-reseller\""))
        #expect(home.components(separatedBy: "data-partner=\"").count - 1 == 3)
        #expect(home.contains("✓ Charter signed by both companies"))
        #expect(!home.contains("program/scorecard.html") && !home.contains("report.html"))
    }

    @Test func trustBadgesFollowTheData() throws {
        let (_, files) = try publicBuild()
        let acme = try #require(files["partners/acme-cloud/index.html"])
        let harbor = try #require(files["partners/harbor-payments/index.html"])
        // As of 8 January 2027, Acme's last review was held on 8 October 2026: the previous quarter.
        #expect(!acme.contains("Reviewed this quarter"), "this quarter means the quarter the directory is published in")
        #expect(acme.contains("<span class=\"badge badge-trust\">✓ Charter signed by both companies</span>"))
        #expect(!harbor.contains("<span class=\"badge badge-trust\">✓ Reviewed this quarter</span>"), "its review is overdue")
        // Only earned badges: an unearned one is not printed at all, not even greyed out.
        #expect(!harbor.contains("Reviewed this quarter"))
        #expect(!harbor.contains("not-earned") && !harbor.contains("– "))
    }

    /// A partner's public text is its `public:` block (written for
    /// customers); without one, its name and badges only.
    @Test func thePublicBlockIsTheOnlySourceOfText() throws {
        let (_, files) = try publicBuild()
        let polaris = try #require(files["partners/polaris-hosting/index.html"])
        #expect(polaris.contains("Managed cloud hosting in the Benelux and Germany"))
        #expect(polaris.contains("<li>Dashboards hosted in the <strong>Amsterdam</strong> and <strong>Frankfurt</strong> regions</li>"))
        #expect(polaris.contains("<dd>Netherlands, Belgium, Luxembourg, Germany</dd>"))
        #expect(polaris.contains("<a href=\"https://polaris.example/\" rel=\"noopener\">"))
        #expect(polaris.contains("<a href=\"mailto:partners@polaris.example\">"))
        #expect(!polaris.contains("Polaris runs managed cloud hosting"), "the internal summary gives way to the public one")
        let acme = try #require(files["partners/acme-cloud/index.html"])
        #expect(acme.contains("Northwind dashboards built"), "its public summary")
        #expect(!acme.contains("largest managed data platform"), "never the internal summary")
        // Harbor is listed without a public: block: its name and badges only (public.no-summary warns).
        let harbor = try #require(files["partners/harbor-payments/index.html"])
        #expect(harbor.contains("Harbor Payments"))
        #expect(!harbor.contains("processes card payments") && !harbor.contains("<h2>Details</h2>"), "never the internal summary")
        #expect(!acme.contains("2026-12-02"), "public.approved is printed nowhere")
        for page in [polaris, acme, harbor] {
            #expect(!page.contains("badge-tier"), "no tier without public.show_tiers")
        }
    }

    @Test func tiersAppearOnlyWhenTheProgramAsks() throws {
        let folder = TemporaryFolder.project(["acme": Fixtures.partner(replacing: "status: run", with: "status: run\nlisted: true")],
                                             program: Fixtures.program + "\npublic: { show_tiers: true }\n")
        let result = try Binary.run(["build", "--public", "--output", "public", "--content", "content", "--templates", TestBuild.templates.path],
                                    in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let home = try String(contentsOf: folder.url.appendingPathComponent("public/index.html"), encoding: .utf8)
        #expect(home.contains("data-filter=\"tier\" data-value=\"strategic\""))
        #expect(home.contains("<span class=\"badge badge-tier\">Tier 3 · Strategic</span>"))
    }

    /// A website or contact that is not an http(s) address or an email is shown as text, never linked.
    @Test func onlyWebAndMailAddressesAreLinked() {
        #expect(PublicText.isWebAddress("https://polaris.example/"))
        #expect(!PublicText.isWebAddress("javascript:alert(1)"))
        #expect(!PublicText.isWebAddress("https://a.example/\" onmouseover=\"x"))
        #expect(!PublicText.isWebAddress("ftp://files.example/"))
    }

    /// No internal value of any example partner reaches any byte of the public directory.
    @Test func noInternalValueLeaks() throws {
        let (_, files) = try publicBuild()
        let check = try Check.program(.test(Self.content, asOf: nil, today: Fixtures.asOf, strict: false))
        // Words that name internal documents and figures: none in any page (the stylesheet's class names aside).
        for (path, page) in files where path.hasSuffix(".html") {
            for word in ["Health", "health", "leverage", "Leverage", "scorecard", "qbr/", "report.html", "brief", "weight", "Weight",
                         "Tier 1", "Tier 2", "Tier 3", "Strategic", "Integration"] {
                #expect(!page.contains(word), "\(path) holds '\(word)'")
            }
            // The only address is one a partner wrote for customers (public.contact).
            let addresses = page.matches(of: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/).map { String($0.output) }
            #expect(addresses.allSatisfy { $0 == "partners@polaris.example" }, "\(path) holds \(addresses)")
        }
        var ours: [String] = []
        for partner in check.partners {
            let assessment = PartnerAssessment(partner, program: check.program, asOf: check.asOf,
                                               signatures: SignatureState(partner, frame: check.program.charterFrame(template: CharterWording.builtIn)))
            ours.append(assessment.leverage.recommendation.sentence)
            ours.append("Health \(assessment.health.total)")
            ours.append(assessment.health.bandText)
            if let tier = assessment.tierDecision { ours.append(tier.reason) }
            // The charter's value exchange, never public: the listing fees and funds it names are commercial terms.
            ours += (partner.charter?.valueExchange?.weGive?.value ?? []).map(\.value)
            ours += (partner.charter?.valueExchange?.partnerGives?.value ?? []).map(\.value)
            ours += [partner.charter?.goals?.us?.value, partner.charter?.goals?.partner?.value].compactMap { $0 }
            ours += partner.signatures?.items.compactMap { $0.fingerprint?.value } ?? []
            if let evidence = partner.leverage?.evidence?.value { ours += evidence.split(separator: "\n").map { Trim.whitespace(String($0)) } }
            ours += (partner.commitments?.us ?? []).map(\.value) + (partner.commitments?.partner ?? []).map(\.value)
            ours += [partner.commitments?.ifItFails?.us?.value, partner.commitments?.ifItFails?.partner?.value].compactMap { $0 }
            ours += [partner.contacts?.us?.email?.value, partner.contacts?.partner?.email?.value,
                     partner.contacts?.us?.name?.value, partner.contacts?.partner?.name?.value].compactMap { $0 }
            for review in partner.reviews?.items ?? [] {
                ours += review.risks.flatMap { [$0.risk?.value, $0.action?.value].compactMap { $0 } }
                ours += review.objectives.map(\.value) + review.decisions.map(\.value)
                ours += [review.highlights?.value].compactMap { $0 }
                ours += (review.commitments?.us ?? []).map(\.value) + (review.commitments?.partner ?? []).map(\.value)
            }
            ours += check.report.diagnostics.filter { $0.file == partner.file }.map(\.message)
            ours.append(partner.charter?.valueExchange?.balance?.value ?? "")
        }
        for value in ours where value.count >= 4 {
            for (path, bytes) in files {
                #expect(!bytes.contains(value), "\(path) holds the internal value '\(value)'")
            }
        }
    }

    @Test func thePublicAndInternalSitesNeverShareAFolder() throws {
        let folder = TemporaryFolder()
        let args = ["--content", Self.content.path, "--templates", TestBuild.templates.path]
        #expect(try Binary.run(["build", "--public", "--output", "site"] + args, in: folder.url).status == 0)
        let internalBuild = try Binary.run(["build", "--output", "site"] + args, in: folder.url)
        #expect(internalBuild.status == 2)
        #expect(internalBuild.stderr.contains("is a public partner directory"))
        #expect(try Binary.run(["build", "--output", "inside"] + args, in: folder.url).status == 0)
        let publicBuild = try Binary.run(["build", "--public", "--output", "inside"] + args, in: folder.url)
        #expect(publicBuild.status == 2)
        #expect(publicBuild.stderr.contains("holds the internal site"))
        #expect(try Binary.run(["build", "--public"] + args, in: folder.url).status == 64, "--public needs --output")
    }
}

/// Section 21: the public directory's badges are right on the day it is
/// published, and its text never falls back to the internal summary.
@Suite struct PublicDirectoryAsOfTests {
    typealias F = Fixtures

    private func page(_ yaml: String, asOf: String) throws -> String? {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        folder.write("content/partners/acme.yaml", yaml)
        let result = try Binary.run(["build", "--public", "--content", "content", "--output", "public", "--as-of", asOf], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let url = folder.url.appendingPathComponent("public/partners/acme/index.html")
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// The fixture's last review was held on 8 October 2026.
    @Test(arguments: [("2026-11-20", true), ("2026-12-31", true), ("2027-01-02", false)])
    func reviewedThisQuarterMeansThisQuarter(_ asOf: String, _ earned: Bool) throws {
        let listed = F.partner(replacing: "status: run", with: "status: run\nlisted: true")
        let text = try #require(try page(listed, asOf: asOf))
        #expect(text.contains("✓ Reviewed this quarter") == earned, "as of \(asOf)")
        #expect(!text.contains("A <em>good</em> partner"), "no public: block, so no text but the name and badges")
    }
}
