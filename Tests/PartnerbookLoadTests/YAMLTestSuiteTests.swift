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

/// The 94 inputs of the public YAML test suite that a parser must reject,
/// read from ../shared/yaml-test-suite/must-fail beside the repository (not
/// copied into it). Each, as a partner file, must end in a diagnostic naming
/// the file, with exit 1: never a crash, a hang or silence.
@Suite struct YAMLTestSuiteTests {
    static let folder = Binary.repository.deletingLastPathComponent()
        .appendingPathComponent("shared/yaml-test-suite/must-fail")
    static let available = FileManager.default.fileExists(atPath: folder.path)

    @Test(.enabled(if: available, "../shared/yaml-test-suite/must-fail is not beside the repository; skipping the yaml-test-suite cases"))
    func everyMustFailCaseEndsInADiagnostic() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 94)
        let content = TemporaryFolder.content([:])
        for name in names {
            let id = "case-" + name.dropLast(5).lowercased()
            content.write("partners/\(id).yaml", try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        }
        let result = try Binary.run(["check", "--content", "."], in: content.url, timeout: 120)
        #expect(result.status == 1, "exit \(result.status)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        var silent: [String] = []
        for name in names {
            let id = "case-" + name.dropLast(5).lowercased()
            let errors = result.stdout.split(separator: "\n").filter { $0.hasPrefix("./partners/\(id).yaml:") && $0.contains(": error: ") }
            if errors.isEmpty { silent.append(name) }
        }
        #expect(silent.isEmpty, "no error diagnostic for: \(silent)")
        #expect(result.stdout.hasSuffix("in 94 partners\n"))
    }
}
