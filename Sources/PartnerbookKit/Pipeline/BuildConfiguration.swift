import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// What every command that reads a program is told: one value, passed whole,
/// instead of long initialisers. Defaults are the command line's.
public struct BuildConfiguration: Sendable {
    /// The content folder (`--content`).
    public var content: URL
    /// The templates folder (`--templates`), how to name it in messages, and
    /// whether it was named on the command line (then it must exist).
    public var templates: URL
    public var templatesDisplay: String
    public var templatesRequired = false
    /// The output folder (`--output`).
    public var output: URL
    /// `--as-of`; else `as_of` in program.yaml; else `today`.
    public var asOf: Day?
    public var today: Day
    /// Warnings count as errors.
    public var strict = false
    /// Build into a folder partnerbook did not write before.
    public var force = false
    /// Also print charters to PDF.
    public var pdf = false
    /// How many partners are worked on at once.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Reuse unchanged partners' output from the last build.
    public var useCache = true
    /// Wait for another build of the same output folder (else fail at once).
    public var waitForLock = true
    /// The OpenSSH allowed-signers file SSH signatures are checked against
    /// (`--allowed-signers`); nil: `allowed_signers` in the content folder.
    public var allowedSigners: URL?

    public init(content: URL, templates: URL = URL(fileURLWithPath: "Templates"), templatesDisplay: String = "Templates",
                output: URL = URL(fileURLWithPath: "Output"), asOf: Day? = nil, today: Day) {
        self.content = content
        self.templates = templates
        self.templatesDisplay = templatesDisplay
        self.output = output
        self.asOf = asOf
        self.today = today
    }
}
