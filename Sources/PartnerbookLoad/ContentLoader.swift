import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem


/// The whole program as read from a content folder, with what loading found wrong.
public struct LoadedContent: Sendable {
    public var program: Program
    /// The partner files that could be parsed; rules run on these.
    public var partners: [Partner]
    /// Every partner file found, parsed or not (for the summary line).
    public var partnerFileCount: Int
    public var diagnostics: [Diagnostic]

    public init(program: Program, partners: [Partner], partnerFileCount: Int, diagnostics: [Diagnostic]) {
        self.program = program
        self.partners = partners
        self.partnerFileCount = partnerFileCount
        self.diagnostics = diagnostics
    }
}

/// Failures that are not about the content itself: the folder cannot be read at all.
public struct ContentFolderError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Loads `program.yaml` and `partners/*.yaml` from a content folder.
public enum ContentLoader {

    public static func load(from folder: URL) throws -> LoadedContent {
        let root = try contentRoot(folder)
        let settings = loadProgram(root: root)
        let files = try PartnerFiles(root: root, calendar: settings.program.calendar)
        // Files are read and parsed in parallel, results in name order.
        var partners: [Partner] = []
        var partnerFileCount = 0
        var diagnostics = settings.diagnostics
        for result in Parallel.map(files.names, { files.load($0) }) {
            if let partner = result.partner { partners.append(partner) }
            if result.counted { partnerFileCount += 1 }
            diagnostics += result.diagnostics
        }
        return LoadedContent(program: settings.program, partners: partners, partnerFileCount: partnerFileCount,
                             diagnostics: diagnostics)
    }

    /// The content folder, checked and with links resolved.
    public static func contentRoot(_ folder: URL) throws -> URL {
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
    public static func loadProgram(root: URL) -> (program: Program, diagnostics: [Diagnostic], digest: String?) {
        var program = Program()
        let context = LoadContext(file: ContentPaths.programFile, calendar: .calendarYear)
        var digest: String?
        if let node = readYAML(root.appendingPathComponent(ContentPaths.programFile).path, root: root.path, context: context, required: true,
                               bytes: { digest = Digest.hex($0) }) {
            program = ProgramLoader.load(node, context: context)
        }
        return (program, context.diagnostics, digest)
    }

    /// One file of the partners folder, as loaded.
    public struct PartnerFile: Sendable {
        /// Its path relative to the content folder (`partners/NAME`).
        public var file: String
        public var partner: Partner?
        public var diagnostics: [Diagnostic]
        /// Whether it counts as a partner file (ends in `.yaml`).
        public var counted: Bool
    
        public init(file: String, partner: Partner? = nil, diagnostics: [Diagnostic], counted: Bool) {
            self.file = file
            self.partner = partner
            self.diagnostics = diagnostics
            self.counted = counted
        }
    }

    /// The partners folder of a content folder: its file names, and how to load one.
    public struct PartnerFiles: Sendable {
        /// The content folder's path and the partners folder's, as strings:
        /// a file's path is joined from them for each of 100,000 files, which
        /// `URL.appendingPathComponent` made a few percent of a cold `check`.
        let root: String
        let folder: String
        /// The program's year, for the quarters partner files name.
        let calendar: FiscalCalendar
        /// The partners folder is itself inside the content folder, not a link out of it.
        public let isReal: Bool
        /// Every entry but hidden ones, sorted.
        public let names: [String]

        /// Lists the partners folder: none when there is no such folder; a
        /// folder that cannot be read is an error, not an empty program.
        public init(root: URL, calendar: FiscalCalendar) throws {
            self.root = root.path
            self.calendar = calendar
            let folder = root.appendingPathComponent(ContentPaths.partnersFolder)
            self.folder = folder.path
            isReal = folder.resolvingSymlinksInPath().standardizedFileURL.path == folder.standardizedFileURL.path
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
            } catch {
                guard !FileManager.default.fileExists(atPath: folder.path) else {
                    throw ContentFolderError(description: "the partners folder \(folder.path) cannot be read: \(error.localizedDescription)")
                }
                names = []
            }
        }

        /// Reads and parses one entry.
        public func load(_ name: String) -> PartnerFile {
            load(name) { context in
                readYAML(folder + "/" + name, root: root, context: context, required: true, inRealFolder: isReal)
            }
        }

        /// Parses one entry from bytes already in hand (the fuzz target's, a test's).
        public func load(_ name: String, data: Data) -> PartnerFile {
            load(name) { context in
                guard data.count <= YAMLFile.maxBytes else {
                    context.report(.contentFile, at: .start, ContentFile.Refusal.tooLarge(data.count).message(for: context.file))
                    return nil
                }
                return ContentLoader.parsed(data, context: context)
            }
        }

        private func load(_ name: String, node read: (LoadContext) -> YNode?) -> PartnerFile {
            let file = "\(ContentPaths.partnersFolder)/\(name)"
            let context = LoadContext(file: file, calendar: calendar)
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
            let node = read(context)
            // A file past a limit (too many keys) is refused whole, like one that does not parse: no rule runs on it.
            let partner = node.map { PartnerLoader.load($0, id: id, context: context) }
                .flatMap { context.diagnostics.contains { $0.rule == .yamlLimits } ? nil : $0 }
            return PartnerFile(file: file, partner: partner, diagnostics: context.diagnostics, counted: true)
        }
    }

