import Foundation
import Testing
import PartnerbookTestSupport

/// What the target graph alone cannot say: the model and the rules are pure
/// (they read no file and run no program), so `check` is the same on any machine,
/// and the git history a rule needs reaches it as a value (`SignedTexts`).
@Suite struct LayeringTests {
    static let forbidden = ["FileManager", "Process(", "fopen(", "contentsOf:", "contentsOfFile:", "posix_spawn", "getenv("]

    static func sources(of target: String) throws -> [(String, String)] {
        let folder = Binary.repository.appendingPathComponent("Sources/\(target)")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        return try files.filter { $0.hasSuffix(".swift") }.map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test(arguments: ["PartnerbookModel", "PartnerbookRules"])
    func theModelAndTheRulesTouchNoFileAndRunNoProgram(_ target: String) throws {
        let files = try Self.sources(of: target)
        #expect(files.count > 5)
        for (name, text) in files {
            for word in Self.forbidden {
                #expect(!text.contains(word), "\(target)/\(name) uses \(word)")
            }
        }
    }

    @Test func theForbiddenWordsAreFoundWhereTheyAreUsed() throws {
        // The scan is not blind: the write step does use them.
        let output = try Self.sources(of: "PartnerbookOutput").map(\.1).joined()
        #expect(output.contains("FileManager"))
    }
}
