import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a program: Content/program.yaml, a scaffold partner, editor schemas, .gitignore and a CI workflow.",
        discussion: "Writes into DIR (default: the current folder) and refuses to overwrite an existing program. Then fill in each TODO and run partnerbook check.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The folder to start the program in.")
    var folder = "."

    func run() throws {
        do {
            let written = try ProgramInit.create(in: URL(fileURLWithPath: folder), commit: BuildCommit.id)
            let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
            for path in written { print("wrote \(prefix)\(path)") }
            print("""
            next: fill in each TODO in \(prefix)Content/program.yaml and \(prefix)Content/partners/\(ProgramInit.scaffoldID).yaml \
            (partnerbook check lists them), then partnerbook build
            """)
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