    /// Reads one file within the limits; nil (with a diagnostic) when it cannot be used.
    static func readYAML(_ path: String, root: String, context: LoadContext, required: Bool, inRealFolder: Bool = false,
                         bytes: (Data) -> Void = { _ in }) -> YNode? {
        switch ContentFile.read(path, root: root, inRealFolder: inRealFolder) {
        case .success(let data):
            bytes(data)
            return parsed(data, context: context)
        case .failure(.missing):
            if required { context.report(.schemaRequired, at: .start, "\(context.file) is missing from the content folder") }
        case .failure(let refusal):
            context.report(.contentFile, at: .start, refusal.message(for: context.file))
        }
        return nil
    }

    static func parsed(_ data: Data, context: LoadContext) -> YNode? {
        guard let node = YAMLFile.parse(data, context: context) else {
            if data.isEmpty || context.diagnostics.isEmpty {
                context.report(.schemaType, at: .start, "file is empty; expected a mapping of keys to values")
            }
            return nil
        }
        return node
    }
}

/// How every reader of the content folder opens a file (`check`, `build`
/// and its inputs digest, `serve`, `record`): `lstat` first; a link is
/// followed only when it stays inside the content folder; only a regular
/// file is read (never a FIFO, socket or device), and never more than the
/// 1 MiB limit plus one byte.
public enum ContentFile {
    public enum Refusal: Error, Equatable {
        case missing
        case outside
        case notRegular
        case tooLarge(Int)
        case unreadable(String)

        public func message(for file: String) -> String {
            switch self {
            case .missing: return "\(file) does not exist"
            case .outside: return "\(file) is a link to a file outside the content folder; it is not read"
            case .notRegular: return "\(file) is not a regular file"
            case .tooLarge(let size):
                return "file is \(size) bytes; the limit is \(YAMLFile.maxBytes) bytes (1 MiB) per content file"
            case .unreadable(let why): return "\(file) cannot be read: \(why)"
            }
        }

        /// A word for the inputs digest, which records why a file was not read.
        public var token: String {
            switch self {
            case .missing: "missing"
            case .outside: "outside"
            case .notRegular: "not-regular"
            case .tooLarge(let size): "too-large-\(size)"
            case .unreadable: "unreadable"
            }
        }
    }

    /// Where `path` really is, when it is inside `root` (a plain file in a folder
    /// known to be inside, or a link that resolves inside); the refusal otherwise.
    public static func locate(_ path: String, root: String, inRealFolder: Bool) -> Result<String, Refusal> {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno)))) }
        if (info.st_mode & S_IFMT) == S_IFREG && inRealFolder { return .success(path) }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        guard resolved.hasPrefix(root + "/") else { return .failure(.outside) }
        guard stat(resolved, &info) == 0 else { return .failure(.missing) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        return .success(resolved)
    }

    public static func read(_ path: String, root: String, inRealFolder: Bool) -> Result<Data, Refusal> {
        // A file of a folder known to be inside is read straight away (the
        // reader's own `lstat` refuses anything but a regular file); only what
        // it refuses, a link among them, is located first. One `lstat` fewer
        // for each of 100,000 partner files.
        if inRealFolder, case .success(let data) = bounded(path) { return .success(data) }
        switch locate(path, root: root, inRealFolder: inRealFolder) {
        case .failure(let refusal):
            return .failure(refusal)
        case .success(let real):
            return bounded(real)
        }
    }

    private static func bounded(_ path: String) -> Result<Data, Refusal> {
        do {
            return .success(try BoundedFile.read(path, limit: YAMLFile.maxBytes, followLinks: false))
        } catch let refusal as BoundedFile.Refusal {
            switch refusal {
            case .missing: return .failure(.missing)
            case .notRegular: return .failure(.notRegular)
            case .tooLarge(let size, _): return .failure(.tooLarge(size))
            case .unreadable(let why): return .failure(.unreadable(why))
            }
        } catch {
            return .failure(.unreadable("\(error)"))
        }
    }
}
