import PartnerbookModel
import PartnerbookSupport
/// What OpenSSH said about each SSH signature of one partner: verified with
/// a key, or why not. The pipeline runs `ssh-keygen -Y` before the rules run
/// and the documents are made; rules and views only read it.
public struct SSHVerifications: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// A good signature of the canonical form of the fingerprint it
        /// carries, by a key allowed for its email: the key's fingerprint.
        case verified(key: String)
        /// Why it does not verify, in a sentence.
        case failed(String)
        /// OpenSSH verified it with this key, but the entry is not bound to
        /// its party's signatory (`SignerBinding`): it proves nothing for that party.
        case unbound(key: String, reason: String)
    }

    /// By the signature's index in the partner file's `signatures` list.
    public var outcomes: [Int: Outcome]
    /// The public key (`type base64`) allowed_signers lists for each verified
    /// signature's email and key: what the charter's appendix prints.
    public var publicKeys: [Int: String]

    public init(outcomes: [Int: Outcome] = [:], publicKeys: [Int: String] = [:]) {
        self.outcomes = outcomes
        self.publicKeys = publicKeys
    }

    /// These outcomes with every verified signature that `SignerBinding`
    /// finds a problem with marked unbound.
    public func binding(_ problems: [SignerBinding.Problem]) -> SSHVerifications {
        var copy = self
        for problem in problems {
            if case .verified(let key)? = outcomes[problem.index] {
                copy.outcomes[problem.index] = .unbound(key: key, reason: problem.message)
            }
        }
        return copy
    }

    public subscript(index: Int) -> Outcome? { outcomes[index] }

    /// The key a signature was verified with, if it was.
    public func verifiedKey(_ index: Int) -> String? {
        if case .verified(let key)? = outcomes[index] { return key }
        return nil
    }

    /// A line for a cache key.
    public var key: String {
        outcomes.keys.sorted().map { index -> String in
            switch outcomes[index]! {
            case .verified(let key): return "\(index)=\(key)"
            case .failed(let reason): return "\(index)!\(reason)"
            case .unbound(let key, let reason): return "\(index)?\(key) \(reason)"
            }
        }.joined(separator: ";")
    }
}
