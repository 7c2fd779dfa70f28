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

/// Two builds into one output folder: the second waits, or with --no-wait
/// exits 2; never a partial tree.
@Suite(.serialized) struct OneBuildAtATimeTests {
    /// A program big enough that two builds overlap.
    private func program(partners: Int) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        for index in 0..<partners { folder.write("content/partners/\(String(format: "p%03d", index)).yaml", Fixtures.partner) }
        return folder
    }

    @Test func twoBuildsAtOnceBothFinishAndLeaveAWholeTree() throws {
        let folder = program(partners: 60)
        let arguments = ["build", "--content", "content", "--output", "out", "--no-cache"]
        for round in 0..<3 {
            // Each round changes the content, so neither build may reuse the other's work.
            for index in 0..<60 {
                folder.write("content/partners/\(String(format: "p%03d", index)).yaml",
                             Fixtures.partner.replacingOccurrences(of: "A *good* partner.", with: "Round \(round)."))
            }
            // The test holds the lock while both start, so both are running
            // and contending when it lets go: the overlap is proven, not assumed.
            var held: OutputLock? = try OutputLock(output: folder.url.appendingPathComponent("out"), wait: false)
            let first = try RunningBinary(arguments, in: folder.url)
            let second = try RunningBinary(arguments, in: folder.url)
            #expect(first.waitFor("waiting for another partnerbook build") && second.waitFor("waiting for another partnerbook build"))
            held = nil
            _ = held
            let firstStatus = first.finish(), secondStatus = second.finish()
            #expect(firstStatus == 0 && secondStatus == 0, "\(first.stderr)\(second.stderr)")
            let output = folder.url.appendingPathComponent("out")
            let manifest = try String(contentsOf: output.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let files = Set(OutputWriter.filesBelow(output)).subtracting([OutputWriter.manifestName])
            let missing = Set(manifest).subtracting(files), extra = files.subtracting(manifest)
            #expect(missing.isEmpty && extra.isEmpty,
                    "round \(round): \(missing.count) files listed but missing (\(missing.sorted().prefix(3))), \(extra.count) unlisted")
            for index in 0..<60 {
                let charter = output.appendingPathComponent("partners/\(String(format: "p%03d", index))/index.html")
                #expect(try String(contentsOf: charter, encoding: .utf8).contains("Round \(round)."), "round \(round): p\(index)")
            }
            let beside = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
            #expect(!beside.contains { $0.hasPrefix(".out.staging-") }, "no staging folder left")
        }
    }

    @Test func aSecondBuildWaitsAndSaysSoOrExitsWithNoWait() throws {
        let folder = program(partners: 2)
        let output = folder.url.appendingPathComponent("out")
        var lock: OutputLock? = try OutputLock(output: output, wait: false)
        let refused = try Binary.run(["build", "--content", "content", "--output", "out", "--no-wait"], in: folder.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("another partnerbook build is writing \(output.standardizedFileURL.path) (process \(ProcessInfo.processInfo.processIdentifier)); not waiting (--no-wait)"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "it wrote nothing")

        let waiting = try RunningBinary(["build", "--content", "content", "--output", "out"], in: folder.url)
        #expect(waiting.waitFor("partnerbook: waiting for another partnerbook build to finish writing out"))
        #expect(waiting.process.isRunning, "it waits for the lock")
        lock = nil
        _ = lock
        #expect(waiting.finish() == 0)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("partners/p000/charter.html").path))
    }
}
