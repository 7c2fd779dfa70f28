import PartnerbookModel
/// Partnerbook's version: `partnerbook --version` and every subcommand's help.
public enum PartnerbookVersion {
    public static let current = "0.3.0"
    /// What `--version` prints.
    public static let line = "partnerbook \(current)"
}
