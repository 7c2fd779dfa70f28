import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

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
