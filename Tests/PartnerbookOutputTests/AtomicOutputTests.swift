import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

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
        try OutputWriter.write([OutputFile(.programPage, "a.txt", "old"), OutputFile(.programPage, "dir/b.txt", "old")], to: output, force: false)
        let before = try tree(output)
        struct Boom: Error {}
        #expect(throws: OutputError.self) {
            try OutputWriter.write([OutputFile(.programPage, "a.txt", "new"), OutputFile(.programPage, "c.txt", "new")], to: output, force: false) { _ in
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
                try OutputWriter.write([OutputFile(.programPage, path, "x")], to: folder.url.appendingPathComponent("out"), force: false)
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

        // Killed right after each step says it finished (PARTNERBOOK_TIMINGS=1
        // prints "timing STEP"), so the kills land in every step in turn,
        // not wherever a sleep happened to end.
        var killedBeforeTheSwap = 0
        for step in ["", "check the output folder", "read the store", "digest the inputs", "up-to-date check",
                     "read the program and templates", "partners", "program pages", "commit and swap"] {
            let build = try RunningBinary(arguments, in: folder.url, environment: ["PARTNERBOOK_TIMINGS": "1"])
            if !step.isEmpty {  // "" kills it as soon as it started
                #expect(build.waitFor("timing " + step), "the build never reported the step '\(step)'")
            }
            build.kill()
            let now = try tree(output)
            #expect(now == old || now == new, "after a kill following '\(step)' the output is a mix of \(now.count) files")
            if now == old { killedBeforeTheSwap += 1 } else { break }
        }
        let sawOld = killedBeforeTheSwap >= 5
        #expect(sawOld, "only \(killedBeforeTheSwap) kills landed before the swap; the test proved little")
        #expect(try Binary.run(arguments, in: folder.url).status == 0)
        #expect(try tree(output) == new)
        #expect(try leftovers(beside: output).isEmpty, "the next build cleans up what killed builds left")
    }
}
