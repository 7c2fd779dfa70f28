/// Every path of an output, in the order `sorted()` gives, made one at a
/// time as they are read: the partners' file lists, each in order and each
/// in a folder of its own (given in the order of those folders), merged
/// with the other paths. The manifest and the sitemap list two and a half
/// million paths at 100,000 partners; an array of them, a string each, was
/// 190 MB on top of the lists the paths come from.
package struct SortedPaths: Sequence {
    private let lists: [BuildCache.FileList]
    private let others: [String]
    package let count: Int

    /// - Parameters:
    ///   - lists: file lists, each in path order, whose paths all sort after
    ///     the paths of the lists before them (a folder each, ordered by the
    ///     folder's name and its `/`).
    ///   - others: any other paths, in any order.
    package init(lists: [BuildCache.FileList], others: [String]) {
        self.lists = lists
        self.others = others.sorted()
        count = lists.reduce(others.count) { $0 + $1.count }
    }

    package var underestimatedCount: Int { count }

    package func makeIterator() -> Iterator {
        Iterator(lists: lists, others: others)
    }

    package struct Iterator: IteratorProtocol {
        let lists: [BuildCache.FileList]
        let others: [String]
        var list = 0
        var inList: BuildCache.FileList.Iterator?
        var nextListed: String?
        var other = 0

        init(lists: [BuildCache.FileList], others: [String]) {
            self.lists = lists
            self.others = others
            nextListed = advance()
        }

        /// The next path of the lists, in order.
        private mutating func advance() -> String? {
            while list < lists.count {
                if inList == nil { inList = lists[list].makeIterator() }
                if let file = inList!.next() { return file.path }
                inList = nil
                list += 1
            }
            return nil
        }

        package mutating func next() -> String? {
            if let listed = nextListed, other == others.count || listed < others[other] {
                nextListed = advance()
                return listed
            }
            guard other < others.count else { return nil }
            defer { other += 1 }
            return others[other]
        }
    }
}
