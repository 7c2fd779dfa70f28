import Foundation
import Testing
@testable import PartnerbookOutput
import PartnerbookModel
import PartnerbookTestSupport

/// The paths the staging area will write to, and the manifest it reads back.
@Suite struct OutputPathTests {
    @Test func aPathThatLeavesTheOutputOrNamesNothingIsRefused() {
        for path in ["", "/etc/passwd", "..", "../x", "a/../b", "a/..", ".", "./a", "a/./b", "a//b", "a/", "/"] {
            #expect(!OutputWriter.isSafeRelativePath(path), "\(path)")
        }
    }

    @Test func aPathInsideTheOutputIsAccepted() {
        for path in ["index.html", "partners/acme/charter.md", ".well-known/x", "a/...", "a/..b/c", "..a", "a.", "é/ü.html"] {
            #expect(OutputWriter.isSafeRelativePath(path), "\(path)")
        }
    }

    @Test func theManifestIsReadLineByLineAndRefusedWhenItIsNotText() throws {
        let folder = TemporaryFolder()
        folder.write(OutputWriter.manifestName, "index.html\npartners/é/charter.md\n")
        #expect(OutputWriter.manifest(of: folder.url) == ["index.html", "partners/é/charter.md"])
        try Data([0x61, 0xFF, 0x0A]).write(to: folder.url.appendingPathComponent(OutputWriter.manifestName))
        #expect(OutputWriter.manifest(of: folder.url) == nil)
        // A manifest that lists a path outside its folder was not written by partnerbook: refused whole.
        for outside in ["../elsewhere.html", "/etc/passwd", "partners/../../x", "a//b", "./index.html"] {
            folder.write(OutputWriter.manifestName, "index.html\n\(outside)\nprogram/report.html\n")
            #expect(OutputWriter.manifest(of: folder.url) == nil, "\(outside)")
        }
    }
}

extension OutputPathTests {
    @Test func theManifestWrittenIsThePathsSortedOnePerLine() {
        let paths = ["partners/é/charter.md", "index.html", "a", "partners/a-b/x.html", "partners/a/x.html", ""]
        #expect(OutputWriter.manifest(of: paths) == Data((paths.sorted().joined(separator: "\n") + "\n").utf8))
        #expect(OutputWriter.manifest(of: paths) == Data("\na\nindex.html\npartners/a-b/x.html\npartners/a/x.html\npartners/é/charter.md\n".utf8))
        #expect(OutputWriter.manifest(of: []) == Data("\n".utf8))
    }
}

/// The cache keeps text on one line: what it escapes comes back as it was.
@Suite struct CacheTextTests {
    @Test func escapedTextComesBackAsItWas() {
        for text in ["", "plain", "a\\b", "tab\there", "line\nnext\r\n", "\\n is not a newline", "é\\\u{301}\t✓", "ends with \\"] {
            let escaped = BuildCache.escape(text)
            #expect(!escaped.contains("\n") && !escaped.contains("\t") && !escaped.contains("\r"), "\(text)")
            #expect(BuildCache.unescape(Substring(escaped)) == text, "\(text)")
        }
    }

    @Test func anEntrysFragmentsSurviveSavingAndLoading() throws {
        let folder = TemporaryFolder()
        var entry = BuildCache.Entry(id: "acme", key: "k", files: [], listing: "{}")
        entry.fragments = ["<li class=\"card\">\n<h3>Acme\tCo</h3>\n</li>\n", "| [Acme](x.md) |\n", ""]
        let url = folder.url.appendingPathComponent(".out.cache")
        BuildCache(partners: ["acme": entry]).save(to: url)
        #expect(BuildCache.load(from: url).partners["acme"]?.fragments == entry.fragments)
    }

    /// A cache of many partners, with every kind of line the cache writes.
    private func bigCache() -> BuildCache {
        var partners: [String: BuildCache.Entry] = [:]
        for number in 0..<40 {
            let id = "p\(number)"
            var entry = BuildCache.Entry(id: id, key: "key\(number)",
                                         files: (0..<number % 4).map { BuildCache.File(path: "partners/\(id)/f\($0).md", size: $0, modified: 7, inode: 9) },
                                         listing: number % 3 == 0 ? "7:line\tone\n2:\\n;\(number)" : "{\"n\":\(number)}",
                                         history: number % 5 == 0 ? "state\tof git" : nil)
            entry.fragments = ["card \(number)\n", "row \(number)"]
            partners[id] = entry
        }
        var cache = BuildCache(partners: partners, program: BuildCache.Entry(key: "program", files: [BuildCache.File(path: "index.html", size: 3)]),
                               inputs: "digest",
                               diagnostics: (0..<6).map { Diagnostic(file: "partners/p\($0).yaml", at: SourcePosition(line: $0 + 1, column: 2),
                                                                      severity: .warning, rule: Rule("rule.id", .warning), message: "message \($0)") })
        cache.partnerCount = 40
        cache.spare = BuildCache.Spare(id: "abc", fresh: ["index.html"], carried: ["notes.txt"])
        return cache
    }

