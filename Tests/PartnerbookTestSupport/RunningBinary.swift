import Foundation

/// The binary started in the background, its standard error read as it
/// comes, so a test acts on what the program says it is doing (a build
/// waiting for the lock, a step finished) instead of sleeping and hoping.
package final class RunningBinary {
    package let process = Process()
    private let errors = Pipe()
    /// Standard error read so far.
    package private(set) var stderr = ""

    package init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = Binary.url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
    }

    /// Reads standard error until it holds `text` (true) or ends (false).
    @discardableResult
    package func waitFor(_ text: String) -> Bool {
        while !stderr.contains(text) {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { return false }
            stderr += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    /// Reads the rest of standard error and waits for the exit status.
    package func finish() -> Int32 {
        stderr += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus
    }

    package func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = finish()
    }
}
