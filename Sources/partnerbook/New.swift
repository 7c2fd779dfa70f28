import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension Tier: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Content/partners/ID.yaml with every section and placeholders that check flags until filled in.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID: lowercase letters, digits and dashes; it becomes the file name and a path segment.")
    var id: String

    @Option(help: "The tier: integration, partnership or strategic (or 1, 2, 3).")
    var tier: Tier?

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func validate() throws {
        guard PartnerID.isValid(id) else {
            throw ValidationError("'\(id)' is not a valid partner ID: use lowercase letters, digits and dashes, starting with a letter or digit")
        }
    }

    func run() throws {
        do {
            let file = try NewPartner.create(in: URL(fileURLWithPath: content), id: id, tier: tier)
            print("wrote \(content.hasSuffix("/") ? content : content + "/")partners/\(file.lastPathComponent); fill in each TODO, then run partnerbook check")
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
