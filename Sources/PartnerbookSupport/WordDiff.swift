/// A word-by-word comparison of two texts, for a redline: the longest
/// common run of words is kept, the rest is removed or added. Words keep
/// the white space after them, so joining every part gives each text back.
public enum WordDiff {
    public enum Part: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public static func parts(from old: String, to new: String) -> [Part] {
        let a = words(old), b = words(new)
        guard !(a.isEmpty && b.isEmpty) else { return [] }
        // The standard library's difference (Myers' algorithm), on words compared without their trailing space.
        let edits = Edits(from: a.map(key), to: b.map(key))
        var out: [Part] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, edits.removed.contains(i) {
                out.append(.removed(a[i])); i += 1
            } else if j < b.count, edits.inserted.contains(j) {
                out.append(.added(b[j])); j += 1
            } else {
                out.append(.same(b[j])); i += 1; j += 1
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

/// Which elements of `old` a difference removes and which of `new` it
/// inserts (offsets), from `CollectionDifference`: walking both with these
/// gives the edit script of a word or line diff.
public struct Edits: Sendable {
    public var removed: Set<Int> = []
    public var inserted: Set<Int> = []

    public init<T: Hashable>(from old: [T], to new: [T]) {
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
    }
}
