import Foundation
import PartnerbookKit
import Synchronization
import PartnerbookModel
import PartnerbookSupport

/// Build progress on standard error: a bar redrawn in place on a terminal, a
/// plain line per tenth in CI and logs, nothing for builds under a second.
final class ProgressDisplay: Sendable {
    private struct Drawn {
        var lastDraw = Date.distantPast
        var lastTenth = 0
        var drew = false
    }

    private let start = Date()
    private let interactive = isatty(STDERR_FILENO) == 1
    private let drawn = Mutex(Drawn())

    func update(partners: Int, total: Int, files: Int) {
        drawn.withLock { drawn in draw(&drawn, partners: partners, total: total, files: files) }
    }

    private func draw(_ state: inout Drawn, partners: Int, total: Int, files: Int) {
        let now = Date()
        guard total > 0, now.timeIntervalSince(start) > 1 else { return }
        if interactive {
            guard now.timeIntervalSince(state.lastDraw) > 0.1 || partners == total else { return }
            state.lastDraw = now
            let width = 30
            let filled = width * partners / total
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(partners)/\(total) partners rendered, \(files) files written".utf8))
            state.drew = true
        } else {
            let tenth = 10 * partners / total
            guard tenth > state.lastTenth else { return }
            state.lastTenth = tenth
            FileHandle.standardError.write(Data("progress: \(partners)/\(total) partners rendered, \(files) files written\n".utf8))
        }
    }

    /// Ends the bar's line so what follows starts on a new one.
    func finish() {
        drawn.withLock { state in
            if state.drew { FileHandle.standardError.write(Data("\n".utf8)) }
            state.drew = false
        }
    }
}
