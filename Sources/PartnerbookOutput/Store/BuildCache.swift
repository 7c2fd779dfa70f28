import Crypto
import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem
import CFileSystem

/// What the previous build wrote for each partner, and from which inputs.
///
/// Kept beside the output folder (`.NAME.cache`), not in it: the committed
/// output stays free of machine-specific keys. A partner whose key matches
/// and whose files are still in the output with the sizes written has its
/// files reused (hard-linked) instead of rendered again.
package struct BuildCache: Sendable {
    package struct Entry: Sendable, Equatable {
        /// The partner's ID (`-` for the program pages).
        package var id = "-"
        package var key: String
        package var files: FileList
        /// The partner's `PartnerListing` in its stored form (`PartnerListing.encoded`).
        package var listing: String?
        /// Where that text (escaped) is in the file the cache was read from,
        /// when it was left there (`read(from:listingsInFile:)`): `listing(of:)` reads it.
        package var listingAt: Range<Int>?
        /// The listing's fragments (its card, its rows: text as the templates
        /// filled it), each on a line of its own, outside the listing: reused,
        /// each is one string shared by this entry and the listing.
        package var fragments: [String] = []
        /// The git repository's state (`RepositoryState`) when the documents
        /// read the partner file's history (a stale signature's redline); nil
        /// when they read none. Reused only while the state is the same.
        package var history: String?
        /// The program entry: what a page made from a text (the program
        /// scorecard, parsed by cmark-gfm) was made from, by the page's path:
        /// the key of that text (`BuildStore.pageKey`). The next build reuses
        /// the page while the text is the same.
        package var sources: [String: String] = [:]
    
        package init(id: String = "-", key: String, files: FileList, listing: String? = nil, history: String? = nil) {
            self.id = id
            self.key = key
            self.files = files
            self.listing = listing
            self.history = history
        }

        package init(id: String = "-", key: String, files: [File], listing: String? = nil, history: String? = nil) {
            self.init(id: id, key: key, files: FileList(files), listing: listing, history: history)
        }
    }

    /// A file written, and its stamp right after: reused only while the
    /// output still holds that very file (a file edited or replaced by hand
    /// has another modification time or inode).
    package struct File: Sendable, Equatable {
        package var path: String
        var size: Int
        var modified: Int = 0
        var inode: UInt64 = 0
    
        package init(path: String, size: Int, modified: Int = 0, inode: UInt64 = 0) {
            self.path = path
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    static let format = "partnerbook-cache-v12"
    package var partners: [String: Entry] = [:]
    package var program: Entry?
    /// Digest of every input of the last build (`InputsDigest`).
    package var inputs: String?
    /// The key part every partner of the last build shared (`BuildStore.share`).
    package var base: String?
    /// The last build's partner count and diagnostics, replayed when nothing changed.
    package var partnerCount = 0
    package var diagnostics: [Diagnostic] = []
    /// `diagnostics` by file (filled by `load`), for partners whose findings are reused.
    package private(set) var diagnosticsByFile: [String: [Diagnostic]] = [:]
    /// The input files' stamps, by path relative to the content folder, so an
    /// unchanged file is not read to know it is unchanged.
    package var stamps: [String: FileStamp] = [:]
    /// The previous output, kept after the swap to be patched by the next
    /// build (see `StagingArea`), when there is one.
    package var spare: Spare?
    /// The seal the last build left on the output's folders (`FolderSeal`).
    package var folderSeal: String?
    /// Where each partner's entry is in the file this cache was read from
    /// (its lines, whole), and that file held open: `save` copies an entry
    /// reused as it was from there, inside the kernel, instead of writing
    /// its lines again (at 100,000 partners 460 MB, 1.8 s of CPU).
    package var spans: [String: Range<Int>] = [:]
    package var source: Source?

    /// A cache file held open for its entries' bytes (closed when the last cache reading it goes).
    package final class Source: Sendable {
        let descriptor: Int32
        init(_ descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }
    }

    /// A spare output tree: its folder's name part, the paths it does not
    /// share with the current output (written fresh by the last build), and
    /// the entries in it that a person put there (carried, not written).
    ///
    /// Its device and inode are recorded when it is kept: a spare is used
    /// only while the folder of that name is that very folder (a tree a
    /// repository brings, or one put in its place, is another folder).
    package struct Spare: Sendable, Equatable {
        package var id: String
        package var device: UInt64
        package var inode: UInt64
        package var fresh: [String]
        package var carried: [String]

        package init(id: String, device: UInt64 = 0, inode: UInt64 = 0, fresh: [String], carried: [String]) {
            self.id = id
            self.device = device
            self.inode = inode
            self.fresh = fresh
            self.carried = carried
        }
    }


    /// Reads a cache; anything unreadable is an empty cache (a full build).
    package static func load(from url: URL) -> BuildCache {
        (try? read(from: url).get()) ?? BuildCache()
    }

    /// The largest cache read (ten thousand partners make some 60 MB).
    static let maxBytes = 1 << 30

    /// Why a cache beside the output is not used.
    package struct Refusal: Error, CustomStringConvertible, Equatable {
        package var description: String
        /// Said to the person (a cache someone else made), or not (no cache, an older format).
        package var isWorthSaying: Bool
    }

    /// Reads a cache, used only when this user's build made it here: a
    /// regular file (not a link) owned by this user and writable by no one
    /// else, whose first line names the format and the file's own device
    /// and inode. A cache a repository brings (git writes a new file), or one
    /// copied or put in place by anyone, names another inode and is not
    /// read past its first line; one git tracks is not read at all. Lines
    /// and fields are split on bytes: at ten thousand partners the file has
    /// some 300,000 lines, and splitting a `String` by characters took a
    /// second. The lines after the format line are read in pieces on every
    /// core, each piece starting at a partner's (or the program's) first
    /// line, and the pieces joined in order. Each piece is read a window of
    /// `chunk` bytes at a time, never the whole file at once: the file is
    /// some 58 MB at ten thousand partners, and holding it while its
    /// entries were made was half of an edit's peak memory.
    ///
    /// `findingsOnly` reads what `check` needs (keys, stamps, findings) and
    /// skips the lines of files, listings and fragments without making a
    /// string of them: most of the file's bytes and most of its memory.
    ///
    /// `listingsInFile` leaves each listing's text in the file, noting where
    /// it is (`Entry.listingAt`), for a build (`BuildStore`) that reads each
    /// once, to decode it, and then copies the entry as it was: held from the
    /// read to the end of the partners step, the texts were 60-90 MB of an
    /// edit's peak at 100,000 partners, and `serve` kept them all. Without
    /// it the texts are read whole, as tests compare them.
    package static func read(from url: URL, findingsOnly: Bool = false, listingsInFile: Bool = false,
                             chunk: Int = 1 << 20) -> Result<BuildCache, Refusal> {
        let name = url.lastPathComponent
        func refuse(_ why: String) -> Result<BuildCache, Refusal> {
            .failure(Refusal(description: "\(name) \(why); it is not used, and the next build replaces it", isWorthSaying: true))
        }
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { return refuse("is a link") }
            return .failure(Refusal(description: "no cache", isWorthSaying: false))
        }
        let source = Source(fd)
        var info = stat()
        guard fstat(fd, &info) == 0, info.isRegularFile else { return refuse("is not a regular file") }
        guard info.isOwnedByThisUser else { return refuse("belongs to another user") }
        guard !info.isWritableByOthers else { return refuse("may be written by other users") }
        guard Int(info.st_size) <= maxBytes else {
            return refuse("is \(info.st_size) bytes, past the limit of \(BoundedFile.describe(maxBytes))")
        }
        // The first line, before anything else is read.
        var head = [UInt8](repeating: 0, count: 128)
        let headCount = pread(fd, &head, head.count, 0)
        guard headCount > 0, let end = head[0..<headCount].firstIndex(of: UInt8(ascii: "\n")) else {
            return .failure(Refusal(description: "not a cache", isWorthSaying: false))
        }
        let first = String(decoding: head[0..<end], as: UTF8.self)
        guard first.hasPrefix(format + "\t") else { return .failure(Refusal(description: "another format", isWorthSaying: false)) }
        guard first == identityLine(info) else { return refuse("was not written by partnerbook for this output on this machine") }
        if Git.tracked([name], in: url.deletingLastPathComponent()).contains(name) { return refuse("is tracked by git") }
        let pieces = entryPieces(fd, from: end + 1, size: Int(info.st_size), count: ProcessInfo.processInfo.activeProcessorCount)
        let parsed = Parallel.map(pieces) { piece -> BuildCache? in
            var parser = LineParser(findingsOnly: findingsOnly, listingsInFile: listingsInFile)
            guard forEachLine(fd, in: piece, chunk: chunk, { parser.read($0, at: $1) }) else { return nil }
            return parser.finished()
        }
        var cache = BuildCache()
        for piece in parsed {
            guard let piece else { return .failure(Refusal(description: "a line the cache does not write, or a file cut short", isWorthSaying: false)) }
            cache.partners.merge(piece.partners) { _, new in new }
            cache.spans.merge(piece.spans) { _, new in new }
            if let program = piece.program { cache.program = program }
            cache.stamps.merge(piece.stamps) { _, new in new }
            cache.diagnostics += piece.diagnostics
            if let inputs = piece.inputs { cache.inputs = inputs }
            if let base = piece.base { cache.base = base }
            if let spare = piece.spare { cache.spare = spare }
            if let seal = piece.folderSeal { cache.folderSeal = seal }
            if piece.partnerCount != 0 { cache.partnerCount = piece.partnerCount }
        }
        cache.indexDiagnostics()
        if !findingsOnly { cache.source = source }
        return .success(cache)
    }

    /// The first line of a cache file: the format, then the device and inode
    /// of the file it is written in.
    static func identityLine(_ info: stat) -> String {
        "\(format)\t\(UInt64(info.st_dev))\t\(UInt64(info.st_ino))"
    }

    /// Calls `body` with each line of `fd`'s bytes in `range` (without its
    /// newline; empty lines skipped) and where it starts in the file,
    /// reading `chunk` bytes at a time; a line longer than that is gathered
    /// over several reads. False when `body` says false or the file ends
    /// before `range` does.
    static func forEachLine(_ fd: Int32, in range: Range<Int>, chunk: Int,
                            _ body: (Slice<UnsafeRawBufferPointer>, Int) -> Bool) -> Bool {
        var buffer = [UInt8](repeating: 0, count: min(max(chunk, 1), range.count))
        var offset = range.lowerBound
        // Bytes of a line not yet ended, kept at the buffer's start.
        var carried = 0
        while offset < range.upperBound {
            let count = min(max(chunk, 1), range.upperBound - offset)
            if buffer.count < carried + count { buffer += repeatElement(0, count: carried + count - buffer.count) }
            let got = buffer.withUnsafeMutableBytes { BoundedFile.read(descriptor: fd, into: $0.baseAddress! + carried, count: count, at: offset) }
            guard got == count else { return false }
            offset += count
            let filled = carried + count
            // Where the buffer's first byte is in the file.
            let base = offset - filled
            let whole: Int? = buffer.withUnsafeBytes { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[0..<filled])
                let end = offset == range.upperBound ? filled : (bytes.lastIndex(of: 10).map { $0 + 1 } ?? 0)
                // Each non-empty line, found with memchr: no array of every line of the chunk.
                var start = 0
                while start < end {
                    let stop = memchr(bytes.baseAddress! + start, 10, end - start)
                        .map { bytes.baseAddress!.distance(to: UnsafeRawPointer($0)) } ?? end
                    if stop > start, !body(bytes[start..<stop], base + start) { return nil }
                    start = stop + 1
                }
                return end
            }
            guard let whole else { return false }
            carried = filled - whole
            if carried > 0, whole > 0 {
                buffer.withUnsafeMutableBytes { _ = memmove($0.baseAddress!, $0.baseAddress! + whole, carried) }
            }
        }
        return true
    }

    /// An entry's listing: held, or read from the file this cache was read
    /// from where it was left there (`listingAt`); nil when it cannot be read.
    func listing(of entry: Entry) -> String? {
        if let listing = entry.listing { return listing }
        guard let range = entry.listingAt, let source else { return nil }
        guard !range.isEmpty else { return "" }
        var bytes = [UInt8](repeating: 0, count: range.count)
        let got = bytes.withUnsafeMutableBytes {
            BoundedFile.read(descriptor: source.descriptor, into: $0.baseAddress!, count: range.count, at: range.lowerBound)
        }
        guard got == range.count else { return nil }
        return bytes.withUnsafeBytes { BuildCache.unescape($0) }
    }

    /// The last build's findings about one file.
    func diagnostics(of file: String) -> [Diagnostic] {
        diagnosticsByFile[file] ?? []
    }

    /// Fills `diagnosticsByFile` from `diagnostics` (a cache read, or kept in memory).
    package mutating func indexDiagnostics() {
        diagnosticsByFile = Dictionary(grouping: diagnostics, by: \.file)
    }

    /// The bytes of `fd` from `start` to `size` cut into about `count` pieces
    /// of whole lines, each after the first beginning with a `partner` or
    /// `program` line, so that no entry is split between two pieces.
    static func entryPieces(_ fd: Int32, from start: Int, size: Int, count: Int) -> [Range<Int>] {
        var cuts = [start]
        let length = size - start
        for part in 1..<max(count, 1) {
            let index = entryStart(fd, after: max(start + length * part / count, cuts.last!), size: size)
            if index < size && index > cuts.last! { cuts.append(index) }
        }
        cuts.append(size)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// Where the first line that begins an entry starts, after the first
    /// newline at or after `position`; `size` when no line does.
    private static func entryStart(_ fd: Int32, after position: Int, size: Int) -> Int {
        let window = 64 * 1024, lookahead = 8
        var bytes = [UInt8](repeating: 0, count: window + lookahead)
        var at = position
        while at < size {
            let count = min(window + lookahead, size - at)
            guard bytes.withUnsafeMutableBytes({ BoundedFile.read(descriptor: fd, into: $0.baseAddress!, count: count, at: at) }) == count else { return size }
            let scanned = min(window, count)
            for index in 0..<scanned where bytes[index] == 10 {
                let rest = bytes[(index + 1)..<count]
                if rest.starts(with: "partner\t".utf8) || rest.starts(with: "program\t".utf8) { return at + index + 1 }
            }
            at += scanned
        }
        return size
    }

    /// Reads the cache lines of one piece (no format line), one at a time and
    /// in order, into a cache.
    struct LineParser {
        let findingsOnly: Bool
        /// Listings are noted where they are in the file, not read (`read(from:listingsInFile:)`).
        var listingsInFile = false
        var cache = BuildCache()
        var current: (kind: String, id: String, entry: Entry)?
        /// The current entry's files, kept in its `FileList` once all are read.
        var files = FileList.Builder()
        /// Where the current entry's lines are in the file, while they follow one another.
        var span: Range<Int>?

        init(findingsOnly: Bool, listingsInFile: Bool = false) {
            self.findingsOnly = findingsOnly
            self.listingsInFile = listingsInFile
        }

        private mutating func flush() {
            guard var current else { return }
            current.entry.files = files.finish()
            if current.kind == "partner" {
                cache.partners[current.id] = current.entry
                if let span { cache.spans[current.id] = span }
            } else {
                cache.program = current.entry
            }
            self.current = nil
            span = nil
        }

        /// The cache read so far, its last entry included.
        mutating func finished() -> BuildCache {
            flush()
            return cache
        }

        /// Reads one line, which starts at `start` in the file; false when it is not one the cache writes.
        mutating func read(_ line: Slice<UnsafeRawBufferPointer>, at start: Int) -> Bool {
            if listingsInFile, !findingsOnly, current != nil, line.starts(with: listingPrefix) {
                current?.entry.listingAt = start + listingPrefix.count ..< start + line.count
            } else {
                guard read(line) else { return false }
            }
            let end = start + line.count + 1
            if line.starts(with: BuildCache.partnerPrefix) || line.starts(with: BuildCache.programPrefix) {
                span = start..<end
            } else if let open = span {
                // An entry's line right after the one before it; anything else ends the entry's bytes.
                let inEntry = line.first == 9 || BuildCache.entryLinePrefixes.contains { line.starts(with: $0) }
                span = inEntry && open.upperBound == start ? open.lowerBound..<end : nil
            }
            return true
        }

        /// Reads one line; false when it is not one the cache writes.
        private mutating func read(_ line: Slice<UnsafeRawBufferPointer>) -> Bool {
            let isListing = line.starts(with: listingPrefix)
            let isText = isListing || line.starts(with: fragmentPrefix)
            if findingsOnly, line.first == 9 || isText {
                return true
            }
            // A listing's or a fragment's line (most of the file's bytes): the
            // text after the prefix, one string made, scanned for escapes with memchr.
            if isText, current != nil {
                let text = unescape(UnsafeRawBufferPointer(rebasing: line.dropFirst(isListing ? listingPrefix.count : fragmentPrefix.count)))
                if isListing { current?.entry.listing = text } else { current?.entry.fragments.append(text) }
                return true
            }
            // A file's line (a quarter of a million at 10,000 partners): its
            // numbers read from the bytes, one string made (the path).
            if line.first == 9, current != nil, fileLine(line, into: &files) {
                return true
            }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self) }
            if fields.first == "" && fields.count == 5, current != nil, let size = Int(fields[2]), let modified = Int(fields[3]),
               let inode = UInt64(fields[4]) {
                files.append(File(path: fields[1], size: size, modified: modified, inode: inode))
            } else if fields.count == 3, fields[0] == "source", current != nil {
                current?.entry.sources[fields[1]] = fields[2]
            } else if fields.count == 2, fields[0] == "history", current != nil {
                current?.entry.history = unescape(Substring(fields[1]))
            } else if fields.count == 3, fields[0] == "partner" || fields[0] == "program" {
                flush()
                current = (fields[0], fields[1], Entry(id: fields[1], key: fields[2], files: []))
            } else if fields.count == 7, fields[0] == "stamp", let stamp = FileStamp(fields: fields[2...]) {
                cache.stamps[fields[1]] = stamp
            } else if fields.count == 4, fields[0] == "spare", let device = UInt64(fields[2]), let inode = UInt64(fields[3]) {
                cache.spare = Spare(id: fields[1], device: device, inode: inode, fresh: [], carried: [])
            } else if fields.count == 2, fields[0] == "spare-fresh", cache.spare != nil {
                cache.spare?.fresh.append(unescape(Substring(fields[1])))
            } else if fields.count == 2, fields[0] == "spare-carried", cache.spare != nil {
                cache.spare?.carried.append(unescape(Substring(fields[1])))
            } else if fields.count == 2, fields[0] == "folders" {
                cache.folderSeal = fields[1]
            } else if fields.count == 2, fields[0] == "inputs" {
                cache.inputs = fields[1]
            } else if fields.count == 2, fields[0] == "base" {
                cache.base = fields[1]
            } else if fields.count == 2, fields[0] == "partner-count", let count = Int(fields[1]) {
                cache.partnerCount = count
            } else if fields.count == 7, fields[0] == "diagnostic", let line = Int(fields[2]), let column = Int(fields[3]),
                      let severity = Severity(rawValue: fields[4]) {
                cache.diagnostics.append(Diagnostic(file: unescape(Substring(fields[1])), at: SourcePosition(line: line, column: column),
                                                    severity: severity, rule: Rule(fields[5], severity), message: unescape(Substring(fields[6]))))
            } else {
                return false
            }
            return true
        }
    }

    /// `\tPATH\tSIZE\tMODIFIED\tINODE` read from its bytes into `files`
    /// (no string made for the path); false, nothing added, when it is not
    /// exactly that (the line is then read field by field, and refused).
    static func fileLine(_ line: Slice<UnsafeRawBufferPointer>, into files: inout FileList.Builder) -> Bool {
        // Five fields at the first four tabs (the last keeps any tab after
        // them): empty, path, size, modified, inode. Found in place: no array
        // of fields for each of a program's files.
        let first = line.startIndex
        guard line.first == 9, let second = line[(first + 1)...].firstIndex(of: 9),
              let third = line[(second + 1)...].firstIndex(of: 9),
              let fourth = line[(third + 1)...].firstIndex(of: 9),
              let size = number(line[(second + 1)..<third]), let modified = number(line[(third + 1)..<fourth]),
              let inode = number(line[(fourth + 1)...]), inode >= 0 else { return false }
        files.append(path: UnsafeRawBufferPointer(rebasing: line[(first + 1)..<second]), size: size, modified: modified,
                     inode: UInt64(inode))
        return true
    }

    /// A decimal number that fits an `Int`, an optional minus sign before it
    /// (a modification time in nanoseconds has nineteen digits).
    static func number(_ digits: Slice<UnsafeRawBufferPointer>) -> Int? {
        var rest = digits[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return nil }
        var value = 0
        for byte in rest {
            guard byte >= 48 && byte <= 57 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, over) = times.addingReportingOverflow(Int(byte - 48))
            guard !overflow && !over else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// A cache holding only the last build's program entry.
    package init(program: Entry?) {
        self.program = program
    }

    package init() {}

    /// Written through a small buffer into a temporary file that is then
    /// renamed over the cache: at 10,000 partners the cache is about 50 MB,
    /// and building it as one string (then one `Data`) was the build's peak
    /// memory. The partners' lines are made on every core, a batch of
    /// partners at a time, and written in order.
    ///
    /// The temporary file is new (`O_EXCL`, never reached through a link),
    /// takes `mode` (the output folder's, so a private output keeps a
    /// private cache), and its first line records its own device and inode.
    package func save(to url: URL, mode: mode_t = 0o644) {
        // `.NAME.tmp-PID-RANDOM.cache`: what a killed build leaves is still ignored as a cache (`.*.cache`).
        let name = url.lastPathComponent.hasSuffix(".cache") ? String(url.lastPathComponent.dropLast(".cache".count)) : url.lastPathComponent
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent("\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).cache").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode & 0o644)
        guard fd >= 0 else { return }
        var info = stat()
        // The mode asked for, whatever the umask.
        guard fchmod(fd, mode & 0o644) == 0, fstat(fd, &info) == 0 else {
            close(fd)
            unlink(temporary)
            return
        }
        var failed = false
        func write(_ lines: CacheLines) {
            if !failed, !OutputWriter.writeAllBytes(lines.bytes, to: fd) { failed = true }
        }
        var lines = CacheLines()
        lines.put(BuildCache.identityLine(info) + "\n")
        write(lines)
        let ids = partners.keys.sorted()
        let cores = max(ProcessInfo.processInfo.activeProcessorCount, 1), batch = 256
        for first in stride(from: 0, to: ids.count, by: batch * cores) {
            let pieces = (0..<cores).map { min(first + $0 * batch, ids.count) ..< min(first + ($0 + 1) * batch, ids.count) }
                .filter { !$0.isEmpty }
            for segments in Parallel.map(pieces, { piece in segments(ids[piece]) }) {
                for segment in segments {
                    switch segment {
                    case .lines(let lines): write(lines)
                    case .copy(let span, let copied): if !failed, !copy(span, of: copied, to: fd) { failed = true }
                    }
                }
            }
        }
        lines = CacheLines()
        if let program { lines.add("program", "-", program) }
        if let inputs { lines.put("inputs\t\(inputs)\n") }
        if let base { lines.put("base\t\(base)\n") }
        if let spare {
            lines.put("spare\t\(spare.id)\t\(spare.device)\t\(spare.inode)\n")
            for path in spare.fresh { lines.put("spare-fresh\t"); lines.putEscaped(path); lines.put("\n") }
            for path in spare.carried { lines.put("spare-carried\t"); lines.putEscaped(path); lines.put("\n") }
        }
        if let folderSeal { lines.put("folders\t\(folderSeal)\n") }
        lines.put("partner-count\t\(partnerCount)\n")
        for path in stamps.keys.sorted() { lines.put("stamp\t\(path)\t\(stamps[path]!.line)\n") }
        for d in diagnostics {
            lines.put("diagnostic\t"); lines.putEscaped(d.file)
            lines.put("\t\(d.position.line)\t\(d.position.column)\t\(d.severity.rawValue)\t\(d.rule)\t"); lines.putEscaped(d.message)
            lines.put("\n")
        }
        write(lines)
        if close(fd) != 0 { failed = true }
        if failed || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    /// A run of partners' lines as `save` writes them: made here, or the
    /// bytes of the file this cache was read from (`spans`), one run of
    /// entries that follow one another there.
    private enum Segment: Sendable {
        case lines(CacheLines)
        case copy(Range<Int>, ids: [String])
    }

    /// The entries of `ids`, in order: each one with a span copied, the others' lines made.
    private func segments(_ ids: ArraySlice<String>) -> [Segment] {
        var segments: [Segment] = []
        var lines = CacheLines()
        for id in ids {
            guard source != nil, let span = spans[id] else {
                lines.add("partner", id, partners[id]!)
                continue
            }
            if !lines.bytes.isEmpty {
                segments.append(.lines(lines))
                lines = CacheLines()
            }
            if case .copy(let run, let copied) = segments.last, run.upperBound == span.lowerBound {
                segments[segments.count - 1] = .copy(run.lowerBound..<span.upperBound, ids: copied + [id])
            } else {
                segments.append(.copy(span, ids: [id]))
            }
        }
        if !lines.bytes.isEmpty { segments.append(.lines(lines)) }
        return segments
    }

    /// Appends the bytes of `span` in the source file to `fd`; when they
    /// cannot all be copied (the file shorter than it was), what was copied
    /// is taken back and the entries of `ids` are written from memory (an
    /// entry whose texts the build let go is then written without them, and
    /// its partner is rendered again next time). False when writing fails.
    private func copy(_ span: Range<Int>, of ids: [String], to fd: Int32) -> Bool {
        guard let source else { return false }
        let copied = partnerbook_append_range(source.descriptor, Int64(span.lowerBound), fd, Int64(span.count))
        if copied == Int64(span.count) { return true }
        let end = lseek(fd, 0, SEEK_CUR)
        guard end >= 0 else { return false }
        let back = end - off_t(max(copied, 0))
        guard ftruncate(fd, back) == 0, lseek(fd, back, SEEK_SET) == back else { return false }
        var lines = CacheLines()
        for id in ids { lines.add("partner", id, partners[id]!) }
        return OutputWriter.writeAllBytes(lines.bytes, to: fd)
    }

    /// Cache lines as bytes.
    struct CacheLines: Sendable {
        var bytes: [UInt8] = []

        mutating func put(_ text: String) {
            bytes.append(utf8: text)
        }

        mutating func put(_ number: Int) {
            put(String(number))
        }

        /// `text` with backslash, tab, newline and carriage return written
        /// as `\\`, `\t`, `\n` and `\r`. Runs of other bytes are copied
        /// whole: fragments are a few kilobytes each, ten thousand of them.
        mutating func putEscaped(_ text: String) {
            var text = text
            text.withUTF8 { source in
                var run = 0
                for index in source.indices {
                    let escaped: UInt8
                    switch source[index] {
                    case 92: escaped = 92
                    case 9: escaped = UInt8(ascii: "t")
                    case 10: escaped = UInt8(ascii: "n")
                    case 13: escaped = UInt8(ascii: "r")
                    default: continue
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<index]))
                    bytes.append(92)
                    bytes.append(escaped)
                    run = index + 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...]))
            }
        }

        /// One entry: its line, its listing, fragments and history, its files.
        mutating func add(_ kind: String, _ id: String, _ entry: Entry) {
            put("\(kind)\t\(id)\t\(entry.key)\n")
            if let listing = entry.listing { put("listing\t"); putEscaped(listing); put("\n") }
            for fragment in entry.fragments { put("fragment\t"); putEscaped(fragment); put("\n") }
            if let history = entry.history { put("history\t"); putEscaped(history); put("\n") }
            for path in entry.sources.keys.sorted() { put("source\t\(path)\t\(entry.sources[path]!)\n") }
            for file in entry.files {
                put("\t"); put(file.path); put("\t"); put(file.size); put("\t"); put(file.modified); put("\t")
                put(String(file.inode)); put("\n")
            }
        }
    }

    /// `text` as `CacheLines.putEscaped` writes it.
    static func escape(_ text: String) -> String {
        var lines = CacheLines()
        lines.putEscaped(text)
        return String(decoding: lines.bytes, as: UTF8.self)
    }

    static let listingPrefix = Array("listing\t".utf8), fragmentPrefix = Array("fragment\t".utf8)
    static let partnerPrefix = Array("partner\t".utf8), programPrefix = Array("program\t".utf8)
    /// The lines of an entry after its first (besides its files' lines, which begin with a tab).
    static let entryLinePrefixes = [listingPrefix, fragmentPrefix, Array("history\t".utf8), Array("source\t".utf8)]

    static func unescape(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { unescape(UnsafeRawBufferPointer($0)) }
    }

    /// The text of escaped bytes; made at once when there is no backslash (found with `memchr`).
    static func unescape(_ raw: UnsafeRawBufferPointer) -> String {
        guard let base = raw.baseAddress, memchr(base, 92, raw.count) != nil else {
            return String(decoding: raw, as: UTF8.self)
        }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var run = 0, index = 0
        while index < bytes.count {
            guard bytes[index] == 92 else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            if index + 1 < bytes.count {
                let next = bytes[index + 1]
                out.append(next == UInt8(ascii: "t") ? 9 : next == UInt8(ascii: "n") ? 10 : next == UInt8(ascii: "r") ? 13 : next)
            }
            index += 2
            run = index
        }
        if run < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether every file of every entry is still in `output` as written
    /// (checked on every core: a quarter of a million `lstat`s at ten
    /// thousand partners).
    package static func intact(_ entries: [Entry], in output: URL) -> Bool {
        guard let folder = try? OpenFolder(output.path) else { return false }
        let broken = StopFlag()
        _ = Parallel.map(entries) { entry in
            if !broken.isSet && !intact(entry, in: folder) { broken.set() }
        }
        return !broken.isSet
    }

    /// Whether every file of `entry` is still below `folder` as written: a
    /// regular file reached through no link, with the same size,
    /// modification time and inode.
    package static func intact(_ entry: Entry, in folder: OpenFolder) -> Bool {
        let cursor = FolderCursor(folder)
        return entry.files.allSatisfy { file in
            guard let info = cursor.status(of: file.path), info.isRegularFile else { return false }
            return File(path: file.path, info) == file
        }
    }

    package init(partners: [String: Entry] = [:], program: Entry? = nil, inputs: String? = nil, diagnostics: [Diagnostic] = [], stamps: [String: FileStamp] = [:]) {
        self.partners = partners
        self.program = program
        self.inputs = inputs
        self.diagnostics = diagnostics
        self.stamps = stamps
    }
}

extension BuildCache.File {
    /// A file's record from what `lstat` or `fstat` said.
    init(path: String, _ info: stat) {
        self.init(path: path, size: Int(info.st_size),
                  modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
    }
}

