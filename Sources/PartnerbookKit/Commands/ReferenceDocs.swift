import Foundation
import PartnerbookLoad
import PartnerbookModel
import PartnerbookRender
import PartnerbookSupport

/// The generated pages of `docs/reference/` (`partnerbook docs`): the rules,
/// the content keys and the template variables, each made from the source of
/// the fact it documents, so a page cannot drift from the code; a test
/// regenerates them and fails when the committed pages differ.
public enum ReferenceDocs {
    /// Where the pages go, relative to the repository.
    public static let folder = "docs/reference"

    /// The three pages. The template variables are recorded while the program
    /// in `configuration.content` renders in memory (nothing is written).
    public static func pages(_ configuration: BuildConfiguration) throws -> [OutputFile] {
        let run = try CheckRun(configuration)
        var templates = try TemplateSet.load(from: configuration.templates, displayPath: configuration.templatesDisplay,
                                             folderRequired: configuration.templatesRequired)
        let variables = TemplateVariables()
        templates.observer = variables
        let renderer = DocumentRenderer(templates: templates, program: run.content.program, asOf: run.asOf, rules: RuleCatalog.all)
        let contexts = run.contexts()
        let listings = Parallel.map(contexts, jobs: configuration.jobs) { context in
            _ = renderer.partnerFiles(context)
            return renderer.listing(context)
        }
        _ = renderer.programFiles(listings, report: run.report)
        _ = renderer.publicFiles(contexts)
        return [
            OutputFile("rules.md", RuleDocs.markdown),
            OutputFile("content.md", ContentReference.markdown),
            OutputFile("templates.md", variables.markdown),
        ]
    }

    /// Writes the pages into `folder`, each replaced whole (written beside it, then renamed); returns their paths.
    public static func write(_ configuration: BuildConfiguration, to folder: URL) throws -> [String] {
        let pages = try pages(configuration)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for page in pages {
            try page.data.write(to: folder.appendingPathComponent(page.path), options: .atomic)
        }
        return pages.map { folder.appendingPathComponent($0.path).path }
    }
}
