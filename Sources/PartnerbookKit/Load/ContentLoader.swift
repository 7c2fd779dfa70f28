import Foundation


/// The whole program as read from a content folder, with what loading found wrong.
public struct LoadedContent: Sendable {
    public var program: Program
    /// The partner files that could be parsed; rules run on these.
    public var partners: [Partner]
    /// Every partner file found, parsed or not (for the summary line).
    public var partnerFileCount: Int
    public var diagnostics: [Diagnostic]
}

/// Failures that are not about the content itself: the folder cannot be read at all.
public struct ContentFolderError: Error, CustomStringConvertible {
    public var description: String
}

/// Loads `program.yaml` and `partners/*.yaml` from a content folder.
public enum ContentLoader {
    public static let programFile = "program.yaml"
    /// The content folder commands read unless told otherwise.
    public static let defaultFolder = "Content"
    public static let partnersFolder = "partners"

    public static func load(from folder: URL) throws -> LoadedContent {
        let root = try contentRoot(folder)
        let settings = loadProgram(root: root)
        let files = PartnerFiles(root: root)
        // Files are read and parsed in parallel; results land in their own slots, in name order.
        let slots = Slots<PartnerFile>(count: files.names.count)
        DispatchQueue.concurrentPerform(iterations: files.names.count) { index in
            slots[index] = files.load(files.names[index])
        }
        var partners: [Partner] = []
        var partnerFileCount = 0
        var diagnostics = settings.diagnostics
        for result in slots.values {
            if let partner = result.partner { partners.append(partner) }
            if result.counted { partnerFileCount += 1 }
            diagnostics += result.diagnostics
        }
        return LoadedContent(program: settings.program, partners: partners, partnerFileCount: partnerFileCount,
                             diagnostics: diagnostics)
    }

