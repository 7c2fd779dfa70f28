import Foundation
import Synchronization
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// The state of the git repository a content folder is in, as one line: the
/// commit at HEAD, or why there is none. A charter whose redline read the
/// history is reused from the cache only while this line is the same, so a
/// commit (or a checkout) renders it again. Asked once per build, and only
/// when some cached partner read the history.
package final class RepositoryState: Sendable {
    private let folder: URL
    private let found = Mutex<String?>(nil)

    init(_ folder: URL) {
        self.folder = folder
    }

    var current: String {
        found.withLock { value in
            if let value { return value }
            let state = RepositoryState.read(folder)
            value = state
            return state
        }
    }

    private static func read(_ folder: URL) -> String {
        guard Git.executable != nil else { return "no git" }
        guard let result = try? Git.run(["rev-parse", "HEAD"], in: folder, outputLimit: 4096) else { return "git does not run" }
        guard result.status == 0 else { return "no commit" }
        return "HEAD " + result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
