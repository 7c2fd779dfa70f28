import PartnerbookModel
/// Limits every reader of content shares.
public enum ContentLimits {
    /// Largest content file read, in bytes. A partner file is a few kilobytes;
    /// anything near this limit is a mistake or an attack, not a partner.
    public static let fileBytes = 1 << 20
}
