import PartnerbookModel
import PartnerbookSupport
/// Does each side have economic skin in the game, and something to lose?
public struct CommitmentCheck: Sendable, Equatable {
    /// Sides with no economic commitment written down.
    public var uncommitted: [Party]
    /// Sides with no stated loss if the partnership fails.
    public var noDownside: [Party]

    public init(_ commitments: Commitments?) {
        uncommitted = Party.allCases.filter { party in
            (commitments?[party] ?? []).allSatisfy { $0.value.isBlank }
        }
        noDownside = Party.allCases.filter { party in
            commitments?.ifItFails?[party]?.value.isBlank ?? true
        }
    }

    /// Either side can walk away at no cost: a handshake, not a partnership.
    public var isHandshake: Bool { !uncommitted.isEmpty }
}

