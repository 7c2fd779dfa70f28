import Foundation
import PartnerbookKit
import PartnerbookOutput
import Synchronization
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// `partnerbook serve`: builds, serves the output on 127.0.0.1, rebuilds when
/// a content or template file changes, and reloads open pages. A build with
/// errors shows them in the terminal and in the browser instead of the stale site.
package struct PreviewServer: Sendable {
    package struct Options: Sendable {
        /// What each rebuild builds (`waitForLock` false: another build holding the output is shown as this build's error).
        package var build: BuildConfiguration
        /// How the command line named the content folder, for messages.
        package var contentDisplay: String

        package init(build: BuildConfiguration, contentDisplay: String) {
            self.build = build
            self.contentDisplay = contentDisplay
        }
    }

    let options: Options
    let port: UInt16
    let log: @Sendable (String) -> Void
    /// The cache between rebuilds.
    let memory = Build.Memory()

    package init(options: Options, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.port = port
        self.log = log
    }

    /// Runs until the process is stopped.
    package func run() async throws {
        let state = PreviewState()
        // Taken before the first build: a file saved while it runs, or
        // before watching starts, is a change the watcher still sees.
        let before = FolderSnapshot(options.build.content, options.build.templates)
        rebuild(into: state)
        let server = try PreviewHTTP(port: port)
        let output = options.build.output
        server.serve { request in
            switch request.path {
            case "/__partnerbook/version":
                return .ok(Data(String(state.version).utf8), type: "text/plain")
            case "/__partnerbook/reload.js":
                return .ok(Data(PreviewPages.reloadScript.utf8), type: "text/javascript")
            default:
                return PreviewPages.respond(to: request.path, output: output, state: state)
            }
        }
        log("serving \(options.build.output.path) on http://127.0.0.1:\(server.port)/ (watching \(options.contentDisplay) and \(options.build.templatesDisplay); Ctrl-C stops)")
        await watch(state, from: before)
    }

    /// Watches the content and templates folders and rebuilds on any change:
    /// woken by the file system's events where it has them (then a
    /// snapshot every two seconds without one), else polling four times a
    /// second. A snapshot of the folders decides whether anything changed.
    private func watch(_ state: PreviewState, from snapshot: FolderSnapshot) async {
        var last = snapshot
        let events = FileEvents([options.build.content, options.build.templates])
        while !Task.isCancelled {
            if let events {
                // A save is often several events (write, close, rename into
                // place): the ones that follow within a moment are read too.
                if events.wait(timeout: 2) { _ = events.wait(timeout: 0.02) }
            } else {
                try? await Task.sleep(nanoseconds: 250_000_000)
            }
            let now = FolderSnapshot(options.build.content, options.build.templates)
            if now != last {
                last = now
                log("change detected; rebuilding")
                rebuild(into: state)
            }
        }
    }

    /// Builds again, keeping the cache in `memory` between builds; the
    /// browser is told as soon as the new output is in place, before the
    /// cache is saved for the next build.
    private func rebuild(into state: PreviewState) {
        var announced = false
        do {
            let build = try Build.run(options.build, waiting: log, memory: memory) { committed in
                announce(committed, to: state)
                announced = true
            }
            if !announced { announce(build, to: state) }
            // What the build freed goes back to the system before the next
            // one: serve's memory is one build's, not the sum of its rebuilds.
            ReleaseMemory.now()
        } catch {
            let message = "\(error)"
            log(message)
            state.failed(message)
        }
    }

    /// What a build found, to the log and to the browser.
    private func announce(_ build: BuildResult, to state: PreviewState) {
        let text = build.report.render(.text, pathPrefix: options.contentDisplay)
        log(text.trimmingCharacters(in: .newlines))
        if let written = build.written {
            state.succeeded()
            log("rebuilt \(written) files")
        } else {
            state.failed(text)
            log("build has errors: the browser shows them until they are fixed")
        }
    }
}

/// What the server knows between requests: a version that changes on every
/// build, and the errors of the last build if it failed. Read from the
/// connection threads, written by the watcher.
final class PreviewState: Sendable {
    private struct Build {
        var version = 0
        var errors: String?
    }

    private let build = Mutex(Build())

    var version: Int { build.withLock { $0.version } }
    var errors: String? { build.withLock { $0.errors } }

    func succeeded() {
        build.withLock { $0 = Build(version: $0.version + 1, errors: nil) }
    }

    func failed(_ text: String) {
        build.withLock { $0 = Build(version: $0.version + 1, errors: text) }
    }
}

/// Paths and stamps (size, modification and change times, inode) of every
/// file below some folders, kept as one digest of them all, in any order
/// (`UnorderedDigest`): `serve` only asks whether anything changed. Kept as
/// a table of every path it held 25 MB at 100,000 partners, twice (the
/// snapshot taken before the first build lived as long as the server).
/// `readdir` for the names and one `stat` each, so a poll of ten thousand
/// partner files costs milliseconds, not the half second FileManager's
/// enumerator with resource values took.
struct FolderSnapshot: Equatable {
    private var digest = UnorderedDigest()

    init(_ folders: URL...) {
        for folder in folders {
            let root = folder.path
            for path in FolderWalk.files(below: root) {
                guard let stamp = FileStamp.current(root + "/" + path) else { continue }
                digest.add("\(root)/\(path)\0\(stamp.line)")
            }
        }
    }
}
