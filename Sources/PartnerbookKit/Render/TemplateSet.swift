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

/// The user-editable templates: `NAME.EXT.mustache` files and an `assets/` folder.
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

    /// Loads every template below `folder`; `displayPath` is how the folder is named in errors.
    public static func load(from folder: URL, displayPath: String) throws -> TemplateSet {
        MarkdownText.registerContentType()
        let fm = FileManager.default
        let prefix = displayPath.hasSuffix("/") || displayPath.isEmpty ? displayPath : displayPath + "/"
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateError(file: displayPath, line: 1, column: 1, message: "templates folder does not exist")
        }
        let files = (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        var templates: [String: MustacheTemplate] = [:]
        var assets: [(String, Data)] = []
        var digestParts: [String] = []
        for file in files {
            let url = folder.appendingPathComponent(file)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { continue }
            if file.hasPrefix("assets/") {
                guard let data = fm.contents(atPath: url.path) else {
                    throw TemplateError(file: prefix + file, line: 1, column: 1, message: "cannot be read")
                }
                assets.append((String(file.dropFirst("assets/".count)), data))
                digestParts += [file, Digest.hex(data)]
                continue
            }
            guard file.hasSuffix(".mustache") else { continue }
            guard let data = fm.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: prefix + file, line: 1, column: 1, message: "cannot be read as UTF-8 text")
            }
            digestParts += [file, Digest.hex(data)]
            do {
                templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: prefix + file, line: error.context.lineNumber, column: max(1, error.context.columnNumber),
                                    message: "template syntax: \(error.error)")
            }
        }
        for name in required where templates[name] == nil {
            throw TemplateError(file: prefix + name + ".mustache", line: 1, column: 1, message: "required template is missing")
        }
        return TemplateSet(library: MustacheLibrary(templates: templates), digest: Digest.hex(digestParts), assets: assets)
    }

    func render(_ name: String, _ view: Any) -> String {
        render(name, boxed: MustacheBox.box(view) as? [String: Any] ?? [:])
    }

    /// Renders a view already boxed by `MustacheBox` (to box once, render twice).
    func render(_ name: String, boxed: [String: Any]) -> String {
        library.render(boxed, withTemplate: name) ?? ""
    }
}
