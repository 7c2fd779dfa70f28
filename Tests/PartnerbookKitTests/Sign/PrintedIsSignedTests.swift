import Foundation
import Testing
import Yams
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookRules
@testable import PartnerbookRender
import PartnerbookTestSupport

/// Section 19: a value the charter prints that is not in the canonical form
/// is a defect. Every value of the example's richest partner file and of
/// program.yaml is changed, one at a time; whenever the charter then reads
/// differently, the form-2 fingerprint must differ too. The lines that say
/// where the document stands (status, the date it was prepared, DRAFT and
/// its findings, the fingerprint itself) are about the document, not the
/// agreement, and are left out of the comparison.
@Suite struct PrintedIsSignedTests {
    static let partner = "acme-cloud"

    /// One value somewhere in a YAML tree: the indices of the children leading to it.
    typealias Path = [Int]

    @Test func everyPrintedValueIsInTheCanonicalForm() throws {
        let source = Binary.repository.appendingPathComponent("Content")
        let partnerNode = try #require(try Yams.compose(yaml: try String(contentsOf: source.appendingPathComponent("partners/\(Self.partner).yaml"),
                                                                           encoding: .utf8)))
        let programNode = try #require(try Yams.compose(yaml: try String(contentsOf: source.appendingPathComponent("program.yaml"),
                                                                           encoding: .utf8)))
        // Unsigned: no signature block changes with the text, and none is mutated.
        let unsigned = Self.removing("signatures", from: partnerNode)
        let base = try render(partner: unsigned, program: programNode)
        var changedCharter = 0
        var leaks: [String] = []
        for (file, node) in [("partner", unsigned), ("program", programNode)] {
            for path in Self.leaves(node) {
                let mutated = Self.mutating(node, at: path)
                let (partner, program) = file == "partner" ? (mutated.node, programNode) : (unsigned, mutated.node)
                let result = try render(partner: partner, program: program)
                guard result.charter != base.charter else { continue }
                changedCharter += 1
                if result.fingerprint == base.fingerprint {
                    leaks.append("\(file): \(mutated.description) changes the charter but not the fingerprint")
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
        #expect(changedCharter > 80, "the mutations reach the charter (\(changedCharter) did)")
    }

    /// The charter (without the lines about the document) and its fingerprint.
    private func render(partner: Node, program: Node) throws -> (charter: String, fingerprint: String) {
        let folder = TemporaryFolder()
        folder.write("program.yaml", try Yams.serialize(node: program))
        folder.write("partners/\(Self.partner).yaml", try Yams.serialize(node: partner))
        let input = try ProgramInput(.test(folder.url, asOf: Day("2027-01-08")))
        let templates = try TemplateSet.load(from: TestBuild.templates, displayPath: "Templates")
        let renderer = DocumentRenderer(templates: templates, program: input.program, asOf: input.asOf)
        let artifacts = PartnerPipeline(input, rendering: .site(renderer)).run("\(Self.partner).yaml")
        let charter = artifacts.documents.first { $0.path == OutputPaths.charter(Self.partner, "md") }
        let text = charter.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        return (Self.agreement(text), Fingerprint.of(try #require(artifacts.partner), frame: input.frame))
    }

    /// The charter without what describes the document rather than the agreement.
    static func agreement(_ charter: String) -> String {
        charter.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> Substring? in
            if line.hasPrefix(">") || line.hasPrefix("Charter fingerprint") { return nil }
            if let status = line.range(of: " · Status: ") { return line[..<status.lowerBound] }
            return line
        }.joined(separator: "\n")
    }

    // MARK: YAML trees

    static func removing(_ key: String, from node: Node) -> Node {
        guard case .mapping(let mapping) = node else { return node }
        return .mapping(Node.Mapping(mapping.filter { $0.key.string != key }.map { ($0.key, $0.value) }, mapping.tag, mapping.style))
    }

    /// The path to every scalar value (mapping keys are not values).
    static func leaves(_ node: Node, _ path: Path = []) -> [Path] {
        switch node {
        case .scalar: return [path]
        case .mapping(let mapping): return mapping.enumerated().flatMap { leaves($0.element.value, path + [$0.offset]) }
        case .sequence(let sequence): return sequence.enumerated().flatMap { leaves($0.element, path + [$0.offset]) }
        default: return []
        }
    }

    /// `node` with the value at `path` changed, and what was changed.
    static func mutating(_ node: Node, at path: Path) -> (node: Node, description: String) {
        var description = ""
        func walk(_ node: Node, _ rest: Path.SubSequence, _ where: String) -> Node {
            switch node {
            case .scalar(let scalar):
                let changed = mutated(scalar.string)
                description = "\(`where`): \(scalar.string.prefix(60)) -> \(changed.prefix(60))"
                return .scalar(Node.Scalar(changed, .implicit, changed == scalar.string ? scalar.style : .any))
            case .mapping(let mapping):
                let pairs = mapping.enumerated().map { index, pair in
                    index == rest.first ? (pair.key, walk(pair.value, rest.dropFirst(), `where` + "." + (pair.key.string ?? "?"))) : (pair.key, pair.value)
                }
                return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style))
            case .sequence(let sequence):
                let items = sequence.enumerated().map { index, item in
                    index == rest.first ? walk(item, rest.dropFirst(), `where` + "[\(index + 1)]") : item
                }
                return .sequence(Node.Sequence(items, sequence.tag, sequence.style))
            default:
                return node
            }
        }
        return (walk(node, path[...], ""), description)
    }

    /// Another value of the same kind where one exists: a date a day
    /// later, a number one more, a flag flipped; text with a word added.
    static func mutated(_ text: String) -> String {
        if let day = Day(text) {
            return (day.adding(days: 1)).description
        }
        if let number = Double(text.replacingOccurrences(of: "_", with: "")) {
            return number == number.rounded() ? String(Int(number) + 1) : String(number + 0.5)
        }
        switch text {
        case "true": return "false"
        case "false": return "true"
        default: return text + " Zq"
        }
    }
}
