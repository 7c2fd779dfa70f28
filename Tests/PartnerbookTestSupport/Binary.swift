import Foundation

/// Runs the built `partnerbook` executable, as a user would.
package enum Binary {
    package struct Result {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The executable beside the test bundle (SwiftPM puts both in the same
    /// products folder), or the one `PARTNERBOOK_TEST_BINARY` names: the
    /// end-to-end tests run against another build that way (an earlier
    /// release, to see that a new attack test fails on it).
    package static var url: URL {
        if let other = ProcessInfo.processInfo.environment["PARTNERBOOK_TEST_BINARY"] { return URL(fileURLWithPath: other) }
        let candidates = [
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let file = folder.appendingPathComponent("partnerbook")
            if FileManager.default.isExecutableFile(atPath: file.path) { return file }
        }
        fatalError("partnerbook executable not found beside the tests; searched \(candidates.map(\.path))")
    }

    /// The repository root, for the example content.
    package static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs the binary; a run longer than `timeout` seconds is killed and
    /// reported as status -1 (a hang is a failure, not a wait).
    package static func run(_ arguments: [String], in directory: URL, timeout: Double = 120,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Read before waiting so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let killed = watchdog.isCancelled == false && process.terminationReason == .uncaughtSignal
        watchdog.cancel()
        return Result(status: killed ? -1 : process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
