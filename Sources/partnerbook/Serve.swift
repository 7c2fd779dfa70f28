import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookPreview
import PartnerbookModel
import PartnerbookSupport

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the output on 127.0.0.1, and rebuild and reload when a content or template file changes.",
        version: PartnerbookVersion.line
    )

    @OptionGroup var content: ContentOptions

    @Option(help: "The output folder.")
    var output = "Output"

    @Option(help: "The port on 127.0.0.1 (0: a free port, printed when serving starts).")
    var port: UInt16 = 8080

    @Flag(help: "Build into a folder partnerbook did not write before.")
    var force = false

    @Flag(name: .customLong("no-wait"), help: "When another build is writing the output folder, show that as an error instead of waiting for it.")
    var noWait = false

    func run() async throws {
        try ContentFolder.require(content.content)
        var configuration = content.configuration(output: output)
        configuration.templatesDisplay = content.templates ?? "built-in templates"
        configuration.force = force
        configuration.waitForLock = !noWait
        let options = PreviewServer.Options(build: configuration, contentDisplay: content.content)
        let server = PreviewServer(options: options, port: port) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        do {
            try await server.run()
        } catch {
            throw Exit.fail("cannot serve on 127.0.0.1:\(port): \(error)")
        }
    }
}
