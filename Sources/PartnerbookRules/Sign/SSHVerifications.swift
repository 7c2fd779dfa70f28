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
    }

    /// By the signature's index in the partner file's `signatures` list.
    public var outcomes: [Int: Outcome]

    public init(outcomes: [Int: Outcome] = [:]) {
        self.outcomes = outcomes
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
            }
        }.joined(separator: ";")
    }
}
