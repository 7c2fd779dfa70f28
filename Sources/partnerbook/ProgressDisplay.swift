import Foundation
import PartnerbookKit

/// Build progress on standard error: a bar redrawn in place on a terminal, a
/// plain line per tenth in CI and logs, nothing for builds under a second.
final class ProgressDisplay: @unchecked Sendable {
    private let start = Date()
    private let interactive = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var lastTenth = 0
    private var drew = false

    func update(partners: Int, total: Int, files: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard total > 0, now.timeIntervalSince(start) > 1 else { return }
        if interactive {
            guard now.timeIntervalSince(lastDraw) > 0.1 || partners == total else { return }
            lastDraw = now
            let width = 30
            let filled = width * partners / total
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(partners)/\(total) partners rendered, \(files) files written".utf8))
            drew = true
        } else {
            let tenth = 10 * partners / total
            guard tenth > lastTenth else { return }
            lastTenth = tenth
            FileHandle.standardError.write(Data("progress: \(partners)/\(total) partners rendered, \(files) files written\n".utf8))
        }
    }

    /// Ends the bar's line so what follows starts on a new one.
    func finish() {
        lock.withLock {
            if drew { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }
}
