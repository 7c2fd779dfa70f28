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

    /// A file's line of the cache (tab, path, size, modified, inode) is read
    /// in place; any other shape is refused, and the cache with it.
    @Test func aFileLineIsReadOnlyWhenWhole() {
        func read(_ text: String) -> [File]? {
            var builder = BuildCache.FileList.Builder()
            let bytes = Array(text.utf8)
            let read = bytes.withUnsafeBytes { BuildCache.fileLine($0[...], into: &builder) }
            return read ? Array(builder.finish()) : nil
        }
        #expect(read("\tpartners/é/a b.html\t120\t-5\t77") == [File(path: "partners/é/a b.html", size: 120, modified: -5, inode: 77)])
        #expect(read("\tp\t0\t1796580394371413140\t9223372036854775807")?.first?.modified == 1_796_580_394_371_413_140)
        for bad in ["", "\t", "x\tp\t1\t2\t3", "\tp\t1\t2", "\tp\t1\t2\t-3", "\tp\t1\t2\t3\t4", "\tp\tx\t2\t3",
                    "\tp\t1\t\t3", "\tp\t1\t2\t99999999999999999999"] {
            #expect(read(bad) == nil, "\(bad.debugDescription)")
        }
    }

    /// The cache's lines, read a chunk at a time: every non-empty line once,
    /// with its offset in the file, whatever the chunk's size.
    @Test func linesAreReadWholeAcrossChunks() throws {
        let text = "first\n\nsecond line\nthird\n\n\nlast without end"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        let bytes = Array(text.utf8)
        for chunk in [1, 2, 5, 7, 64] {
            var lines: [String] = []
            let read = BuildCache.forEachLine(fd, in: 0..<bytes.count, chunk: chunk) { line, at in
                lines.append(String(decoding: line, as: UTF8.self))
                #expect(Array(bytes[at..<(at + line.count)]) == Array(line), "offset of \(lines.last!)")
                return true
            }
            #expect(read)
            #expect(lines == ["first", "second line", "third", "last without end"], "chunk \(chunk)")
        }
        #expect(!BuildCache.forEachLine(fd, in: 0..<bytes.count, chunk: 4) { _, _ in false }, "a line refused stops the read")
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
