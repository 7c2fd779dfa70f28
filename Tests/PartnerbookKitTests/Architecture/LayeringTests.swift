import Foundation
import Testing
import PartnerbookTestSupport

/// What the target graph alone cannot say. The model, the support they
/// share and the rules are pure: they read no file, run no program, look at
/// no clock and no environment, so `check` gives the same findings on any
/// machine, and what a rule needs from outside (the git history, OpenSSH's
/// verdicts) reaches it as a value. Everything that touches the machine is
/// in `PartnerbookSystem`, which none of them imports (the target graph
/// holds that; this test holds that nothing slipped into them meanwhile).
@Suite struct LayeringTests {
    static let forbidden = ["FileManager", "Process(", "fopen(", "opendir(", "lstat(", "fstat(", "contentsOf:", "contentsOfFile:",
                            "posix_spawn", "getenv(", ".environment", "Date()", "DispatchTime", "PartnerbookSystem"]
    /// The POSIX calls, called bare (not a method of the same name: `value.write(into:)`, `write(into: &bytes)`).
    static var calls: Regex<(Substring, Substring, Substring)> { /(^|[^.A-Za-z_])(open|read|write|stat|unlink|rename|mkdir)\((?!into:)/ }

    static func sources(of target: String) throws -> [(String, String)] {
        let folder = Binary.repository.appendingPathComponent("Sources/\(target)")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String])
        return try files.filter { $0.hasSuffix(".swift") }.map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test(arguments: ["PartnerbookModel", "PartnerbookSupport", "PartnerbookRules"])
    func thePureTargetsTouchNoFileRunNoProgramAndReadNoClock(_ target: String) throws {
        let files = try Self.sources(of: target)
        #expect(files.count > 5)
        for (name, text) in files {
            // Comments may name what the code does not do.
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
            for word in Self.forbidden {
                #expect(!code.contains(word), "\(target)/\(name) uses \(word)")
            }
            // A method of the same name, declared here (`func write(into:)`), is not the system call.
            let calls = code.replacing(/func (open|read|write|stat|unlink|rename|mkdir)\(/, with: "")
            let call = calls.firstMatch(of: Self.calls).map { String($0.output.0) }
            #expect(call == nil, "\(target)/\(name) calls \(call ?? "")")
        }
    }

    @Test func theForbiddenWordsAreFoundWhereTheyAreUsed() throws {
        // The scan is not blind: the system target does use them.
        let system = try Self.sources(of: "PartnerbookSystem").map(\.1).joined()
        for word in ["FileManager", "Process(", "opendir(", "lstat(", ".environment", "DispatchTime"] {
            #expect(system.contains(word), "\(word)")
        }
        #expect(system.firstMatch(of: Self.calls) != nil)
    }
}
