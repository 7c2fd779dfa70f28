import PartnerbookModel
/// Partnerbook's version: `partnerbook --version` and every subcommand's help.
public enum PartnerbookVersion {
    public static let current = "0.3.0"
    /// What `--version` prints.
    public static let line = "partnerbook \(current)"
    /// The git commit this binary was built from (embedded at build time by
    /// the EmbedCommit plugin), or nil outside a git checkout: what the CI
    /// workflow `init` writes installs.
    public static var commit: String? { BuildCommit.id.count == 40 ? BuildCommit.id : nil }
}
