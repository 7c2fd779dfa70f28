import Foundation
import Synchronization
import PartnerbookModel

/// The one way Partnerbook works on several cores: `jobs` workers take the
/// next item until none is left; results come back in the items' order.
/// State shared between workers is kept in a `Mutex`, so the compiler checks
/// every access (no `@unchecked Sendable`).
public enum Parallel {
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                                                       _ work: @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1, jobs > 1 else { return items.map(work) }
        let next = Mutex(0)
        let results = Mutex([Result?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < items.count else { return }
                let result = work(items[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Runs each piece of work, side by side, and returns their results in order.
    public static func run<Result: Sendable>(_ parts: [@Sendable () -> Result], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> [Result] {
        map(Array(parts.indices), jobs: jobs) { parts[$0]() }
    }
}

/// A flag any worker may set, to stop the others early.
public final class StopFlag: Sendable {
    private let value = Mutex(false)
    public init() {}
    public var isSet: Bool { value.withLock { $0 } }
    public func set() { value.withLock { $0 = true } }
}
