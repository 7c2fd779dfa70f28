import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// The files of a templates folder, read under the rules content files are
/// read under: only regular files, a link only when it points to a file
/// inside the folder, never a FIFO or device, never more than the size
/// limit; a name with a control character (a newline would split the
/// output's manifest) is refused. `TemplateSet` loads them and the build's
/// inputs digest hashes them, so both see the same files.
package enum TemplateFiles {
    /// One file a templates folder holds: its path relative to the folder,
    /// and where it really is, or why it is not read.
    package struct Entry: Sendable {
        package var name: String
        package var location: Result<String, TemplateError>
    }

    /// Every template (`*.mustache`) and asset (`assets/…`) file below `folder`, sorted by name.
    package static func list(_ folder: URL, displayPath: String) -> [Entry] {
        let root = folder.resolvingSymlinksInPath().standardizedFileURL.path
        let prefix = displayPath.hasSuffix("/") || displayPath.isEmpty ? displayPath : displayPath + "/"
        return FolderWalk.files(below: root).sorted().filter { $0.hasPrefix("assets/") || $0.hasSuffix(".mustache") }.map { name in
            func refuse(_ message: String) -> Entry {
                Entry(name: name, location: .failure(TemplateError(file: prefix + name, line: 1, column: 1, message: message)))
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                return refuse("the file name holds a control character; rename the file")
            }
            let path = root + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { return refuse("cannot be read: \(String(cString: strerror(errno)))") }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { return Entry(name: name, location: .success(path)) }
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
            guard real.hasPrefix(root + "/") else {
                return refuse("is a link to a file outside the templates folder; it is not read")
            }
            return Entry(name: name, location: .success(real))
        }
    }

    /// The bytes of one listed file, bounded, never through a link.
    package static func read(_ entry: Entry, displayPath: String) throws -> Data {
        let path = try entry.location.get()
        do {
            return try BoundedFile.read(path, limit: TemplateSet.maxFileBytes, followLinks: false)
        } catch let refusal as BoundedFile.Refusal {
            let prefix = displayPath.hasSuffix("/") || displayPath.isEmpty ? displayPath : displayPath + "/"
            throw TemplateError(file: prefix + entry.name, line: 1, column: 1, message: refusal.message(for: "a template"))
        }
    }
}
