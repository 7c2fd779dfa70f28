import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a rule's documentation: when it fires, why, how to fix it, an example.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The rule's id, as diagnostics print it in brackets (e.g. charter.governance.exit-criteria).")
    var rule: String

    func run() throws {
        guard let info = RuleCatalog.info(rule) else {
            let closest = RuleCatalog.closest(to: rule)
            FileHandle.standardError.write(Data("partnerbook: no rule '\(rule)'".utf8))
            FileHandle.standardError.write(Data((closest.isEmpty ? "" : "; did you mean \(closest.joined(separator: ", "))?") .utf8))
            FileHandle.standardError.write(Data("\n".utf8))
            throw ExitCode(64)
        }
        print(RuleDocs.page(info), terminator: "")
    }
}

struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate the reference pages: rules, content keys, template variables.",
        discussion: "Writes rules.md, content.md and templates.md into the folder (default docs/reference), each made from the source of what it documents; the template variables are recorded while the content folder renders in memory. The test suite fails when the committed pages differ.",
        version: PartnerbookVersion.line
    )

    @OptionGroup var contentOptions: ContentOptions

    @Argument(help: "The folder to write.")
    var folder = ReferenceDocs.folder

    func run() throws {
        try ContentFolder.require(contentOptions.content)
        do {
            let written = try ReferenceDocs.write(contentOptions.configuration(), to: URL(fileURLWithPath: folder))
            print("wrote \(written.joined(separator: ", "))")
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
