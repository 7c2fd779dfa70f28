import Foundation
import PartnerbookLoad
import PartnerbookOutput
import PartnerbookRender

/// `partnerbook templates DIR`.
package enum TemplateExport {
    /// Writes the built-in set into `folder` for editing, all or nothing:
    /// every path is checked first (nothing there yet, no link on the way,
    /// not even a dangling one), the files are written into a hidden staging
    /// folder, then each is linked into place, which never overwrites and
    /// never follows a link; if one cannot be placed, those placed are removed.
    /// Returns the paths written, relative to `folder`.
    package static func write(to folder: URL) throws -> [String] {
        let names = BuiltInTemplates.files.keys.sorted()
        let root = folder.standardizedFileURL.path
        func refuse(_ path: String, _ why: String) -> TemplateError {
            TemplateError(file: path, line: 1, column: 1, message: why)
        }
        var info = stat()
        var createdRoot = false
        if lstat(root, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw refuse(root, (info.st_mode & S_IFMT) == S_IFLNK ? "is a link; templates writes into a real folder" : "exists and is not a folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            } catch {
                throw refuse(root, "cannot be created: \(String(cString: strerror(errno)))")
            }
            createdRoot = true
        }
        let folders = Set(names.compactMap { name in name.lastIndex(of: "/").map { String(name[..<$0]) } })
        for sub in folders where lstat(root + "/" + sub, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR {
            throw refuse(root + "/" + sub, (info.st_mode & S_IFMT) == S_IFLNK ? "is a link; templates does not write through links" : "exists and is not a folder")
        }
        if let existing = names.first(where: { lstat(root + "/" + $0, &info) == 0 }) {
            throw refuse(root + "/" + existing, (info.st_mode & S_IFMT) == S_IFLNK
                         ? "is a link; templates does not write through links and overwrites nothing"
                         : "already exists; templates writes into a new folder and overwrites nothing")
        }
        let staging = root + "/.partnerbook-templates-\(getpid())"
        var placed: [String] = [], made: [String] = []
        defer { try? FileManager.default.removeItem(atPath: staging) }
        do {
            guard mkdir(staging, 0o700) == 0 else { throw refuse(staging, "cannot be created: \(String(cString: strerror(errno)))") }
            for sub in folders.sorted() {
                try OutputWriter.makeFolder(staging + "/" + sub)
                if lstat(root + "/" + sub, &info) != 0 {
                    try OutputWriter.makeFolder(root + "/" + sub)
                    made.append(root + "/" + sub)
                }
            }
            for name in names {
                try OutputWriter.writeNewFile(Data(BuiltInTemplates.files[name]!.utf8), to: staging + "/" + name)
                chmod(staging + "/" + name, 0o644)
            }
            for name in names {
                guard link(staging + "/" + name, root + "/" + name) == 0 else {
                    throw refuse(root + "/" + name, "cannot be written: \(String(cString: strerror(errno)))")
                }
                placed.append(root + "/" + name)
            }
        } catch {
            for path in placed { unlink(path) }
            for path in made.reversed() { rmdir(path) }
            try? FileManager.default.removeItem(atPath: staging)
            if createdRoot { rmdir(root) }
            if let error = error as? TemplateError {
                throw TemplateError(file: error.file, line: 1, column: 1, message: error.message + "; nothing was written")
            }
            throw refuse(root, "cannot be written: \(error); nothing was written")
        }
        return names
    }
}

/// `partnerbook schema KIND`: the JSON Schema of a file kind, for editors.
package enum SchemaExport {
    package enum Kind: String, CaseIterable, Sendable {
        case program, partner
    }

    package static func json(_ kind: Kind) -> String {
        ContentSchema.json(kind == .program ? .program : .partner)
    }
}
