import Foundation

/// `partnerbook build`: validate, then render everything and write it atomically.
public struct BuildRun {
    public var check: CheckRun
    /// Files written; nil when the content had errors and nothing was written.
    public var written: Int?

    public init(contentFolder: URL, templatesFolder: URL, templatesDisplay: String, output: URL,
                asOf: Day?, today: Day, strict: Bool, force: Bool, pdf: Bool = false) throws {
        check = try CheckRun(contentFolder: contentFolder, asOf: asOf, today: today, strict: strict)
        guard !check.report.fails else { return }
        let printer = pdf ? try CharterPDF() : nil
        let templates = try TemplateSet.load(from: templatesFolder, displayPath: templatesDisplay)
        let files = BuildRun.render(check, templates: templates)
        let company = check.content.program.company?.value
        let charters = check.content.partners.sorted { $0.id < $1.id }.map { ($0.id, Fingerprint.of($0, company: company)) }
        var pdfs: [String] = []
        let asOf = check.asOf
        try OutputWriter.write(files, to: output, force: force) { staging in
            pdfs = try printer?.print(charters: charters, in: staging, asOf: asOf) ?? []
            return pdfs
        }
        written = files.count + pdfs.count
    }

    /// Every output file of a checked program, in a stable order.
    static func render(_ check: CheckRun, templates: TemplateSet) -> [OutputFile] {
        let content = check.content
        let renderer = DocumentRenderer(templates: templates, program: content.program, asOf: check.asOf)
        let byFile = Dictionary(grouping: check.report.diagnostics, by: \.file)
        let contexts = content.partners.sorted { $0.id < $1.id }.map { partner in
            DocumentContext(program: content.program, partner: partner,
                            assessment: PartnerAssessment(partner, program: content.program),
                            asOf: check.asOf, diagnostics: byFile[partner.file] ?? [])
        }
        var files: [OutputFile] = []
        for context in contexts {
            files += renderer.partnerFiles(context)
        }
        files += renderer.programFiles(contexts, report: check.report, partners: content.partners)
        files += renderer.siteFiles(contexts, report: check.report)
        files.append(renderer.sitemap(of: files))
        return files
    }
}
