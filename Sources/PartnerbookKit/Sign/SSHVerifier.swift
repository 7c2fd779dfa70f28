import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules

/// Checks a partner's SSH signatures with OpenSSH, for `check`, `build` and
/// `verify`: each is verified over the canonical form of the fingerprint it
/// carries (the current charter's, or a stale signature's text found in git),
/// by a key `allowed_signers` lists for the entry's email.
package enum SSHVerifier {
    /// The file in the content folder that says whose key may sign for which email.
    package static let allowedSignersFile = "allowed_signers"

    /// The outcome of every SSH signature whose signed text is known; none
    /// when the partner has no SSH signature (OpenSSH is not run at all).
    package static func verify(_ partner: Partner, us: OurSide, texts: SignedTexts, allowed: URL?,
                               keygen: SSHKeygen?) -> SSHVerifications {
        let signatures = partner.signatures?.items ?? []
        guard signatures.contains(where: { $0.ssh != nil }) else { return SSHVerifications() }
        let current = Fingerprint.of(partner, us: us)
        var outcomes: [Int: SSHVerifications.Outcome] = [:]
        for (index, signature) in signatures.enumerated() {
            guard let ssh = signature.ssh, let fingerprint = signature.fingerprint?.value else { continue }
            let canonical: String
            if fingerprint == current {
                canonical = CanonicalForm.text(of: partner, us: us)
            } else if case .found(_, let signed, let side)? = texts.lookups[fingerprint] {
                canonical = CanonicalForm.text(of: signed, us: side)
            } else {
                continue  // the text it signed is not known: signature.stale says so
            }
            outcomes[index] = outcome(ssh, email: signature.email?.value, fingerprint: fingerprint, canonical: Data(canonical.utf8),
                                      allowed: allowed, keygen: keygen)
        }
        return SSHVerifications(outcomes: outcomes)
    }

    static func outcome(_ ssh: SSHSignature, email: String?, fingerprint: String, canonical: Data, allowed: URL?,
                        keygen: SSHKeygen?) -> SSHVerifications.Outcome {
        guard let keygen else { return .failed(SSHKeygen.missing) }
        guard let armored = ssh.signature?.value, !armored.isBlank, let stated = ssh.key?.value, let email, !email.isBlank else {
            return .failed("the entry needs email, ssh.key and ssh.signature")
        }
        let key: String
        switch keygen.signingKey(of: armored, over: canonical) {
        case .failure(let failure):
            return .failed("it is not a good signature of the charter text with fingerprint \(fingerprint) (the text or the stored signature changed after signing; ssh-keygen: \(failure.description))")
        case .success(let found):
            key = found
        }
        guard key == Trim.whitespace(stated) else {
            return .failed("it was made with key \(key), but the entry names key \(stated)")
        }
        guard let allowed else {
            return .failed("there is no \(allowedSignersFile) file in the content folder to say whose key \(key) is")
        }
        let principals: [String]
        switch keygen.principals(of: armored, allowed: allowed) {
        case .failure(let failure): return .failed("its key could not be looked up in \(allowed.lastPathComponent): \(failure.description)")
        case .success(let found): principals = found
        }
        guard !principals.isEmpty else {
            return .failed("key \(key) is not in \(allowed.lastPathComponent) for any email")
        }
        guard principals.contains(email) else {
            return .failed("key \(key) is allowed for \(principals.joined(separator: ", ")) in \(allowed.lastPathComponent), not for \(email)")
        }
        if case .failure(let failure) = keygen.verify(armored, over: canonical, principal: email, allowed: allowed) {
            return .failed("OpenSSH does not accept key \(key) for \(email) (check its namespaces and validity dates in \(allowed.lastPathComponent); ssh-keygen: \(failure.description))")
        }
        return .verified(key: key)
    }
}
