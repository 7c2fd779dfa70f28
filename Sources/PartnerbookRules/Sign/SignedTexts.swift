import PartnerbookModel
import PartnerbookSupport
/// What the git history says about one partner's stale signatures: for each
/// fingerprint a stale signature carries, the text it signed (or why that
/// cannot be found). The pipeline looks it up before the rules run and the
/// documents are made; rules and views only read it, so neither runs git.
public struct SignedTexts: Sendable {
    public enum Lookup: Sendable {
        /// The signed revision: its commit, the partner as it read then (with
        /// our side then), and the day of the first commit after it that
        /// changed the text (nil while the change is not committed).
        case found(commit: String, partner: Partner, frame: CharterFrame, amended: Day?)
        /// Why the signed text cannot be found.
        case unavailable(String)
    }

    /// By fingerprint.
    public var lookups: [String: Lookup]

    public init(lookups: [String: Lookup] = [:]) {
        self.lookups = lookups
    }

    /// What changed since `signature` for `partner`: the field changes, or why they cannot be shown.
    public func changes(since signature: Signature, of partner: Partner, frame: CharterFrame)
        -> (diff: CharterDiff?, commit: String?, amended: Day?, note: String?) {
        guard let fingerprint = signature.fingerprint?.value, Fingerprint.isWellFormed(fingerprint) else {
            return (nil, nil, nil, "the signature's fingerprint is not a sha256 fingerprint, so the signed text cannot be found")
        }
        switch lookups[fingerprint] {
        case let .found(commit, signed, signedSide, amended)?:
            // In the signature's own form: a form-1 signature did not cover what form 2 added.
            return (CharterDiff(from: signed, oldFrame: signedSide, to: partner, newFrame: frame, form: signature.form), commit, amended, nil)
        case let .unavailable(reason)?:
            return (nil, nil, nil, reason)
        case nil:
            return (nil, nil, nil, "its history was not searched")
        }
    }

    /// A line for a cache key: what the documents read from the history.
    public var key: String {
        lookups.keys.sorted().map { fingerprint -> String in
            switch lookups[fingerprint]! {
            case .found(let commit, _, _, let amended): return fingerprint + "=" + commit + (amended.map { "@\($0)" } ?? "")
            case .unavailable(let reason): return fingerprint + "!" + reason
            }
        }.joined(separator: ";")
    }
}
