/// Signatures recorded on the charter, in file order.
public struct Signatures: Sendable {
    /// The `ssh-keygen -Y` namespace every charter signature is made in: a
    /// signature made for git or for a file cannot be replayed as one.
    public static let sshNamespace = "partnerbook-charter"

    public var at: SourcePosition
    public var items: [Signature] = []

    public init(at: SourcePosition, items: [Signature] = []) {
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
    /// The signer's email: the principal an SSH signature is allowed for.
    public var email: Located<String>?
    /// An SSH signature over the charter's canonical form, when there is one.
    public var ssh: SSHSignature?
    /// `canonical: 2`: the canonical form the fingerprint (and any SSH
    /// signature) was made over; nil for an entry made before form 2 (form 1).
    public var canonical: Located<CanonicalVersion>?
    /// What else shows the signature was given (an e-signature envelope id,
    /// a scanned copy's file name), printed with a typed entry.
    public var evidence: Located<String>?

    /// The canonical form this entry was made over.
    public var form: CanonicalVersion { canonical?.value ?? .one }

    public init(at: SourcePosition, party: Located<Party>? = nil, name: Located<String>? = nil, title: Located<String>? = nil,
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

/// The versions of the charter's canonical form (docs/signing.md): form 1
/// covered the partner's terms and our legal frame; form 2 covers every
/// value the charter prints, and the wording around them.
public enum CanonicalVersion: Int, CaseIterable, Sendable, Comparable {
    case one = 1
    case two = 2

    public static func < (a: CanonicalVersion, b: CanonicalVersion) -> Bool { a.rawValue < b.rawValue }
}

/// `ssh: { key, signature }` of a signature entry: made with `ssh-keygen -Y
/// sign -n partnerbook-charter` over the canonical form of the fingerprint
/// the entry carries.
public struct SSHSignature: Sendable {
    public var at: SourcePosition
    /// The signing key's fingerprint as OpenSSH prints it: `SHA256:` and base64.
    public var key: Located<String>?
    /// The armored signature (`-----BEGIN SSH SIGNATURE-----` ...).
    public var signature: Located<String>?

    public init(at: SourcePosition, key: Located<String>? = nil, signature: Located<String>? = nil) {
        self.at = at
        self.key = key
        self.signature = signature
    }
}
