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
}
