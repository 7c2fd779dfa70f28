import Foundation
import PartnerbookModel
import PartnerbookSupport

/// The identity of a charter's wording: `sha256:` and the SHA-256 of the
/// bytes of the charter template it is rendered from, built in or a
/// person's. Canonical form 2 carries it (`"template"`), so a signature
/// covers the sentences around the values as well as the values: changing
/// "either side may end the partnership when" changes every fingerprint.
/// `sha256sum Templates/charter.md.mustache` prints the same digits.
package enum CharterWording {
    /// The template file the charter is rendered from.
    package static let file = TemplateName.charter.rawValue + ".mustache"

    /// The hash of `data`, as form 2 writes it.
    package static func hash(_ data: Data) -> String {
        "sha256:" + Digest.hex(data)
    }

    /// The built-in charter template's hash (what `partnerbook templates DIR` writes out).
    package static let builtIn = hash(Data(BuiltInTemplates.files[file]!.utf8))

    /// The hash of the charter template a build with `folder` uses: the
    /// folder's `charter.md.mustache`, read under the templates' rules, else
    /// the built-in one. A file that cannot be read is the same `TemplateError`
    /// the build's template step reports.
    package static func hash(folder: URL, displayPath: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let entry = TemplateFiles.list(folder, displayPath: displayPath).first(where: { $0.name == file }) else {
            return builtIn
        }
        return hash(try TemplateFiles.read(entry, displayPath: displayPath))
    }
}
