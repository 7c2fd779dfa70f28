import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
import PartnerbookTestSupport

/// `check` and `build` go through the same partner pass, so they report the
/// same findings, in the same order, as JSON: for the example, for a
/// program of broken and hostile files, and for a build that reused every
/// partner from its store or replayed an unchanged output.
@Suite struct FindingsAgreeTests {
    private func findings(_ command: [String], in folder: URL) throws -> (status: Int32, json: [[String: String]]) {
        let result = try Binary.run(command + ["--format", "json", "--as-of", "2026-11-20"], in: folder, timeout: 120)
        let data = Data(result.stdout.utf8)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]], "\(result.stdout.prefix(300)) \(result.stderr)")
        return (result.status, array.map { $0.mapValues { "\($0)" } })
    }

    private func agree(_ content: URL, in folder: URL, builds: Int = 2) throws {
        let check = try findings(["check", "--content", content.path], in: folder)
        #expect(!check.json.isEmpty)
        for round in 0..<builds {
            let build = try findings(["build", "--content", content.path, "--output", "out"], in: folder)
            #expect(build.json == check.json, "build \(round + 1): the same findings as check")
            #expect(build.status == check.status)
        }
    }

    @Test func theExample() throws {
        let folder = TemporaryFolder()
        try agree(Binary.repository.appendingPathComponent("Content"), in: folder.url)
    }

    @Test func brokenAndHostileFiles() throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        folder.write("content/partners/good.yaml", Fixtures.partner)
        folder.write("content/partners/warned.yaml", Fixtures.partner + "\nunknown_key: 1\n")
        folder.write("content/partners/old-name.yml", Fixtures.partner)
        folder.write("content/partners/Bad_ID.yaml", Fixtures.partner)
        folder.write("content/partners/empty.yaml", "")
        for (index, item) in HostileInput.cases.enumerated() {
            folder.write("content/partners/hostile-\(index).yaml", item.text)
        }
        try agree(folder.url.appendingPathComponent("content"), in: folder.url)
        // Without the errors, builds that reuse partners and replay the unchanged output still agree.
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("content/partners").path)
        where !["good.yaml", "warned.yaml", "old-name.yml"].contains(name) {
            try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/partners/\(name)"))
        }
        try agree(folder.url.appendingPathComponent("content"), in: folder.url, builds: 3)
        folder.write("content/partners/warned.yaml", Fixtures.partner + "\nunknown_key: 2\n")
        try agree(folder.url.appendingPathComponent("content"), in: folder.url, builds: 2)
    }
}
