import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension SchemaExport.Kind: ExpressibleByArgument {}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of program.yaml or of a partner file, for editors.",
        discussion: "Editors with the YAML language server use it to complete keys and flag mistakes as you type; files written by init and new point to it. check stays the authority.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "program or partner.")
    var kind: SchemaExport.Kind = .partner

    func run() throws {
        print(SchemaExport.json(kind), terminator: "")
    }
}

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the built-in templates and assets into a folder, for editing.",
        discussion: "Build uses the built-in set; a Templates folder (or --templates DIR) replaces it file by file, so keep only the files you change. Refuses to overwrite anything.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The folder to write (default: Templates).")
    var folder = "Templates"

    func run() throws {
        do {
            let written = try TemplateExport.write(to: URL(fileURLWithPath: folder))
            print("wrote \(written.count) files into \(folder): edit the ones you want to change and delete the rest; build uses the built-in set for anything missing")
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
