/// A word-by-word comparison of two texts, for a redline: the longest
/// common run of words is kept, the rest is removed or added. Words keep
/// the white space after them, so joining every part gives each text back.
package enum WordDiff {
    package enum Part: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Above this many word pairs the texts are compared whole (a removed
    /// text, then an added one) instead of word by word.
    static let maxPairs = 1_000_000

    package static func parts(from old: String, to new: String) -> [Part] {
        let a = words(old), b = words(new)
        guard !(a.isEmpty && b.isEmpty) else { return [] }
        guard a.count * b.count <= maxPairs else { return merged([.removed(old), .added(new)]) }
        // Longest common subsequence of words, compared without their trailing space.
        let keyA = a.map(key), keyB = b.map(key)
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = keyA[i] == keyB[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var out: [Part] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, keyA[i] == keyB[j] {
                out.append(.same(b[j])); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                out.append(.removed(a[i])); i += 1
            } else {
                out.append(.added(b[j])); j += 1
            }
        }
        return merged(out)
    }

    /// Words with the white space that follows each.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                inSpace = true
            } else if inSpace {
                out.append(current)
                current = ""
                inSpace = false
            }
            current.append(character)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    private static func key(_ word: String) -> Substring {
        word[..<(word.firstIndex { $0.isWhitespace } ?? word.endIndex)]
    }

    /// Neighbouring parts of one kind joined; removals before additions.
    private static func merged(_ parts: [Part]) -> [Part] {
        var out: [Part] = []
        for part in parts {
            switch (out.last, part) {
            case let (.same(a)?, .same(b)): out[out.count - 1] = .same(a + b)
            case let (.removed(a)?, .removed(b)): out[out.count - 1] = .removed(a + b)
            case let (.added(a)?, .added(b)): out[out.count - 1] = .added(a + b)
            default: out.append(part)
            }
        }
        return out
    }
}
