import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules

/// Checks a partner's SSH signatures with OpenSSH, for `check`, `build` and
/// `verify`: each is verified over the canonical form of the fingerprint it
/// carries, in the form the entry names (the current charter's, or a stale
/// signature's text found in git), by a key `allowed_signers` lists for the
/// entry's email on the day the entry carries (`-Overify-time`): a key that
/// expired since still verifies what it signed while it was valid.
package enum SSHVerifier {
    /// The file in the content folder that says whose key may sign for which email.
    package static let allowedSignersFile = "allowed_signers"

    /// The outcome of every SSH signature whose signed text is known; none
    /// when the partner has no SSH signature (OpenSSH is not run at all).
    package static func verify(_ partner: Partner, frame: CharterFrame, state: SignatureState, texts: SignedTexts, allowed: URL?,
                               signers: AllowedSigners = AllowedSigners(), keygen: SSHKeygen?) -> SSHVerifications {
        let signatures = partner.signatures?.items ?? []
        guard signatures.contains(where: { $0.ssh != nil }) else { return SSHVerifications() }
        var outcomes: [Int: SSHVerifications.Outcome] = [:]
        var publicKeys: [Int: String] = [:]
        for (index, signature) in signatures.enumerated() {
            guard let ssh = signature.ssh, let fingerprint = signature.fingerprint?.value else { continue }
            guard let canonical = signedText(signature, of: partner, frame: frame, state: state, texts: texts) else {
                continue  // the text it signed is not known: signature.stale says so
            }
            let result = outcome(ssh, email: signature.email?.value, date: signature.date?.value, fingerprint: fingerprint,
                                 canonical: Data(canonical.utf8), allowed: allowed, keygen: keygen)
            outcomes[index] = result
            if case .verified(let key) = result, let email = signature.email?.value {
                publicKeys[index] = signers.publicKey(fingerprint: key, principal: email)
            }
        }
        return SSHVerifications(outcomes: outcomes, publicKeys: publicKeys)
    }

    /// The canonical text `signature` was made over, when it is known: the
    /// current charter's in the entry's form, or the signed version's from git.
    package static func signedText(_ signature: Signature, of partner: Partner, frame: CharterFrame, state: SignatureState,
                                   texts: SignedTexts) -> String? {
        guard let fingerprint = signature.fingerprint?.value else { return nil }
        if state.covers(signature) {
            return CanonicalForm.text(of: partner, frame: frame, form: signature.form)
        }
        if case .found(_, let signed, let signedFrame, _)? = texts.lookups[fingerprint] {
            return CanonicalForm.text(of: signed, frame: signedFrame, form: signature.form)
        }
        return nil
    }

    static func outcome(_ ssh: SSHSignature, email: String?, date: Day?, fingerprint: String, canonical: Data, allowed: URL?,
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
        let day = date.map { " on \($0)" } ?? ""
        let principals: [String]
        switch keygen.principals(of: armored, allowed: allowed, on: date) {
        case .failure(let failure) where failure.outsideValidity:
            return .failed("key not valid\(day), the date of the signature: \(key) in \(allowed.lastPathComponent) (\(failure.description))")
        case .failure(let failure): return .failed("its key could not be looked up in \(allowed.lastPathComponent): \(failure.description)")
        case .success(let found): principals = found
        }
        guard !principals.isEmpty else {
            return .failed("key \(key) is not in \(allowed.lastPathComponent) for any email")
        }
        guard principals.contains(email) else {
            return .failed("key \(key) is allowed for \(principals.joined(separator: ", ")) in \(allowed.lastPathComponent), not for \(email)")
        }
        switch keygen.verify(armored, over: canonical, principal: email, allowed: allowed, on: date) {
        case .failure(let failure) where failure.outsideValidity:
            return .failed("key not valid\(day), the date of the signature: \(key) for \(email) in \(allowed.lastPathComponent) (\(failure.description))")
        case .failure(let failure):
            return .failed("OpenSSH does not accept key \(key) for \(email) (check its namespaces in \(allowed.lastPathComponent); ssh-keygen: \(failure.description))")
        case .success:
            return .verified(key: key)
        }
    }
}
