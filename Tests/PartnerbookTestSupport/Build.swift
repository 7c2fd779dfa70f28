import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

extension BuildConfiguration {
    /// A configuration for tests: the repository's templates, the fixtures' date.
    package static func test(_ content: URL, asOf: Day? = Fixtures.asOf, today: Day = Fixtures.asOf, strict: Bool = false,
                     output: URL? = nil) -> BuildConfiguration {
        var configuration = BuildConfiguration(content: content, templates: TestBuild.templates, templatesDisplay: "Templates",
                                               output: output ?? URL(fileURLWithPath: "/nonexistent"), asOf: asOf, today: today)
        configuration.strict = strict
        return configuration
    }
}

/// Builds a content folder as `build` does (the same steps, into a
/// temporary output folder) and reads every file back.
package enum TestBuild {
    package static let templates = Binary.repository.appendingPathComponent("Templates")

    package static func files(_ folder: TemporaryFolder, asOf: Day? = Fixtures.asOf) throws -> [String: String] {
        try files(content: folder.url, asOf: asOf)
    }

    package static func files(content: URL, asOf: Day? = Fixtures.asOf) throws -> [String: String] {
        let out = TemporaryFolder()
        var configuration = BuildConfiguration.test(content, asOf: asOf, output: out.url.appendingPathComponent("site"))
        configuration.useCache = false
        let build = try Build.run(configuration)
        var files: [String: String] = [:]
        guard build.written != nil else { return files }
        let root = out.url.appendingPathComponent("site")
        for path in OutputWriter.filesBelow(root) where path != OutputWriter.manifestName {
            files[path] = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
        }
        return files
    }
}
