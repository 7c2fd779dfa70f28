import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput

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

    private func start(_ arguments: [String], in folder: TemporaryFolder) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
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
            let (first, firstErrors) = try start(arguments, in: folder)
            let (second, secondErrors) = try start(arguments, in: folder)
            let firstLog = String(decoding: firstErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let secondLog = String(decoding: secondErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "\(firstLog)\(secondLog)")
            let output = folder.url.appendingPathComponent("out")
            let manifest = try String(contentsOf: output.appendingPathComponent(OutputWriter.manifestName), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            let files = Set(OutputWriter.filesBelow(output)).subtracting([OutputWriter.manifestName])
            let missing = Set(manifest).subtracting(files), extra = files.subtracting(manifest)
            #expect(missing.isEmpty && extra.isEmpty,
                    "round \(round): \(missing.count) files listed but missing (\(missing.sorted().prefix(3))), \(extra.count) unlisted")
            for index in 0..<60 {
                let charter = output.appendingPathComponent("partners/\(String(format: "p%03d", index))/charter.html")
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

        let (waiting, errors) = try start(["build", "--content", "content", "--output", "out"], in: folder)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(waiting.isRunning, "it waits for the lock")
        lock = nil
        _ = lock
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        #expect(log.contains("partnerbook: waiting for another partnerbook build to finish writing out"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("partners/p000/charter.html").path))
    }
}
