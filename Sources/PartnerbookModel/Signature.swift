/// Signatures recorded on the charter, in file order.
package struct Signatures: Sendable {
    package var at: SourcePosition
    package var items: [Signature] = []

    package init(at: SourcePosition, items: [Signature] = []) {
        self.at = at
        self.items = items
    }
}

package struct Signature: Sendable {
    package var at: SourcePosition
    package var party: Located<Party>?
    package var name: Located<String>?
    package var title: Located<String>?
    package var date: Located<Day>?
    /// `sha256:` followed by 64 lowercase hex digits.
    package var fingerprint: Located<String>?
    /// The signer's email: the principal an SSH signature is allowed for.
    package var email: Located<String>?
    /// An SSH signature over the charter's canonical form, when there is one.
    package var ssh: SSHSignature?

    package init(at: SourcePosition, party: Located<Party>? = nil, name: Located<String>? = nil, title: Located<String>? = nil,
                 date: Located<Day>? = nil, fingerprint: Located<String>? = nil, email: Located<String>? = nil,
                 ssh: SSHSignature? = nil) {
        self.at = at
        self.party = party
        self.name = name
        self.title = title
        self.date = date
        self.fingerprint = fingerprint
        self.email = email
        self.ssh = ssh
    }
}

/// `ssh: { key, signature }` of a signature entry: made with `ssh-keygen -Y
/// sign -n partnerbook-charter` over the canonical form of the fingerprint
/// the entry carries.
package struct SSHSignature: Sendable {
    package var at: SourcePosition
    /// The signing key's fingerprint as OpenSSH prints it: `SHA256:` and base64.
    package var key: Located<String>?
    /// The armored signature (`-----BEGIN SSH SIGNATURE-----` ...).
    package var signature: Located<String>?

    package init(at: SourcePosition, key: Located<String>? = nil, signature: Located<String>? = nil) {
        self.at = at
        self.key = key
        self.signature = signature
    }
}
