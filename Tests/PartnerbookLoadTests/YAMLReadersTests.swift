import Foundation
import Testing
@testable import PartnerbookLoad
import PartnerbookTestSupport

/// `CommonYAML` (the reader of the YAML content files are written in) builds
/// the tree libyaml's events build, wherever it reads a file at all; and it
/// reads the files people and the benchmark write.
@Suite struct YAMLReadersTests {
    /// Benchmark partners as `Benchmarks/generate.py` writes them.
    static let samples = Binary.repository.appendingPathComponent("Tests/PartnerbookLoadTests/CommonYAML")

    /// The example program's files and the benchmark's.
    static var written: [(String, Data)] {
        let fm = FileManager.default
        let content = Binary.repository.appendingPathComponent("Content")
        var files: [(String, Data)] = []
        for folder in [content.appendingPathComponent("partners"), samples] {
            for name in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".yaml") {
                files.append((name, fm.contents(atPath: folder.appendingPathComponent(name).path)!))
            }
        }
        files.append(("program.yaml", fm.contents(atPath: content.appendingPathComponent("program.yaml").path)!))
        return files
    }

    /// The tree of `data` by each reader: CommonYAML's nil where it gives up.
    static func read(_ data: Data) -> (common: Result<YAMLTree, YAMLComposer.Failure>?, libyaml: Result<YAMLTree, YAMLComposer.Failure>) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return (CommonYAML.compose(bytes), YAMLComposer.composeWithLibyaml(bytes))
        }
    }

    /// What differs between two results, or nil.
    static func difference(_ a: Result<YAMLTree, YAMLComposer.Failure>, _ b: Result<YAMLTree, YAMLComposer.Failure>) -> String? {
        switch (a, b) {
        case (.failure(let x), .failure(let y)):
            return x == y ? nil : "failures \(x) vs \(y)"
        case (.success(let x), .success(let y)):
            if x.records.count != y.records.count { return "\(x.records.count) vs \(y.records.count) nodes" }
            for index in x.records.indices where x.records[index] != y.records[index] {
                let text = { (tree: YAMLTree) in tree.records[index].kind == .scalar ? tree.texts[Int(tree.records[index].start)] : "" }
                return "node \(index): \(x.records[index]) \(text(x).debugDescription) vs \(y.records[index]) \(text(y).debugDescription)"
            }
            if x.texts != y.texts { return "texts \(zip(x.texts, y.texts).first { $0 != $1 }.map { "\($0.debugDescription) vs \($1.debugDescription)" } ?? "count")" }
            if x.children != y.children || x.root != y.root { return "structure" }
            if x.flowCommas != y.flowCommas || x.splitItems != y.splitItems || x.colonless != y.colonless { return "flow commas" }
            return nil
        default:
            return "one read, one failed: \(a) vs \(b)"
        }
    }

    @Test func readsEveryFileTheExampleAndTheBenchmarkWrite() throws {
        let files = Self.written
        #expect(files.count >= 12)
        for (name, data) in files {
            let (common, libyaml) = Self.read(data)
            let tree = try #require(common, "\(name): CommonYAML gave up")
            #expect(Self.difference(tree, libyaml) == nil, "\(name): \(Self.difference(tree, libyaml) ?? "")")
        }
    }

    @Test func givesTheSameTreeAsLibyamlOrGivesUp() throws {
        var inputs = ComposerEquivalenceTests.inputs
        let more: [(String, String)] = [
            ("folded-kinds", "a: >\n  one\n  two\n\n  three\nb: |\n  x\n   y\nc: >-\n  z\n\n\nd: |+\n  k\n\n"),
            ("literal-strip", "a: |-\n  one\n  two\nb: 1\n"),
            ("keep-at-end", "a: >+\n  one\n\n"), ("clip-at-end-no-newline", "a: >\n  one"),
            ("indentless", "a:\n- x\n- { k: v }\nb:\n  - - y\n"), ("item-maps", "a:\n  - k: 1\n    l: [ 2, '3' ]\n  - k: 4\n"),
            ("escapes", "a: \"x\\\"y\\\\z\\/\\n\\t\"\nb: 'it''s'\nc: \"\\u00e9\"\n"), ("unicode", "name: Straße café ☕ 𝄞\nx: { é: ü, 'ß': [ ö ] }\n"),
            ("colons", "url: https://x.example/a:b\nt: 10:30\nf: { u: http://x, v: a:b }\n"), ("hashes", "a: b#c\nd: e # c\nf: [ g#h ]\n"),
            ("continued", "a: one\n  two\nb: 2\n"), ("key-spaces", "a   : 1\n\"b\" : 2\n"), ("deep-keys", "x:\n    y:\n        z: 1\n    w: 2\n"),
            ("comment-indent", "a:\n    # note\n  b: 1\n# end\n"), ("empty-value", "a:\nb: 1\n"), ("flow-trailing", "a: { b: 1, }\n"),
            ("flow-multiline", "a: [ 1,\n  2 ]\n"), ("number-like", "a: -5\nb: -x\nc: .5\nd: ~\ne: +1\n"),
        ]
        for (name, text) in more { inputs.append((name, Data(text.utf8))) }
        var read = 0
        for (name, data) in inputs {
            let (common, libyaml) = Self.read(data)
            guard let common else { continue }
            read += 1
            #expect(Self.difference(common, libyaml) == nil, "\(name): \(Self.difference(common, libyaml) ?? "")")
        }
        #expect(read >= 20, "CommonYAML read \(read) of \(inputs.count)")
    }

    /// Thousands of small edits of the written files, each a likely slip or
    /// a YAML construct at a random place: wherever CommonYAML reads the
    /// result, its tree is libyaml's (or libyaml fails and CommonYAML gave up).
    @Test func mutationsReadTheSameOrAreLeftToLibyaml() throws {
        let pieces = [" ", "  ", "\n", "\n  ", ":", ": ", "-", "- ", "#", " #", "{", "}", "[", "]", ",", ", ", "\"", "'", "\\", ">",
                      "|", ">-", "&a ", "*a", "!", "?", "%", "@", "---\n", "...", "\t", "é", "\u{2028}", "\r", "x", "1,000", "''", "~"]
        var generator = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["SEED"] ?? "") ?? 20261207)
        var read = 0, total = 0, agreed = 0
        for (name, data) in Self.written {
            let bytes = [UInt8](data)
            for _ in 0..<(Int(ProcessInfo.processInfo.environment["MUTATIONS"] ?? "") ?? 400) {
                var mutated = bytes
                var place = 0
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    place = Int.random(in: 0...mutated.count, using: &generator)
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0:
                        mutated.removeSubrange(place..<min(mutated.count, place + Int.random(in: 1...3, using: &generator)))
                    case 1:
                        // A line indented or dedented by one space.
                        let start = mutated[..<place].lastIndex(of: 10).map { $0 + 1 } ?? 0
                        if start < mutated.count, mutated[start] == 32, Bool.random(using: &generator) {
                            mutated.remove(at: start)
                        } else {
                            mutated.insert(32, at: start)
                        }
                    default:
                        mutated.insert(contentsOf: Array(pieces[Int.random(in: 0..<pieces.count, using: &generator)].utf8), at: place)
                    }
                }
                total += 1
                let (common, libyaml) = Self.read(Data(mutated))
                guard let common else { continue }
                read += 1
                if let difference = Self.difference(common, libyaml) {
                    Issue.record("\(name) changed at \(place): \(difference)\n\(String(decoding: mutated, as: UTF8.self))")
                    return
                }
                agreed += 1
            }
        }
        // Most slips still leave a file CommonYAML reads; enough are compared.
        #expect(read > total / 4, "CommonYAML read \(read) of \(total) mutated files")
        #expect(agreed == read)
    }
}

/// SplitMix64: the same edits on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
