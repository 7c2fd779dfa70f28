import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// What every command that reads a program is told: one value, passed whole,
/// instead of long initialisers. Defaults are the command line's.
package struct BuildConfiguration: Sendable {
    /// The content folder (`--content`).
    package var content: URL
    /// The templates folder (`--templates`), how to name it in messages, and
    /// whether it was named on the command line (then it must exist).
    package var templates: URL
    package var templatesDisplay: String
    package var templatesRequired = false
    /// The output folder (`--output`).
    package var output: URL
    /// `--as-of`; else `as_of` in program.yaml; else `today`.
    package var asOf: Day?
    package var today: Day
    /// Warnings count as errors.
    package var strict = false
    /// Build into a folder partnerbook did not write before.
    package var force = false
    /// Also print charters to PDF.
    package var pdf = false
    /// How many partners are worked on at once.
    package var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Reuse unchanged partners' output from the last build.
    package var useCache = true
    /// A build that writes its output afresh also keeps a hard-linked copy
    /// of it as the next build's spare when it has this many files or more
    /// (some four hundred partners): the first edit after it then costs what
    /// every later one does. Smaller outputs are linked in no time anyway.
    package var linkedSpareFrom = 5_000
    /// Wait for another build of the same output folder (else fail at once).
    package var waitForLock = true
    /// The OpenSSH allowed-signers file SSH signatures are checked against
    /// (`--allowed-signers`); nil: `allowed_signers` in the content folder.
    package var allowedSigners: URL?

    package init(content: URL, templates: URL = URL(fileURLWithPath: "Templates"), templatesDisplay: String = "Templates",
                output: URL = URL(fileURLWithPath: "Output"), asOf: Day? = nil, today: Day) {
        self.content = content
        self.templates = templates
        self.templatesDisplay = templatesDisplay
        self.output = output
        self.asOf = asOf
        self.today = today
    }
}
