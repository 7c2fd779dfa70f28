import Foundation
import PartnerbookSupport
import PartnerbookModel
import CFileSystem

/// Wall time of a build's steps, printed to stderr when the environment has
/// `PARTNERBOOK_TIMINGS=1` (for the benchmark and for profiling; off otherwise).
package struct StepTimes {
    package static let enabled = ProcessInfo.processInfo.environment["PARTNERBOOK_TIMINGS"] == "1"
    package init() {}
    private var last = DispatchTime.now().uptimeNanoseconds

    package mutating func mark(_ step: String) {
        guard StepTimes.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        // Resident memory now, from /proc (Linux), to see which step holds it.
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        FileHandle.standardError.write(Data(String(format: "timing %-28@ %8.3f s %6d MB resident %6d MB heap\n", step as NSString,
                                                   Double(now - last) / 1e9, pages * 4096 / 1_048_576,
                                                   Int(partnerbook_heap_in_use()) / 1_048_576).utf8))
        last = now
    }
}
