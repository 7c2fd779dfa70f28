import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRender

/// One partner file given as bytes through the whole partner pass, as
/// `build` and `build --public` run it: load, every rule, and every document
/// rendered with the built-in templates (charter, scorecard, each packet and
/// brief, the charts, the partner's page, its listing with its fragments,
/// its public page and card). The fuzz target drives this, so a value that
/// only breaks a document (a 17-digit target) is found too.
package enum PartnerFileCheck {
    /// What one file gave: its findings and how many files its documents made.
    package struct Outcome {
        package var diagnostics: [Diagnostic]
        package var documents: Int
        package var listed: Bool
    }

    /// The program every fuzzed file belongs to: program.yaml in a content
    /// folder of its own (made once), read as-of 2026-11-20.
    private static let pipelines: (site: PartnerPipeline, directory: PartnerPipeline) = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerbook-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("partners"), withIntermediateDirectories: true)
        try? Data(program.utf8).write(to: folder.appendingPathComponent("program.yaml"))
        let day = Day(year: 2026, month: 11, day: 20)!
        let configuration = BuildConfiguration(content: folder, templates: folder.appendingPathComponent("no-templates"),
                                               asOf: day, today: day)
        let input = try! ProgramInput(configuration)
        let templates = try! TemplateSet.load(from: configuration.templates, displayPath: "built-in")
        let renderer = DocumentRenderer(templates: templates, program: input.program, asOf: input.asOf)
        return (PartnerPipeline(input, rendering: .site(renderer)), PartnerPipeline(input, rendering: .publicDirectory(renderer)))
    }()

    /// A program with outcomes, rates and a legal frame, so the documents use them.
    private static let program = """
        name: Fuzz Program
        company: Northwind Analytics
        currency: USD
        exchange_rates: { EUR: 1.1 }
        outcomes:
          - { quarter: 2026-Q2, revenue: 4000000 }
          - { quarter: 2026-Q3, revenue: 4800000 }
        legal: { entity: "Northwind Analytics, Inc.", address: "1 Main St" }
        public: { show_tiers: true }
        """

    package static func run(_ data: Data) -> Outcome {
        let site = pipelines.site.run("fuzz.yaml", data: data)
        let directory = pipelines.directory.run("fuzz.yaml", data: data)
        return Outcome(diagnostics: site.diagnostics, documents: site.documents.count, listed: directory.publicCard != nil)
    }
}
