import Foundation
import Synchronization
import Mustache
import Testing
@testable import PartnerbookOutput
@testable import PartnerbookRender
import PartnerbookTestSupport

/// Built-in templates are filled through `CompiledTemplate`, not the
/// swift-mustache interpreter: every one compiles, each construct they use
/// gives the interpreter's bytes, what it does not handle is left to the
/// interpreter, and the example builds to the same bytes either way.
@Suite struct CompiledTemplateTests {
    /// Fills `text` both ways (partials from `partials`) and returns both results.
    private func both(_ text: String, _ view: [String: Any], partials: [String: String] = [:]) throws -> (compiled: String?, interpreted: String?) {
        HTMLEscaping.register()
        MarkdownText.registerContentType()
        var templates = ["main": try MustacheTemplate(string: text)]
        for (name, partial) in partials { templates[name] = try MustacheTemplate(string: partial) }
        let compiled = CompiledTemplates(templates.compactMapValues { CompiledTemplate($0) })
        return (compiled.render("main", view), MustacheLibrary(templates: templates).render(view, withTemplate: "main"))
    }

    @Test func everyBuiltInTemplateCompiles() throws {
        let set = try TemplateSet.load(from: URL(fileURLWithPath: "/nonexistent-templates"), displayPath: "Templates")
        for name in TemplateName.allCases {
            #expect(set.compiledLibrary.templates[name.rawValue] != nil, "\(name.rawValue) is left to the interpreter")
            #expect(set.compiledPages.templates[name.rawValue] != nil, "\(name.rawValue) is left to the interpreter in pages")
        }
    }

    /// Building the example fills every built-in template through its compiled form, not once through the interpreter.
    @Test func theExampleNeverFallsBackToTheInterpreter() throws {
        let before = TemplateSet.builtInsInterpreted.load(ordering: .relaxed)
        let files = try TestBuild.files(content: Binary.repository.appendingPathComponent("Content"), asOf: nil)
        #expect(files.count > 100)
        #expect(TemplateSet.builtInsInterpreted.load(ordering: .relaxed) == before, "a built-in template was filled by the interpreter")
    }

