import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput

/// The output folder is always a complete build, old or new: never a mix.
@Suite struct AtomicOutputTests {
    private func tree(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in OutputWriter.filesBelow(url) { out[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        return out
    }

    private func leftovers(beside output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(output.lastPathComponent).") && !$0.hasSuffix(".cache") && !$0.hasSuffix(".lock") }
    }

    @Test func aFailureBeforeTheSwapLeavesTheOutputAsItWas() throws {
        let folder = TemporaryFolder()
        let output = folder.url.appendingPathComponent("out")
        try OutputWriter.write([OutputFile("a.txt", "old"), OutputFile("dir/b.txt", "old")], to: output, force: false)
        let before = try tree(output)
        struct Boom: Error {}
        #expect(throws: OutputError.self) {
            try OutputWriter.write([OutputFile("a.txt", "new"), OutputFile("c.txt", "new")], to: output, force: false) { _ in
                throw Boom()
            }
        }
        #expect(try tree(output) == before)
        #expect(try leftovers(beside: output).isEmpty, "staging folder removed")
    }

    @Test func pathsOutsideTheOutputAreRefused() throws {
        let folder = TemporaryFolder()
        for path in ["../escape.txt", "/etc/x", "a/../../b", "", "a//b"] {
            #expect(throws: OutputError.self) {
                try OutputWriter.write([OutputFile(path, "x")], to: folder.url.appendingPathComponent("out"), force: false)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("escape.txt").path))
    }

    @Test func killedBuildsLeaveTheOldOrTheNewOutputNeverAMix() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        let ids = (0..<120).map { String(format: "p%03d", $0) }
        for id in ids { folder.write("content/partners/\(id).yaml", Fixtures.partner) }
        let arguments = ["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "out"]
        #expect(try Binary.run(arguments, in: folder.url).status == 0)
        let output = folder.url.appendingPathComponent("out")
        let old = try tree(output)

        for id in ids {
            folder.write("content/partners/\(id).yaml",
                         Fixtures.partner.replacingOccurrences(of: "summary: A *good* partner.", with: "summary: Version two."))
        }
        // The new build, made elsewhere, to compare against.
        #expect(try Binary.run(["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "expected"],
                               in: folder.url).status == 0)
        let new = try tree(folder.url.appendingPathComponent("expected"))

        var sawOld = false
        for delay in [0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 1.8] {
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = arguments
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try tree(output)
            #expect(now == old || now == new, "after a kill at \(delay)s the output is a mix of \(now.count) files")
            if now == old { sawOld = true } else { break }
        }
        #expect(sawOld, "no kill landed before the swap; the test proved nothing")
        #expect(try Binary.run(arguments, in: folder.url).status == 0)
        #expect(try tree(output) == new)
        #expect(try leftovers(beside: output).isEmpty, "the next build cleans up what killed builds left")
    }
}
