import Foundation
import Testing
@testable import PartnerbookOutput

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
}
