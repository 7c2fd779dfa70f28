import Foundation
import PartnerbookSystem

/// git run in a test's folder with a fixed identity and dates, so commits
/// made by tests have the days the test says (the history a redline or a
/// held review's packet reads).
package enum TestGit {
    /// Runs `git ARGUMENTS` in `folder`, committing as of noon UTC on `date`; the exit status.
    @discardableResult
    package static func run(_ arguments: [String], in folder: TemporaryFolder, date: String = "2026-01-05") throws -> Int32 {
        guard let git = Git.executable else { return 127 }
        let process = Process()
        process.executableURL = git
        process.arguments = ["-C", folder.url.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                             "-c", "commit.gpgsign=false"] + arguments
        process.environment = ["GIT_AUTHOR_DATE": date + "T12:00:00Z", "GIT_COMMITTER_DATE": date + "T12:00:00Z",
                               "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.url.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