    @Test func aChangedTemplateGoesThroughTheInterpreter() throws {
        let folder = TemporaryFolder()
        try "{{% CONTENT_TYPE: MARKDOWN }}\n# Charter {{partnerName}}\n".write(to: folder.url.appendingPathComponent("charter.md.mustache"),
                                                                            atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(from: folder.url, displayPath: "Templates")
        #expect(set.compiledLibrary.templates["charter.md"] == nil)
        #expect(set.compiledLibrary.templates["scorecard.md"] != nil)
        // A person's card: the cards are theirs, the home page that joins them stays compiled.
        try "<div>{{name}}</div>\n".write(to: folder.url.appendingPathComponent("card.html.mustache"), atomically: true, encoding: .utf8)
        let withCard = try TemplateSet.load(from: folder.url, displayPath: "Templates")
        #expect(withCard.compiledLibrary.templates["card.html"] == nil)
        #expect(withCard.compiledPages.templates["index.html"] != nil)
    }

    @Test func eachConstructGivesTheInterpretersBytes() throws {
        let view: [String: Any] = [
            "title": "A <b>&</b> \"q\" 'x'", "count": 3, "ratio": 0.5, "yes": true, "no": false,
            "items": [["name": "one", "tags": ["a", "b"]], ["name": "two", "tags": [Any]()]] as [Any],
            "empty": [Any](), "nested": ["inner": ["deep": "found"], "name": "outer"],
        ]
        let templates = [
            "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n<h1>{{title}}</h1>{{{title}}} {{&title}} {{count}} {{ratio}} {{yes}}\n",
            "{{% CONTENT_TYPE: MARKDOWN }}\n# {{title}}\n\n{{#items}}\n- {{name}}{{#first()}} (first){{/first()}}{{^last()}},{{/last()}} {{index()}}{{#even()}}e{{/even()}}\n  {{#tags}}[{{.}}]{{/tags}}{{^tags}}none{{/tags}}\n{{/items}}\n",
            "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}not{{/no}}{{^missing}}absent{{/missing}}{{#missing}}x{{/missing}}\n",
            "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n{{#nested}}{{name}} {{title}} {{inner.deep}} {{.inner.deep}} {{.title}}{{/nested}} {{nested.inner.deep}} {{nested.none.deep}}\n",
            "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n  {{#empty}}\n  never\n  {{/empty}}\n  {{^empty}}\n  empty list\n  {{/empty}}\n{{! a comment on its own line }}\nend {{! inline }} here\n",
            "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n<ul>\n{{#items}}\n{{> item}}\n{{/items}}\n</ul>\n",
        ]
        for text in templates {
            let result = try both(text, view, partials: ["item": "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n<li>{{name}} of {{count}}</li>\n"])
            #expect(result.compiled != nil, "not compiled: \(text)")
            #expect(result.compiled == result.interpreted, "\(text)")
        }
    }

    @Test func whatItDoesNotHandleIsLeftToTheInterpreter() throws {
        HTMLEscaping.register()
        for text in ["{{name}}",  // escaped under swift-mustache's default content type
                     "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n{{uppercased(name)}}",  // a value transform
                     "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n  {{> item}}\n",  // an indented partial
                     "{{% CONTENT_TYPE: TEXT }}\n{{name}}",  // a content type of swift-mustache's own
                     "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n{{$block}}default{{/block}}"] {  // a block
            #expect(CompiledTemplate(try MustacheTemplate(string: text)) == nil, "\(text)")
        }
        // A template whose partial is not compiled is not filled by the compiled set either.
        let main = try #require(CompiledTemplate(try MustacheTemplate(string: "{{% CONTENT_TYPE: PARTNERBOOK_HTML }}\n{{> other}}\n")))
        #expect(CompiledTemplates(["main": main]).render("main", [String: Any]()) == nil)
    }

    /// The whole example program and its public directory, built with the
    /// compiled templates and with `PARTNERBOOK_TEMPLATES=interpreter`: the same bytes.
    @Test func theExampleBuildsToTheSameBytesEitherWay() throws {
        let folder = TemporaryFolder()
        let content = Binary.repository.appendingPathComponent("Content").path
        for extra in [[], ["--public"]] {
            let a = folder.url.appendingPathComponent("compiled" + extra.joined()), b = folder.url.appendingPathComponent("interpreted" + extra.joined())
            let compiled = try Binary.run(["build", "--content", content, "--output", a.path, "--no-cache"] + extra, in: folder.url)
            let interpreted = try Binary.run(["build", "--content", content, "--output", b.path, "--no-cache"] + extra, in: folder.url,
                                             environment: ["PARTNERBOOK_TEMPLATES": "interpreter"])
            #expect(compiled.status == 0 && interpreted.status == 0, "\(compiled.stderr)\n\(interpreted.stderr)")
            let paths = OutputWriter.filesBelow(a)
            #expect(paths.count > (extra.isEmpty ? 100 : 5))
            #expect(paths == OutputWriter.filesBelow(b))
            for path in paths {
                let same = try Data(contentsOf: a.appendingPathComponent(path)) == Data(contentsOf: b.appendingPathComponent(path))
                #expect(same, "\(path) differs between the compiled templates and the interpreter")
            }
        }
    }

    @Test func byteSearchFindsEveryOccurrence() {
        #expect(ByteText.contains(byte: 0xEF, in: "a\u{F8FF}b"))
        #expect(!ByteText.contains(byte: 0xEF, in: "plain"))
        #expect(!ByteText.contains(byte: 0xEF, in: ""))
        var text = "abcabd", short = "ab"
        #expect(text.withUTF8 { ByteText.firstIndex(of: "abd", in: $0, from: 0) } == 3)
        #expect(short.withUTF8 { ByteText.firstIndex(of: "abc", in: $0, from: 0) } == nil)
        #expect(ByteText.replacing("ab", with: "X", in: "aab-ab-abab") == "aX-X-XX")
        #expect(ByteText.replacing("\u{F8FF}", with: "", in: "\u{F8FF}é\u{F8FF}") == "é")
        #expect(ByteText.replacing("zz", with: "X", in: "no match") == "no match")
        #expect(ByteText.replacing("aa", with: "b", in: "aaa") == "ba")
    }
}
