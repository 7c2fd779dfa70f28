import Foundation
import Testing
import PartnerbookTestSupport

/// Every relative link in the README, ARCHITECTURE.md and docs/ reaches a
/// file that exists and, when it names one, a heading in it.
@Suite struct DocumentationLinksTests {
    static let root = Binary.repository

    static var pages: [String] {
        let docs = (FileManager.default.enumerator(atPath: root.appendingPathComponent("docs").path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        return ["README.md", "ARCHITECTURE.md"] + docs.sorted()
    }

    /// GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces to `-`.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
        })
    }

    static func anchors(in text: String) -> Set<String> {
        var inFence = false
        var found: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            found.insert(anchor(String(line.drop { $0 == "#" }.drop { $0 == " " })))
        }
        return found
    }

    @Test func thereArePagesToCheck() {
        #expect(Self.pages.count >= 12)
        #expect(Self.anchor("What `build` writes") == "what-build-writes")
    }

    @Test(arguments: pages)
    func everyRelativeLinkResolves(_ page: String) throws {
        let url = Self.root.appendingPathComponent(page)
        let text = try String(contentsOf: url, encoding: .utf8)
        let links = try Regex(#"\]\(([^)\s]+)\)"#)
        for match in text.matches(of: links) {
            let target = String(match.output[1].substring ?? "")
            guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let file = parts[0].isEmpty ? url : url.deletingLastPathComponent().appendingPathComponent(parts[0])
            #expect(FileManager.default.fileExists(atPath: file.path), "\(page): \(target) does not exist")
            if parts.count == 2, file.pathExtension == "md", let other = try? String(contentsOf: file, encoding: .utf8) {
                #expect(Self.anchors(in: other).contains(parts[1]), "\(page): no heading for #\(parts[1]) in \(parts[0].isEmpty ? page : parts[0])")
            }
        }
    }
}
