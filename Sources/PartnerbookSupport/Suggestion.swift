import PartnerbookModel
import Synchronization

/// "Did you mean" for unknown keys, metric ids and partner names: the known
/// word with the smallest edit distance, when it is close enough to be a
/// plausible typo.
///
/// Bounded in time whatever the input: words longer than `maxLength` get
/// no suggestion (no key or name is that long), a candidate whose length
/// alone puts it too far is skipped without comparing, and the whole
/// process compares at most `budget` pairs of characters, after which
/// suggestions stop (a file of 30,000 unknown 32 KB keys, or an export of
/// 30,000 unknown names against 10,000 partners, cannot make a run slow).
public enum Suggestion {
    /// The longest word (in characters) a suggestion is looked for.
    public static let maxLength = 64
    /// Character pairs compared in one process before suggestions stop.
    public static let budget = 40_000_000
    private static let spent = Atomic<Int>(0)

    public static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let length = lowered.count
        guard length <= maxLength else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let other = candidate.lowercased()
            let otherLength = other.count
            guard otherLength <= maxLength else { continue }
            let allowed = max(2, min(length, otherLength) / 3)
            // The distance is at least the difference in length.
            guard abs(length - otherLength) <= allowed else { continue }
            guard spend(length * otherLength) else { break }
            let distance = editDistance(lowered, other)
            if distance <= allowed && (best == nil || distance < best!.1) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Takes `cells` from the process's budget; false once it is spent.
    private static func spend(_ cells: Int) -> Bool {
        spent.add(cells, ordering: .relaxed).newValue <= budget
    }

    /// Levenshtein distance, with `_`, `-` and space counted as the same.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        func fold(_ c: Character) -> Character { c == "-" || c == " " ? "_" : c }
        let x = a.map(fold), y = b.map(fold)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
