import Foundation
import Synchronization
import PartnerbookModel
import PartnerbookSupport

/// What a build did.
package struct BuildResult: Sendable {
    /// What validation found (replayed from the store when nothing changed).
    package var report: DiagnosticReport
    package var asOf: Day
    /// Partners in the program.
    package var partnerCount = 0
    /// Files in the new output; nil when the content had errors and nothing was written.
    package var written: Int?
    /// Partners whose documents were rendered (the rest were reused).
    package var rendered = 0
    /// True when the output was already up to date and left untouched.
    package var upToDate = false
    /// Why the store could not be used, when it could not (the build then renders everything).
    package var cacheOff: String?
}

/// Counts what a build has done, for a progress display.
package final class BuildProgress: Sendable {
    private struct Counts { var partners = 0, files = 0, total = 0 }
    private let counts = Mutex(Counts())
    private let report: @Sendable (_ partnersDone: Int, _ partnersTotal: Int, _ filesWritten: Int) -> Void

    package init(report: @escaping @Sendable (_ partnersDone: Int, _ partnersTotal: Int, _ filesWritten: Int) -> Void) {
        self.report = report
    }

    func start(total: Int) {
        counts.withLock { $0.total = total }
    }

    func partnerDone(files written: Int) {
        let now = counts.withLock { counts -> Counts in
            counts.partners += 1
            counts.files += written
            return counts
        }
        report(now.partners, now.total, now.files)
    }
}
