import Foundation
import Testing
@testable import PartnerbookSupport
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The manifest is made, hashed and written a bufferful (256 KB) at a time:
/// each way gives the bytes of its lines joined, a lone newline for none,
/// whether the lines fill the buffer, cross it or one line is longer.
@Suite struct ManifestTests {
    static let cases: [[String]] = [
        [],
        ["index.html"],
        ["a/é.html", "a/😀.md", "b"],
        (0..<30_000).map { String(format: "partners/p%05d/charter.html", $0) },
        ["a", String(repeating: "x", count: (1 << 18) - 1), "y"],
        ["a", String(repeating: "y", count: (1 << 18) + 10), "z"],
    ]

    @Test(arguments: cases.indices)
    func theManifestMadeHashedAndWrittenIsItsLinesJoined(_ index: Int) throws {
        let paths = Self.cases[index]
        let joined = Data(((paths.isEmpty ? "" : paths.joined(separator: "\n")) + "\n").utf8)
        #expect(paths == paths.sorted())
        #expect(OutputWriter.manifest(of: paths) == joined)
        #expect(OutputWriter.manifest(of: AnySequence(paths)) == joined)
        #expect(OutputWriter.manifestDigest(of: paths) == Digest.bytes(joined))
        let folder = TemporaryFolder()
        let url = folder.url.appendingPathComponent("manifest")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try #require(fd >= 0)
        try OutputWriter.writeManifest(of: paths, to: fd)
        close(fd)
        #expect(try Data(contentsOf: url) == joined)
    }

    /// A manifest is read when its bytes are UTF-8: all ASCII at once,
    /// others as Swift reads them; a lone or broken sequence is refused.
    @Test func aManifestIsUTF8OrNotAManifest() {
        #expect(StagingArea.isUTF8(Data("partners/acme/index.html\n".utf8)))
        #expect(StagingArea.isUTF8(Data("partners/é/ü.html\n".utf8)))
        #expect(StagingArea.isUTF8(Data()))
        #expect(!StagingArea.isUTF8(Data([0x61, 0xC3])))
        #expect(!StagingArea.isUTF8(Data([0x61, 0xFF, 0x0A])))
        #expect(!StagingArea.isUTF8(Data([0xED, 0xA0, 0x80])), "a surrogate's code")
    }

    /// The spare's manifest is compared by its digest, read a megabyte at a
    /// time: the digest of all of its bytes, however many reads they take.
    @Test func aManifestsDigestIsTheDigestOfAllItsBytes() throws {
        let folder = TemporaryFolder()
        let lines = (0..<60_000).map { "partners/p\($0)/charter.html\n" }.joined()
        folder.write("out/.partnerbook-manifest", lines)
        let open = try OpenFolder(folder.url.appendingPathComponent("out").path)
        #expect(Data(lines.utf8).count > 1 << 20)
        #expect(StagingArea.manifestDigest(in: open) == Digest.bytes(Data(lines.utf8)))
        #expect(StagingArea.manifestDigest(in: try OpenFolder(folder.url.path)) == nil, "no manifest")
    }
}
