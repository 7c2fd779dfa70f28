import PartnerbookModel
/// Partnerbook's version: `partnerbook --version` and every subcommand's help.
package enum PartnerbookVersion {
    package static let current = "0.3.0"
    /// What `--version` prints.
    package static let line = "partnerbook \(current)"
}
