import Foundation
@testable import PartnerbookKit

/// Renders a content folder with the repository's default templates, in memory.
enum TestBuild {
    static let templates = Binary.repository.appendingPathComponent("Templates")

    static func files(_ folder: TemporaryFolder, asOf: Day = Fixtures.asOf) throws -> [String: String] {
        let check = try CheckRun(contentFolder: folder.url, asOf: asOf, today: asOf, strict: false)
        let set = try TemplateSet.load(from: templates, displayPath: "Templates")
        var out: [String: String] = [:]
        for file in BuildRun.render(check, templates: set) {
            out[file.path] = String(decoding: file.data, as: UTF8.self)
        }
        return out
    }
}