    @Test func aCacheReadInPiecesIsTheCacheSaved() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        let saved = bigCache()
        saved.save(to: url)
        // Read a window at a time: windows of one byte, of a few bytes (every
        // line cut somewhere), shorter than a listing's line, and the default.
        for chunk in [1, 5, 13, 64, 4096, 1 << 20] {
            let loaded = try BuildCache.read(from: url, chunk: chunk).get()
            #expect(loaded.partners == saved.partners, "\(chunk)")
            #expect(loaded.program == saved.program, "\(chunk)")
            #expect(loaded.inputs == saved.inputs && loaded.partnerCount == 40 && loaded.spare == saved.spare, "\(chunk)")
            #expect(loaded.diagnostics.map(\.message) == saved.diagnostics.map(\.message), "\(chunk)")
            #expect(loaded.diagnosticsByFile["partners/p3.yaml"]?.map(\.message) == ["message 3"], "\(chunk)")
        }
    }

    /// The bytes after a cache's first line (its own device and inode).
    private func body(_ url: URL) throws -> Data {
        let data = try Data(contentsOf: url)
        return data[(data.firstIndex(of: 10) ?? 0)...]
    }

    /// A partner reused as it was is copied from the file the cache was read
    /// from (its entry's bytes, where `spans` says), read in pieces of any
    /// size: the file saved is the one every entry's lines made again give,
    /// byte for byte, with the changed partner's new lines in its place.
    @Test func reusedEntriesAreCopiedFromTheFileReadAsTheirLinesWouldBeWritten() throws {
        let folder = TemporaryFolder()
        let first = folder.url.appendingPathComponent(".out.cache")
        bigCache().save(to: first)
        for chunk in [5, 64, 1 << 20] {
            var read = try BuildCache.read(from: first, chunk: chunk).get()
            #expect(read.source != nil && read.spans.count == 40, "\(chunk): every partner's entry is found in the file")
            // One partner made again: its entry is new, and its bytes are not copied.
            read.partners["p7"]?.key = "changed"
            read.partners["p7"]?.fragments = ["a new card"]
            read.spans["p7"] = nil
            let copied = folder.url.appendingPathComponent(".copied.cache"), written = folder.url.appendingPathComponent(".written.cache")
            read.save(to: copied)
            var fromMemory = read
            fromMemory.source = nil
            fromMemory.save(to: written)
            #expect(try body(copied) == body(written), "\(chunk)")
            #expect(try BuildCache.read(from: copied).get().partners == read.partners, "\(chunk)")
        }
    }

    /// A build leaves the listings in the file: each entry
    /// notes where its text is, and reads back the very text the cache
    /// read whole holds (escapes and all), in windows of any size; a text
    /// the file no longer holds reads as none (the partner is rendered again).
    @Test func listingsLeftInTheFileReadBackAsTheTextsRead() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        bigCache().save(to: url)
        let whole = try BuildCache.read(from: url).get()
        for chunk in [5, 64, 1 << 20] {
            let left = try BuildCache.read(from: url, listingsInFile: true, chunk: chunk).get()
            #expect(left.partners.count == 40, "\(chunk)")
            for (id, entry) in left.partners {
                #expect(entry.listing == nil && entry.listingAt != nil, "\(chunk) \(id)")
                #expect(left.listing(of: entry) == whole.partners[id]?.listing, "\(chunk) \(id)")
                #expect(entry.fragments == whole.partners[id]?.fragments && entry.files == whole.partners[id]?.files, "\(chunk) \(id)")
            }
            #expect(left.spans == whole.spans, "\(chunk): the entries' bytes are where they were")
        }
        let left = try BuildCache.read(from: url, listingsInFile: true).get()
        #expect(truncate(url.path, 200) == 0)
        let last = try #require(left.partners.values.max { $0.listingAt!.lowerBound < $1.listingAt!.lowerBound })
        #expect(left.listing(of: last) == nil)
        var closed = left
        closed.source = nil
        #expect(closed.listing(of: last) == nil)
    }

    /// When the file read is shorter by the time the cache is saved, the
    /// entries that cannot be copied whole are written from memory instead.
    @Test func entriesThatCannotBeCopiedAreWrittenFromMemory() throws {
        let folder = TemporaryFolder()
        let first = folder.url.appendingPathComponent(".out.cache")
        bigCache().save(to: first)
        var read = try BuildCache.read(from: first).get()
        let size = try Data(contentsOf: first).count
        #expect(truncate(first.path, off_t(size / 2)) == 0)
        let copied = folder.url.appendingPathComponent(".copied.cache"), written = folder.url.appendingPathComponent(".written.cache")
        read.save(to: copied)
        read.source = nil
        read.save(to: written)
        #expect(try body(copied) == body(written))
    }

    /// A cache cut short (a disk filled while it was saved, a file truncated
    /// by hand) is refused, not read as far as it goes.
    @Test func aCacheCutShortIsNotRead() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        bigCache().save(to: url)
        #expect((try? BuildCache.read(from: url).get()) != nil)
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        var info = stat()
        #expect(fstat(descriptor, &info) == 0)
        // The pieces are cut for the size the file had; the file is shorter when they are read.
        let pieces = BuildCache.entryPieces(descriptor, from: 0, size: Int(info.st_size) + 100, count: 1)
        #expect(!BuildCache.forEachLine(descriptor, in: pieces[0], chunk: 64) { _, _ in true })
        #expect(BuildCache.forEachLine(descriptor, in: 0..<Int(info.st_size), chunk: 64) { _, _ in true })
    }

    /// What `check` reads: every key, stamp and finding, and none of the
    /// entries' files, listings or fragments.
    @Test func aCacheReadForFindingsOnlyKeepsKeysAndFindings() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        let saved = bigCache()
        saved.save(to: url)
        let loaded = try BuildCache.read(from: url, findingsOnly: true).get()
        #expect(loaded.partners.count == saved.partners.count)
        for (id, entry) in saved.partners {
            let read = loaded.partners[id]
            #expect(read?.key == entry.key && read?.history == entry.history, "\(id)")
            #expect(read?.files.isEmpty == true && read?.listing == nil && read?.fragments.isEmpty == true, "\(id)")
        }
        #expect(loaded.inputs == saved.inputs && loaded.partnerCount == 40 && loaded.stamps == saved.stamps)
        #expect(loaded.diagnosticsByFile["partners/p3.yaml"]?.map(\.message) == ["message 3"])
    }

    @Test func aFilesNumbersComeBackWhateverTheirSize() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        let files = [BuildCache.File(path: "a/b.html", size: 0, modified: 1_764_790_000_123_456_789, inode: 12),
                     BuildCache.File(path: "a/c d.html", size: Int.max, modified: -5, inode: UInt64.max),
                     BuildCache.File(path: "é.md", size: 7, modified: Int.min + 1, inode: 0)]
        BuildCache(partners: ["p": BuildCache.Entry(id: "p", key: "k", files: files)]).save(to: url)
        #expect(BuildCache.load(from: url).partners["p"].map { Array($0.files) } == files)
        for bad in ["\ta.html\t12x\t1\t2", "\ta.html\t1\t99999999999999999999\t2", "\ta.html\t1\t2", "\ta.html\t-\t1\t2"] {
            try Data("\(BuildCache.format)\npartner\tp\tk\n\(bad)\n".utf8).write(to: url)
            #expect(BuildCache.load(from: url).partners.isEmpty, "\(bad)")
        }
    }

    @Test func aCacheMadeInBatchesOnEveryCoreIsSavedInOrder() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        var partners: [String: BuildCache.Entry] = [:]
        for number in 0..<1_300 {
            let id = String(format: "p%05d", number)
            var entry = BuildCache.Entry(id: id, key: "key\(number)", files: [BuildCache.File(path: "partners/\(id)/index.html", size: number)],
                                         listing: "{\"n\":\(number)}")
            entry.fragments = ["card\t\(number)\n", "row \\ \(number)", ""]
            partners[id] = entry
        }
        BuildCache(partners: partners).save(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("partner\t") }.map { $0.split(separator: "\t")[1] }
        #expect(ids.map(String.init) == partners.keys.sorted(), "every partner once, in ID order")
        #expect(BuildCache.load(from: url).partners == partners)
    }

    @Test func everyPieceButTheFirstBeginsAnEntryAndTogetherTheyCoverTheFile() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        bigCache().save(to: url)
        let data = try Data(contentsOf: url)
        let start = data.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        for count in 1...9 {
            let pieces = BuildCache.entryPieces(descriptor, from: start, size: data.count, count: count)
            #expect(pieces.first?.lowerBound == start && pieces.last?.upperBound == data.count, "\(count)")
            #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "\(count)")
            #expect(pieces.count <= count, "\(count)")
            for piece in pieces.dropFirst() {
                let line = String(decoding: data[piece].prefix(8), as: UTF8.self)
                #expect(line == "partner\t" || line == "program\t", "\(count): \(line)")
            }
        }
    }

    @Test func aLineTheCacheDoesNotWriteEmptiesTheWholeCacheWhicheverPieceHoldsIt() throws {
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent(".out.cache")
        bigCache().save(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(BuildCache.load(from: url).partners.count == 40)
        // After the format line, in the middle, and at the end.
        for at in [1, lines.count / 2, lines.count - 1] {
            var broken = lines
            broken.insert("not a cache line", at: at)
            try broken.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
            let loaded = BuildCache.load(from: url)
            #expect(loaded.partners.isEmpty && loaded.program == nil && loaded.inputs == nil, "\(at)")
        }
    }
}
