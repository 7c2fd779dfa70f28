import Foundation
import Synchronization
import Mustache
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

/// A template file that could not be read or parsed, with its position.
package struct TemplateError: Error, CustomStringConvertible {
    /// Path as given (templates folder joined with the file name).
    package var file: String
    package var line: Int
    package var column: Int
    package var message: String

    package var description: String { "\(file):\(line):\(column): error: \(message) [template]" }

    package static let rule = RuleInfo(Rule("template"),
                               summary: "A template cannot be read or parsed, or a required template is missing; the position is in the template file.",
                               why: "A document rendered from a broken template would be wrong or empty; the build stops before writing anything.",
                               fix: "Fix the template at the line and column given, or delete your copy to use the built-in one.",
                               example: "{{#partners}}\n| {{name}} |\n{{/partner}}   # the section is closed with another name")

    package init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }
}

/// The templates: `NAME.EXT.mustache` files and an `assets/` folder, built in
/// and overridable file by file.
///
/// Markdown documents (`charter.md`, `scorecard.md`, `qbr.md`,
/// `program-scorecard.md`) declare `{{% CONTENT_TYPE: MARKDOWN }}`; HTML pages
/// (`layout.html`, `report.html`, `index.html`, `partner.html`, ...) are parsed
/// with `HTMLEscaping`'s escaping put in front of their text.
package struct TemplateSet: Sendable {
    /// Every template a build renders: all must load (built in or replaced).
    package static let required = TemplateName.allCases.map(\.rawValue)

    /// Every template as loaded: what fragments are filled from.
    let library: MustacheLibrary
    /// The same, except that the fragment partials (`card.html`) insert the
    /// fragment already filled (`Fragment`): what pages are filled from.
    let pages: MustacheLibrary
    /// The built-in templates not replaced, compiled (`CompiledTemplate`):
    /// what `library` and `pages` are filled through when a template is here.
    let compiledLibrary: CompiledTemplates
    let compiledPages: CompiledTemplates
    /// SHA-256 over every template and asset (names and bytes), for the build cache.
    package let digest: String
    /// Told what every template receives, when the reference docs are generated.
    package var observer: TemplateVariables?
    /// `CharterWording`'s hash of the charter template loaded (nil: none loaded).
    package var charterHash: String?
    /// The templates that are the built-in ones, unchanged.
    let builtIn: Set<String>
    /// Files under `assets/`, copied to the output as they are: relative path and bytes.
    let assets: [(path: String, data: Data)]

    /// Largest template or asset read (an asset may be a font or an image).
    package static let maxFileBytes = 8 << 20

    /// No templates at all: what a build holds when its templates could not be
    /// loaded, so its content can still be checked (nothing is rendered).
    package static let empty = TemplateSet(templates: [:], digest: "", assets: [])

    /// The built-in set (`BuiltInTemplates`), with every file in `folder`
    /// replacing the built-in file of the same path: a person may change just
    /// the charter. A missing folder means the built-in set, unless
    /// `folderRequired` (it was named with `--templates`). `displayPath` is how the
    /// folder is named in errors.
    package static func load(from folder: URL, displayPath: String, folderRequired: Bool = false) throws -> TemplateSet {
        MarkdownText.registerContentType()
        HTMLEscaping.register()
        let sources = try self.sources(folder, displayPath: displayPath, folderRequired: folderRequired)

        let files = sources.keys.sorted()
        let assets = files.filter { $0.hasPrefix("assets/") }.map { (String($0.dropFirst("assets/".count)), sources[$0]!.data) }
        // Parsed on every core (a one-partner rebuild waits for them); the first file in path order that fails is reported.
        let parsed = Parallel.map(files.filter { !$0.hasPrefix("assets/") }) { file in
            Result { try parse(file, sources[file]!) }
        }
        var templates: [String: MustacheTemplate] = [:]
        var builtIn = Set<String>()
        for result in parsed {
            let (name, template, isBuiltIn) = try result.get()
            templates[name] = template
            if isBuiltIn { builtIn.insert(name) }
        }
        for name in required where templates[name] == nil {
            throw TemplateError(file: prefix(displayPath) + name + ".mustache", line: 1, column: 1, message: "required template is missing")
        }
        var set = TemplateSet(templates: templates, digest: digest(sources), assets: assets, compiling: builtIn)
        set.charterHash = sources[CharterWording.file].map { CharterWording.hash($0.data) }
        return set
    }

    /// One template file parsed: its name, its template, and whether it is the built-in one unchanged.
    private static func parse(_ file: String, _ source: (data: Data, display: String)) throws -> (String, MustacheTemplate, Bool) {
        guard let text = String(data: source.data, encoding: .utf8) else {
            throw TemplateError(file: source.display, line: 1, column: 1, message: "cannot be read as UTF-8 text")
        }
        // An HTML template gets the byte-wise HTML escaping (one line in front, taken off error positions).
        let pragma = file.hasSuffix(".html.mustache") ? HTMLEscaping.pragma : ""
        do {
            let name = String(file.dropLast(".mustache".count))
            return (name, try MustacheTemplate(string: pragma + text), BuiltInTemplates.files[file] == text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber - (pragma.isEmpty ? 0 : 1)
            throw TemplateError(file: source.display, line: max(1, line), column: max(1, error.context.columnNumber),
                                message: "template syntax: \(error.error)")
        }
    }

    /// The digest of the set a build with `folder` uses, without compiling it:
    /// what `check` needs to find the last build's findings of a partner.
    package static func digest(folder: URL, displayPath: String, folderRequired: Bool = false) throws -> String {
        digest(try sources(folder, displayPath: displayPath, folderRequired: folderRequired))
    }

    private static func digest(_ sources: [String: (data: Data, display: String)]) -> String {
        Digest.hex(sources.keys.sorted().flatMap { [$0, Digest.hex(sources[$0]!.data)] })
    }

    /// How a file of the folder is named in errors: `displayPath/` before its path.
    private static func prefix(_ displayPath: String) -> String {
        displayPath.hasSuffix("/") || displayPath.isEmpty ? displayPath : displayPath + "/"
    }

    /// Every template and asset file: the built-in ones, each replaced by the folder's file of the same path.
    private static func sources(_ folder: URL, displayPath: String, folderRequired: Bool) throws -> [String: (data: Data, display: String)] {
        let fm = FileManager.default
        let prefix = prefix(displayPath)
        var sources: [String: (data: Data, display: String)] = [:]
        for (name, text) in BuiltInTemplates.files { sources[name] = (Data(text.utf8), "built-in template " + name) }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TemplateError(file: displayPath, line: 1, column: 1, message: "templates path is not a folder")
            }
            for entry in TemplateFiles.list(folder, displayPath: displayPath) {
                sources[entry.name] = (try TemplateFiles.read(entry, displayPath: displayPath), prefix + entry.name)
            }
        } else if folderRequired {
            throw TemplateError(file: displayPath, line: 1, column: 1, message: "templates folder does not exist")
        }
        return sources
    }


    func render(_ name: TemplateName, _ view: Any) -> String {
        render(name, boxed: MustacheBox.view(view))
    }

    /// Renders a view already boxed by `MustacheBox` (to box once, render twice).
    func render(_ name: TemplateName, boxed: [String: Any]) -> String {
        fill(name, boxed, pages: true)
    }

    /// `render(_:boxed:)` as UTF-8 bytes: a compiled template's are never
    /// made a string (checked as UTF-8 byte by byte) only to be read back as bytes.
    func renderBytes(_ name: TemplateName, boxed: [String: Any]) -> [UInt8] {
        switch filled(name, boxed, pages: true) {
        case .bytes(let bytes): bytes
        case .text(let text): Array(text.utf8)
        }
    }

    /// A fragment: `name` filled with `view`'s fields alone, as the page's
    /// partial would fill it for that item (a fragment partial is written on
    /// a line of its own, so its lines take no indentation).
    func fragment(_ name: TemplateName, _ view: Any) -> String {
        TemplateSet.exactSize(fill(name, MustacheBox.view(view), pages: false))
    }

    /// `text` in storage of its own length. A fragment is kept until the
    /// program pages are made (a card and a row of every partner), and a
    /// string grown by appending holds up to twice its length: at 10,000
    /// partners, 8 MB held for nothing.
    static func exactSize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }

    /// `pages`: filled from `pages` (fragment partials inserted as filled), else from `library`.
    private func fill(_ name: TemplateName, _ boxed: [String: Any], pages: Bool) -> String {
        switch filled(name, boxed, pages: pages) {
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .text(let text): text
        }
    }

    /// A template filled: bytes when compiled, text when interpreted by swift-mustache.
    private enum Filled {
        case bytes([UInt8])
        case text(String)
    }

    private func filled(_ name: TemplateName, _ boxed: [String: Any], pages: Bool) -> Filled {
        observer?.record(name, boxed)
        // `load` refused any set without every `TemplateName`, and `empty` is
        // never rendered: a missing template here is a bug, not an empty page.
        if let bytes = (pages ? compiledPages : compiledLibrary).renderBytes(name.rawValue, boxed) { return .bytes(bytes) }
        if builtIn.contains(name.rawValue) && !TemplateSet.interpreterOnly {
            TemplateSet.builtInsInterpreted.add(1, ordering: .relaxed)
        }
        guard let text = (pages ? self.pages : library).render(boxed, withTemplate: name.rawValue) else {
            preconditionFailure("template \(name.rawValue) is not loaded")
        }
        return .text(text)
    }

    /// The templates whose filling is kept per partner (`DocumentRenderer.listing`)
    /// and that pages include as partials (`index.html`, `program-scorecard.md`).
    static let fragments: [TemplateName] = [.card, .programScorecardRow]

    /// What a fragment partial is in `pages`: the item's text as filled.
    private static let insertFragment = try! MustacheTemplate(string: "{{{\(Fragment.key)}}}")

    /// `PARTNERBOOK_TEMPLATES=interpreter` fills every template through
    /// swift-mustache; a test builds the example both ways and compares bytes.
    static let interpreterOnly = ProcessInfo.processInfo.environment["PARTNERBOOK_TEMPLATES"] == "interpreter"

    /// `compiling`: the templates that are the built-in ones, unchanged, which are compiled.
    package init(templates: [String: MustacheTemplate], digest: String, assets: [(path: String, data: Data)],
                 compiling: Set<String> = []) {
        library = MustacheLibrary(templates: templates)
        var assembled = templates
        for name in TemplateSet.fragments where templates[name.rawValue] != nil {
            assembled[name.rawValue] = TemplateSet.insertFragment
        }
        pages = MustacheLibrary(templates: assembled)
        // Compiled on every core, as they were parsed.
        let names = TemplateSet.interpreterOnly ? [] : compiling.sorted()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, template) in zip(names, Parallel.map(names) { name in templates[name].flatMap { CompiledTemplate($0) } }) {
            compiled[name] = template
        }
        compiledLibrary = CompiledTemplates(compiled)
        // As in `pages`, whether the fragment's own template is built in or a person's.
        for name in TemplateSet.fragments where templates[name.rawValue] != nil {
            compiled[name.rawValue] = CompiledTemplate(TemplateSet.insertFragment)
        }
        compiledPages = CompiledTemplates(compiled)
        self.digest = digest
        self.assets = assets
        builtIn = compiling
    }

    /// How many times a built-in template went through swift-mustache's
    /// interpreter instead of its compiled form (a test holds it at zero:
    /// the compiled path reads swift-mustache's parsed tokens, and a release
    /// of swift-mustache that changed them would send every page back to the
    /// interpreter, three times slower, without this count).
    package static let builtInsInterpreted = Atomic<Int>(0)

    /// Whether `name` is the built-in template, unchanged.
    func isBuiltIn(_ name: TemplateName) -> Bool { builtIn.contains(name.rawValue) }
}