    /// The content folder, checked and with links resolved.
    static func contentRoot(_ folder: URL) throws -> URL {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw ContentFolderError(description: "content folder '\(folder.relativePath)' does not exist")
        }
        guard isDirectory.boolValue else {
            throw ContentFolderError(description: "'\(folder.relativePath)' is not a folder")
        }
        guard fm.isReadableFile(atPath: folder.path) else {
            throw ContentFolderError(description: "content folder '\(folder.relativePath)' cannot be read")
        }
        return folder.resolvingSymlinksInPath().standardizedFileURL
    }

    /// `program.yaml`, with what reading it found and the digest of its bytes.
    static func loadProgram(root: URL) -> (program: Program, diagnostics: [Diagnostic], digest: String?) {
        var program = Program()
        let context = LoadContext(file: programFile)
        var digest: String?
        if let node = readYAML(root.appendingPathComponent(programFile), root: root, context: context, required: true,
                               bytes: { digest = Digest.hex($0) }) {
            program = ProgramLoader.load(node, context: context)
        }
        return (program, context.diagnostics, digest)
    }

    /// One file of the partners folder, as loaded.
    struct PartnerFile: Sendable {
        /// Its path relative to the content folder (`partners/NAME`).
        var file: String
        var partner: Partner?
        var diagnostics: [Diagnostic]
        /// Whether it counts as a partner file (ends in `.yaml`).
        var counted: Bool
    }

    /// The partners folder of a content folder: its file names, and how to load one.
    struct PartnerFiles: Sendable {
        let root: URL
        let folder: URL
        /// The partners folder is itself inside the content folder, not a link out of it.
        let isReal: Bool
        /// Every entry but hidden ones, sorted.
        let names: [String]

        init(root: URL) {
            self.root = root
            folder = root.appendingPathComponent(partnersFolder)
            isReal = folder.resolvingSymlinksInPath().standardizedFileURL.path == folder.standardizedFileURL.path
            names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }

        /// Reads and parses one entry (the build knows its digest already, from `BuildRun.inputsDigest`).
        func load(_ name: String) -> PartnerFile {
            let file = "\(partnersFolder)/\(name)"
            let context = LoadContext(file: file)
            guard name.hasSuffix(".yaml") else {
                if name.hasSuffix(".yml") {
                    context.report(.contentFile, at: .start, "partner files end in .yaml; this file is ignored until it is renamed")
                }
                return PartnerFile(file: file, partner: nil, diagnostics: context.diagnostics, counted: false)
            }
            let id = String(name.dropLast(".yaml".count))
            if !PartnerID.isValid(id) {
                context.report(.partnerID, at: .start,
                               "'\(id)' is not a valid partner ID: use lowercase letters, digits and dashes, starting with a letter or digit")
            }
            let node = readYAML(folder.appendingPathComponent(name), root: root, context: context, required: true,
                                inRealFolder: isReal)
            let partner = node.map { PartnerLoader.load($0, id: id, context: context) }
            return PartnerFile(file: file, partner: partner, diagnostics: context.diagnostics, counted: true)
        }
    }

    /// Reads one file within the limits; nil (with a diagnostic) when it cannot be used.
    static func readYAML(_ url: URL, root: URL, context: LoadContext, required: Bool, inRealFolder: Bool = false,
                         bytes: (Data) -> Void = { _ in }) -> YNode? {
        // A plain file in a folder that is really inside the content folder
        // (no link on the way): one lstat says all the checks below would pass.
        let reported = context.diagnostics.count
        if inRealFolder, let data = plainFileContents(url.path, context: context) {
            bytes(data)
            return parsed(data, context: context)
        }
        if context.diagnostics.count > reported { return nil }
        let fm = FileManager.default
        guard fm.fileExists(atPath: url.path) else {
            if required { context.report(.schemaRequired, at: .start, "\(context.file) is missing from the content folder") }
            return nil
        }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path.hasPrefix(root.path + "/") else {
            context.report(.contentFile, at: .start, "\(context.file) is a link to a file outside the content folder; it is not read")
            return nil
        }
        let attributes = try? fm.attributesOfItem(atPath: resolved.path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            context.report(.contentFile, at: .start, "\(context.file) is not a regular file")
            return nil
        }
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > YAMLFile.maxBytes {
            context.report(.contentFile, at: .start,
                           "file is \(size) bytes; the limit is \(YAMLFile.maxBytes) bytes (1 MiB) per content file")
            return nil
        }
        guard let data = fm.contents(atPath: resolved.path) else {
            context.report(.contentFile, at: .start, "\(context.file) cannot be read")
            return nil
        }
        bytes(data)
        return parsed(data, context: context)
    }

    private static func parsed(_ data: Data, context: LoadContext) -> YNode? {
        guard let node = YAMLFile.parse(data, context: context) else {
            if data.isEmpty || context.diagnostics.isEmpty {
                context.report(.schemaType, at: .start, "file is empty; expected a mapping of keys to values")
            }
            return nil
        }
        return node
    }

    /// The bytes of a regular file (not a link), read whole; nil when `path`
    /// is anything else, or when it is too big (then with the size diagnostic).
    private static func plainFileContents(_ path: String, context: LoadContext) -> Data? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size <= YAMLFile.maxBytes else {
            context.report(.contentFile, at: .start,
                           "file is \(size) bytes; the limit is \(YAMLFile.maxBytes) bytes (1 MiB) per content file")
            return nil
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data = Data(count: size)
        let read = data.withUnsafeMutableBytes { buffer -> Int in
            var total = 0
            while total < size {
                let n = Foundation.read(fd, buffer.baseAddress! + total, size - total)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                total += n
            }
            return total
        }
        return read == size ? data : nil
    }
}

/// Partner IDs become path segments: `[a-z0-9][a-z0-9-]*`.
public enum PartnerID {
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isLowerAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    private static func isLowerAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }
}

/// Fixed slots that several threads fill, each its own index.
final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    /// Every slot's value, in order (all must be filled).
    var values: [Value] { lock.withLock { storage.map { $0! } } }
}
