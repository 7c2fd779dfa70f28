/// Signatures recorded on the charter, in file order.
public struct Signatures: Sendable {
    public var at: SourcePosition
    public var items: [Signature] = []
}

public struct Signature: Sendable {
    public var at: SourcePosition
    public var party: Located<Party>?
    public var name: Located<String>?
    public var title: Located<String>?
    public var date: Located<Day>?
    /// `sha256:` followed by 64 lowercase hex digits.
    public var fingerprint: Located<String>?
}
