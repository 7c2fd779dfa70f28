import Foundation
import PartnerbookSupport

/// The `git` command line, as partnerbook reads a repository: through
/// `Subprocess` (bounded output, no shell), never prompting, and with the
/// repository's own settings that could run a program (`core.fsmonitor`)
/// turned off: the repository may come from anyone.
package enum Git {
    /// `git` on the PATH, or nil.
    package static let executable: URL? = Executable.find("git")

    /// `git -C folder ARGUMENTS`; throws when git is not installed or does not start.
    package static func run(_ arguments: [String], in folder: URL, input: Data? = nil,
                            outputLimit: Int = 16 << 20) throws -> Subprocess.Result {
        guard let executable else { throw Subprocess.Failure(description: "git is not installed") }
        return try Subprocess.run(executable, ["-c", "core.fsmonitor=false", "-C", folder.path] + arguments, input: input,
                                  environment: ["GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"], outputLimit: outputLimit)
    }

    /// The contents of `objects` (object ids, or `COMMIT:PATH`) through one
    /// `git cat-file --batch`, in order: each one's bytes, or nil where git
    /// reports it missing or it is not a blob. Nil when git fails or the
    /// output passes `outputLimit`.
    package static func blobs(_ objects: [String], in folder: URL, outputLimit: Int) throws -> [Data?]? {
        guard !objects.isEmpty else { return [] }
        let result = try run(["cat-file", "--batch"], in: folder, input: Data(objects.map { $0 + "\n" }.joined().utf8),
                             outputLimit: outputLimit)
        guard result.status == 0, !result.overLimit else { return nil }
        // Each object: "<oid> blob <size>\n<bytes>\n", or "<name> missing\n".
        let bytes = [UInt8](result.output)
        var offset = 0
        var found: [Data?] = []
        for _ in objects {
            guard let newline = bytes[offset...].firstIndex(of: 10) else { break }
            let header = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
            offset = newline + 1
            guard header.count == 3, let size = Int(header[2]), offset + size <= bytes.count else {
                found.append(nil)
                continue
            }
            found.append(header[1] == "blob" ? Data(bytes[offset..<offset + size]) : nil)
            offset += size + 1
        }
        return found + Array(repeating: nil, count: objects.count - found.count)
    }

    /// Which of `names` (entries of `folder`: files, or folders holding
    /// files) git tracks. Empty when git is missing or `folder` is in no
    /// repository.
    package static func tracked(_ names: [String], in folder: URL) -> Set<String> {
        // Without git there is no repository to track anything (the inode checks still stand).
        guard !names.isEmpty,
              let result = try? run(["ls-files", "-z", "--"] + names.map { ":(literal)" + $0 }, in: folder, outputLimit: 4 << 20)
        else { return [] }
        // More tracked paths than the limit holds: every name counts as tracked.
        if result.overLimit { return Set(names) }
        guard result.status == 0 else { return [] }
        let paths = result.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return Set(names.filter { name in paths.contains { $0 == name || $0.hasPrefix(name + "/") } })
    }
}
