import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// Hostile partner files, each checked by the real binary: a diagnostic naming
/// the file (and line where there is one), exit 1, never a crash or a hang.
@Suite struct HostileFileTests {
    static func billionLaughs() -> String { HostileInput.billionLaughs() }
    static var cases: [(id: String, text: String, rule: String, line: Int?)] { HostileInput.cases }

    @Test func everyHostileFileEndsInADiagnostic() throws {
        let folder = TemporaryFolder.content([:])
        for item in Self.cases { folder.write("partners/\(item.id).yaml", item.text) }
        folder.write("partners/nul-byte.yaml", Data("name: A\u{0}B\n".utf8))
        folder.write("partners/latin-1.yaml", Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]))
        folder.write("partners/utf-16.yaml", Data([0xFF, 0xFE, 0x6E, 0x00, 0x61, 0x00]))
        let result = try Binary.run(["check", "--content", "."], in: folder.url, timeout: 60)
        #expect(result.status == 1, "exit \(result.status)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        for item in Self.cases {
            let prefix = "./partners/\(item.id).yaml:" + (item.line.map { "\($0):" } ?? "")
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) && $0.contains("[\(item.rule)]") }
            #expect(line != nil, "\(item.id): expected \(item.rule) at \(prefix)\n\(result.stdout)")
        }
        for id in ["nul-byte", "latin-1", "utf-16"] {
            #expect(result.stdout.contains("./partners/\(id).yaml:1:"), "\(id)")
        }
        #expect(result.stdout.contains("./partners/nul-byte.yaml:1:8: error: file contains a NUL byte"))
        #expect(result.stdout.contains("./partners/latin-1.yaml:1:10: error: file is not valid UTF-8"))
    }

    @Test func aFiftyMegabyteFileIsRefusedUnread() throws {
        let folder = TemporaryFolder.content([:])
        let url = folder.url.appendingPathComponent("partners/huge.yaml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let chunk = Data(("name: A\n" + String(repeating: "# padding\n", count: 100_000)).utf8)
        for _ in 0..<50 { handle.write(chunk) }
        try handle.close()
        let result = try Binary.run(["check", "--content", "."], in: folder.url, timeout: 60)
        #expect(result.status == 1)
        #expect(result.stdout.contains("./partners/huge.yaml:1:1: error: file is"))
        #expect(result.stdout.contains("the limit is 1048576 bytes (1 MiB) per content file [content.file]"))
    }

    @Test func aLinkOutOfTheContentFolderIsNotFollowed() throws {
        let outside = TemporaryFolder()
        let target = outside.write("secret.yaml", Fixtures.partner)
        let folder = TemporaryFolder.content([:])
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("partners/leak.yaml"),
                                                   withDestinationURL: target)
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("partners/etc.yaml"),
                                                   withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
        let result = try Binary.run(["check", "--content", "."], in: folder.url)
        #expect(result.status == 1)
        #expect(result.stdout.contains("./partners/leak.yaml:1:1: error: partners/leak.yaml is a link to a file outside the content folder"))
        #expect(result.stdout.contains("./partners/etc.yaml:1:1: error:"))
        #expect(!result.stdout.contains("root:"))
    }

    @Test func aTwentyThousandLineTableIsRefusedNotRendered() throws {
        let table = "| a | b |\n|---|---|\n" + String(repeating: "| x | y |\n", count: 20_000)
        let yaml = Fixtures.partner(replacing: "summary: A *good* partner.",
                                    with: "summary: |\n" + table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        let folder = TemporaryFolder.project(["acme": yaml])
        let result = try Binary.run(["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "out"],
                                    in: folder.url, timeout: 60)
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/partners/acme.yaml:4:1: error: summary is"))
        #expect(result.stdout.contains("[content.too-long]"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
    }

    /// cmark-gfm 0.29.0.gfm.6's quadratic inline patterns and a ragged table,
    /// each as large as one value may be, still build (and stay inert).
    @Test(arguments: [
        ("cdata", String(repeating: "a <![CDATA[", count: 2_900)),
        ("processing", String(repeating: "a <? ", count: 6_500)),
        ("autolink-at", String(repeating: "a@", count: 16_000)),
        ("html-comment", "a" + String(repeating: "<!--", count: 8_000)),
        ("ragged-table", String(repeating: "x|", count: 100) + "\n" + String(repeating: "-|", count: 100) + "\n" + String(repeating: "x\n", count: 390)),
        ("emphasis", String(repeating: "a**_", count: 8_000)),
        ("brackets", String(repeating: "[", count: 10_000) + "a" + String(repeating: "]", count: 10_000)),
    ])
    func pathologicalMarkdownAtTheLimitStillBuilds(_ name: String, _ markdown: String) throws {
        let summary = "summary: |\n" + markdown.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        let yaml = Fixtures.partner(replacing: "summary: A *good* partner.", with: summary)
        #expect(TextLimits.violation(markdown) == nil, "\(name) must be within the limit to test rendering")
        let folder = TemporaryFolder.project(["acme": yaml])
        let result = try Binary.run(["build", "--content", "content", "--templates", TestBuild.templates.path, "--output", "out"],
                                    in: folder.url, timeout: 60)
        #expect(result.status == 0, "\(name): exit \(result.status) \(result.stderr)")
        let page = try String(contentsOf: folder.url.appendingPathComponent("out/partners/acme/index.html"), encoding: .utf8)
        #expect(!page.contains("<![CDATA[") && !page.contains("<?") && !page.contains("<!--a"), "\(name) stays text")
    }
}
