import Foundation
import Testing
@testable import PartnerbookOutput

/// A partner's files as the store holds them (`BuildCache.FileList`) and
/// every path of an output read in order (`SortedPaths`).
@Suite struct FileListTests {
    typealias File = BuildCache.File

    @Test func aListGivesBackEveryFileAsItWasGiven() {
        let lists: [[File]] = [
            [],
            [File(path: "index.html", size: 1)],
            [File(path: "partners/acme/charter.html", size: 23_700, modified: 1_796_580_394_371_413_140, inode: 5_341_212),
             File(path: "partners/acme/charter.md", size: 0, modified: -1, inode: UInt64.max),
             File(path: "partners/acme/qbr/2026-Q1-brief.html", size: 3, modified: Int.min, inode: 1 << 63),
             File(path: "partners/acme/qbr/2026-Q1.html", size: 4),
             File(path: "partners/acme/qbr/2026-Q1.html", size: 5),
             File(path: "partners/acme/qbr", size: 6),
             File(path: "partners/é/ü.html", size: 7),
             File(path: "partners/é/üx.html", size: 8),
             File(path: "zz", size: 9)],
        ]
        for files in lists {
            let list = BuildCache.FileList(files)
            #expect(Array(list) == files)
            #expect(list.count == files.count && list.isEmpty == files.isEmpty)
            #expect(list.paths == files.map(\.path))
            #expect(list == BuildCache.FileList(files))
            // Made a file at a time from each path's bytes (as the cache is read), the same list; the builder starts again.
            var builder = BuildCache.FileList.Builder()
            for file in files { builder.append(file) }
            #expect(builder.finish() == list)
            #expect(builder.finish().isEmpty)
        }
        #expect(BuildCache.FileList([File(path: "a", size: 1)]) != BuildCache.FileList([File(path: "a", size: 2)]))
        #expect(BuildCache.FileList([File(path: "ab", size: 1), File(path: "ac", size: 1)])
                != BuildCache.FileList([File(path: "ab", size: 1), File(path: "ad", size: 1)]))
    }

    /// Partner folders ordered by their ID and its slash, merged with the
    /// other paths, read as `sorted()` orders them all.
    @Test func sortedPathsAreThePathsSorted() {
        let ids = ["a", "a-b", "a0", "ab", "b", "a-"]
        func files(_ id: String) -> [File] {
            ["charter.html", "qbr/2026-Q1.html", "index.html", "qbr/2026-Q1-brief.md", "charts/trends.svg"]
                .map { File(path: "partners/\(id)/\($0)", size: 1) }.sorted { $0.path < $1.path }
        }
        let folders = ids.sorted { ($0 + "/") < ($1 + "/") }
        let others = ["sitemap.xml", "index.html", "program/scorecard.html", "partners.json", "partners/zz.txt", "assets/é.css", "p"]
        let sorted = SortedPaths(lists: folders.map { BuildCache.FileList(files($0)) }, others: others)
        let every = ids.flatMap { files($0).map(\.path) } + others
        #expect(Array(sorted) == every.sorted())
        #expect(sorted.count == every.count)
        #expect(OutputWriter.manifest(of: sorted) == Data((every.sorted().joined(separator: "\n") + "\n").utf8))
        #expect(Array(SortedPaths(lists: [], others: [])).isEmpty)
        #expect(OutputWriter.manifest(of: SortedPaths(lists: [], others: [])) == Data("\n".utf8))
    }
}
