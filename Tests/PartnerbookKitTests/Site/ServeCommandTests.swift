import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PartnerbookKit

/// `partnerbook serve` run as a process: it serves the build, rebuilds on a
/// change, and shows a broken build's errors instead of the stale site.
@Suite(.serialized) struct ServeCommandTests {
    private func get(_ url: String) async -> String? {
        guard let (data, _) = try? await URLSession.shared.data(from: URL(string: url)!) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls until `condition` holds on the page, for at most `seconds`.
    private func eventually(_ url: String, seconds: Double = 20, _ condition: (String) -> Bool) async -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let page = await get(url), condition(page) { return page }
            try? await Task.sleep(nanoseconds: 200_000_000)
        }
        return nil
    }

    @Test func servesRebuildsAndShowsErrors() async throws {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", Fixtures.program)
        folder.write("content/partners/acme.yaml", Fixtures.partner)
        let port = 20_000 + Int(ProcessInfo.processInfo.processIdentifier % 20_000)
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["serve", "--port", String(port), "--content", "content", "--templates", TestBuild.templates.path,
                             "--output", "out"]
        process.currentDirectoryURL = folder.url
        let log = folder.url.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"

        let home = await eventually(base + "/", seconds: 60) { $0.contains("<h1>") }
        #expect(home?.contains("/__partnerbook/reload.js") == true,
                "the page reloads itself; server log: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        #expect(await get(base + "/partners/acme/index.html")?.contains("<h1>Acme Cloud</h1>") == true)
        let version = await get(base + "/__partnerbook/version")

        folder.write("content/partners/acme.yaml",
                     Fixtures.partner.replacingOccurrences(of: "summary: A *good* partner.", with: "summary: Freshly edited."))
        let rebuilt = await eventually(base + "/partners/acme/index.html") { $0.contains("Freshly edited.") }
        #expect(rebuilt != nil, "the change was not rebuilt")
        // The version moves once the rebuild is recorded, a moment after its files are in place.
        #expect(await eventually(base + "/__partnerbook/version") { $0 != version } != nil)
        // A folder answers with its index.html, as static hosts do; without its slash it redirects there.
        #expect(await get(base + "/partners/acme/")?.contains("<h1>Acme Cloud</h1>") == true)
        #expect(await get(base + "/partners/acme")?.contains("<h1>Acme Cloud</h1>") == true, "followed the redirect")

        folder.write("content/partners/acme.yaml", Fixtures.partner.replacingOccurrences(of: "tier: strategic", with: "tier: 9"))
        let broken = await eventually(base + "/partners/acme/index.html") { $0.contains("The build has errors") }
        #expect(broken?.contains("content/partners/acme.yaml:2:1: error: tier must be") == true)
        #expect(await get(base + "/../../etc/passwd") == "not found\n")
    }
}
