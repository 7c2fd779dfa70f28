import Foundation
import Mustache

/// A template file that could not be read or parsed, with its position.
public struct TemplateError: Error, CustomStringConvertible {
    /// Path as given (templates folder joined with the file name).
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): error: \(message) [template]" }
}

/// The templates: `NAME.EXT.mustache` files and an `assets/` folder, built in
/// and overridable file by file.
///
/// Markdown documents (`charter.md`, `scorecard.md`, `qbr.md`,
/// `program-scorecard.md`) declare `{{% CONTENT_TYPE: MARKDOWN }}`; HTML pages
/// (`layout.html`, `report.html`, `index.html`, `partner.html`) use Mustache's
/// default HTML escaping.
public struct TemplateSet: @unchecked Sendable {
    public static let required = ["charter.md", "scorecard.md", "qbr.md", "qbr-brief.md", "program-scorecard.md", "layout.html", "report.html", "public-index.html", "public-partner.html",
                                  "index.html", "partner.html"]

    let library: MustacheLibrary
    /// SHA-256 over every template and asset (names and bytes), for the build cache.
    let digest: String
    /// Files under `assets/`, copied to the output as they are: relative path and bytes.
    let assets: [(path: String, data: Data)]

    /// No templates at all: what a build holds when its templates could not be
    /// loaded, so its content can still be checked (nothing is rendered).
    static let empty = TemplateSet(library: MustacheLibrary(templates: [:]), digest: "", assets: [])

    /// The built-in set (`BuiltInTemplates`), with every file in `folder`
    /// replacing the built-in file of the same path: a person may change just
    /// the charter. A missing folder means the built-in set, unless
    /// `folderRequired` (it was named with `--templates`). `displayPath` is how the
    /// folder is named in errors.
    public static func load(from folder: URL, displayPath: String, folderRequired: Bool = false) throws -> TemplateSet {
        MarkdownText.registerContentType()
        let fm = FileManager.default
        let prefix = displayPath.hasSuffix("/") || displayPath.isEmpty ? displayPath : displayPath + "/"
        var sources: [String: (data: Data, display: String)] = [:]
        for (name, text) in BuiltInTemplates.files { sources[name] = (Data(text.utf8), "built-in template " + name) }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TemplateError(file: displayPath, line: 1, column: 1, message: "templates path is not a folder")
            }
            for file in (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted() {
                let url = folder.appendingPathComponent(file)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
                guard file.hasPrefix("assets/") || file.hasSuffix(".mustache") else { continue }
                guard let data = fm.contents(atPath: url.path) else {
                    throw TemplateError(file: prefix + file, line: 1, column: 1, message: "cannot be read")
                }
                sources[file] = (data, prefix + file)
            }
        } else if folderRequired {
            throw TemplateError(file: displayPath, line: 1, column: 1, message: "templates folder does not exist")
        }

        var templates: [String: MustacheTemplate] = [:]
        var assets: [(String, Data)] = []
        var digestParts: [String] = []
        for file in sources.keys.sorted() {
            let (data, display) = sources[file]!
            digestParts += [file, Digest.hex(data)]
            if file.hasPrefix("assets/") {
                assets.append((String(file.dropFirst("assets/".count)), data))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: display, line: 1, column: 1, message: "cannot be read as UTF-8 text")
            }
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: display, line: error.context.lineNumber, column: max(1, error.context.columnNumber),
                                    message: "template syntax: \(error.error)")
            }
        }
        for name in required where templates[name] == nil {
            throw TemplateError(file: prefix + name + ".mustache", line: 1, column: 1, message: "required template is missing")
        }
        return TemplateSet(library: MustacheLibrary(templates: templates), digest: Digest.hex(digestParts), assets: assets)
    }

    /// Writes the built-in set into `folder` for editing; refuses to overwrite any file.
    /// Returns the paths written, relative to `folder`.
    public static func writeBuiltIn(to folder: URL) throws -> [String] {
        let fm = FileManager.default
        let names = BuiltInTemplates.files.keys.sorted()
        if let existing = names.first(where: { fm.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
            throw TemplateError(file: folder.appendingPathComponent(existing).path, line: 1, column: 1,
                                message: "already exists; templates writes into a new folder and overwrites nothing")
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(BuiltInTemplates.files[name]!.utf8).write(to: url, options: .withoutOverwriting)
        }
        return names
    }

    func render(_ name: String, _ view: Any) -> String {
        render(name, boxed: MustacheBox.box(view) as? [String: Any] ?? [:])
    }

    /// Renders a view already boxed by `MustacheBox` (to box once, render twice).
    func render(_ name: String, boxed: [String: Any]) -> String {
        library.render(boxed, withTemplate: name) ?? ""
    }
}
