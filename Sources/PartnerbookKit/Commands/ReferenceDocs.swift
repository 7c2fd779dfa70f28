import Foundation
import PartnerbookLoad
import PartnerbookModel
import PartnerbookRender
import PartnerbookSupport

/// The generated pages of `docs/reference/` (`partnerbook docs`): the rules,
/// the content keys and the template variables, each made from the source of
/// the fact it documents, so a page cannot drift from the code; a test
/// regenerates them and fails when the committed pages differ.
package enum ReferenceDocs {
    /// Where the pages go, relative to the repository.
    package static let folder = "docs/reference"

    /// The three pages. The template variables are recorded while the program
    /// in `configuration.content` renders in memory (nothing is written).
    package static func pages(_ configuration: BuildConfiguration) throws -> [OutputFile] {
        let input = try ProgramInput(configuration)
        var templates = try TemplateSet.load(from: configuration.templates, displayPath: configuration.templatesDisplay,
                                             folderRequired: configuration.templatesRequired)
        let variables = TemplateVariables()
        templates.observer = variables
        let renderer = DocumentRenderer(templates: templates, program: input.program, asOf: input.asOf, rules: RuleCatalog.all)
        // Every document of every partner, the program pages and the public directory, through the same passes as the builds.
        let site = PartnerPipeline(input, rendering: .site(renderer))
        let partners = Parallel.map(site.names, jobs: configuration.jobs) { site.run($0) }
        let report = Check.report(input, partners.map(\.diagnostics), counted: partners.filter(\.counted).count, strict: configuration.strict)
        _ = try renderer.programFiles(partners.compactMap(\.listing), report: report)
        let directory = PartnerPipeline(input, rendering: .publicDirectory(renderer))
        let listed = Parallel.map(directory.names, jobs: configuration.jobs) { directory.run($0) }
        _ = renderer.publicFiles(cards: listed.compactMap(\.publicCard), pages: listed.flatMap { $0.documents.map(\.path) })
        return [
            OutputFile(.programPage, "rules.md", RuleDocs.markdown),
            OutputFile(.programPage, "content.md", ContentReference.markdown),
            OutputFile(.programPage, "templates.md", variables.markdown),
        ]
    }

    /// Writes the pages into `folder`, each replaced whole (written beside it, then renamed); returns their paths.
    package static func write(_ configuration: BuildConfiguration, to folder: URL) throws -> [String] {
        let pages = try pages(configuration)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for page in pages {
            try page.data.write(to: folder.appendingPathComponent(page.path), options: .atomic)
        }
        return pages.map { folder.appendingPathComponent($0.path).path }
    }
}
