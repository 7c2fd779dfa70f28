/// Signatures recorded on the charter, in file order.
public struct Signatures: Sendable {
    public var at: SourcePosition
    public var items: [Signature] = []

    package init(at: SourcePosition, items: [Signature] = []) {
        self.at = at
        self.items = items
    }
}

public struct Signature: Sendable {
    public var at: SourcePosition
    public var party: Located<Party>?
    public var name: Located<String>?
    public var title: Located<String>?
    public var date: Located<Day>?
    /// `sha256:` followed by 64 lowercase hex digits.
    public var fingerprint: Located<String>?

    package init(at: SourcePosition, party: Located<Party>? = nil, name: Located<String>? = nil, title: Located<String>? = nil, date: Located<Day>? = nil, fingerprint: Located<String>? = nil) {
        self.at = at
        self.party = party
        self.name = name
        self.title = title
        self.date = date
        self.fingerprint = fingerprint
    }
}
