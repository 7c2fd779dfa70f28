import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

struct Changes: ParsableCommand {
    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    static let configuration = CommandConfiguration(
        abstract: "Print what changed in the signed text since each party's latest signature.",
        discussion: "Each changed field by its path, with the signed text and the text now. The signed text is found in the git history of the partner file: the revision whose fingerprint the signature carries.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(help: "text or json.")
    var format: Format = .text

    @OptionGroup var content: ContentOptions

    func run() throws {
        try ContentFolder.require(content.content)
        do {
            let result = try ChangesRun(content.configuration(), id: id)
            print(format == .json ? result.json : result.text, terminator: "")
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
