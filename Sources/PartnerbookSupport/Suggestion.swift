import PartnerbookModel
/// "Did you mean" for unknown keys: the known key with the smallest edit
/// distance, when it is close enough to be a plausible typo.
package enum Suggestion {
    package static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(2, min(word.count, candidate.count) / 3)
        return distance <= allowed ? candidate : nil
    }

    /// Levenshtein distance, with `_`, `-` and space counted as the same.
    package static func editDistance(_ a: String, _ b: String) -> Int {
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
