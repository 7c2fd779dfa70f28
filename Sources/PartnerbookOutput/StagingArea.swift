import CFileSystem
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// A build in progress: files go into a staging folder beside the output,
/// and `commit` swaps it in whole. Safe to write distinct paths from several
/// threads at once.
///
/// Nothing below the staging folder or the output folder is reached through
/// a link: both are held open (`OpenFolder`) and every file and folder is
/// made, opened, linked and removed relative to them without following one.
/// The staging folder is private to this user (mode 0700) until the commit
/// gives it the output folder's mode.
///
/// With `keepSpare`, the previous output is not removed after the swap but
/// kept beside the output as a spare tree (`.NAME.spare-ID`, mode 0700), and
/// the next build patches it in place instead of starting from an empty
/// folder: the spare's files that the output shares (hard links: every file
/// the last build reused) are already right, so only the files the last
/// build wrote fresh, the files this build writes, and the files no longer
/// in the output are touched. A quarter of a million unchanged files then
/// cost nothing. A spare is patched only when it is the very folder the
/// last build kept (the device and inode the cache recorded), owned by this
/// user, untracked by git, with its top folders real folders of this
/// user's that nobody else may write; a file in it counts as the
/// output's only when it is the inode the cache recorded. It is claimed by
/// renaming it to the staging name, so a build killed while patching leaves
/// only a staging folder, removed by the next build; the output itself is
/// only ever replaced by the atomic exchange.
package final class StagingArea: Sendable {
    let output: URL
    let staging: URL
    /// `output` and `staging` as plain paths, for messages and the swap.
    private let outputPath: String
    private let stagingPath: String
    /// The staging folder and the output as it was (nil when there was none), held open.
    private let root: OpenFolder
    private let previous: OpenFolder?
    private let force: Bool
    private let existed: Bool
    /// The output folder's mode and owner when it existed, kept by the new output.
    private let outputMode: mode_t?
    private let outputOwner: (uid: uid_t, gid: gid_t)?
    /// Files of the current output that the tool wrote (from its manifest).
    let owned: PathSet
    /// The SHA-256 of that manifest's bytes (nil without one).
    private let ownedManifest: Data?
    /// The folders that hold them: the tool's own, not kept when they hold nothing of the new output.
    private let ownedFolders: Set<String>
    /// Folders made in the staging folder so far, and entries not carried over.
    private struct Made {
        var folders: Set<String> = []
        /// Paths written here (not linked): the new spare does not share them.
        /// Front-coded: a build that writes every file again (a new day) wrote
        /// 2.5 million of them at 100,000 partners, 250 MB as strings.
        var fresh = PathSet([])
        /// Entries a person put into the output, carried over.
        var carried: [String] = []
    }

    /// The spare being patched: the files it owns (its manifest) and those
    /// it does not share with the output. Empty when starting from nothing.
    private let patching: Bool
    private let spareOwned: PathSet
    private let spareStale: Set<String>
    /// The spare lists the very files the output does (`spareOwned` is `owned`).
    private let spareIsOutput: Bool
    private let keepSpare: Bool
    /// After a build that wrote the output afresh (none to keep as a spare),
    /// an output of at least this many files is also kept as a hard-linked
    /// copy, so that the first edit patches a spare as every later one does.
    private let linkedSpareFrom: Int?
    /// The next build's spare, linked file by file as this build writes (`SpareAsWritten`).
    private let spareAsWritten: SpareAsWritten?
    /// The spare kept by `commit`, for the cache.
    private let kept = Mutex<BuildCache.Spare?>(nil)
    /// The seal the last build left on the output's folders, and the one `commit` leaves (with `keepSpare`).
    private let lastSeal: String?
    private let sealed = Mutex<String?>(nil)

    private let made = Mutex(Made())

    /// - Parameters:
    ///   - spare: the spare the last build kept (from its cache), to patch.
    ///   - keepSpare: keep the previous output as the next build's spare.
    ///   - linkedSpareFrom: with `keepSpare`, when there is no previous output
    ///     to keep, keep a hard-linked copy of an output of this many files or more.
    ///   - linkAsWritten: with `linkedSpareFrom`, the caller expects to write
    ///     every file afresh (nothing of the last build can be reused): the
    ///     linked copy is made as the files are written, not after the swap.
    ///   - folderSeal: the seal the last build left on the output's folders (`FolderSeal`), if any.
    package init(output: URL, force: Bool, spare: BuildCache.Spare? = nil, keepSpare: Bool = false,
                 linkedSpareFrom: Int? = nil, linkAsWritten: Bool = false, folderSeal: String? = nil) throws {
        let fm = FileManager.default
        self.output = output.standardizedFileURL
        self.force = force
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        StagingArea.removeLeftovers(of: name, in: parent, keeping: spare.map { ".\(name).spare-\($0.id)" })
        self.keepSpare = keepSpare
        self.linkedSpareFrom = keepSpare ? linkedSpareFrom : nil
        lastSeal = folderSeal

        var info = stat()
        existed = lstat(self.output.path, &info) == 0
        if existed && !info.isFolder {
            throw OutputError(description: "'\(self.output.path)' exists and is not a folder")
        }
        outputMode = existed ? info.st_mode & 0o7777 : nil
        outputOwner = existed ? (info.st_uid, info.st_gid) : nil
        let outputFolder = existed ? try OpenFolder(self.output.path) : nil
        previous = outputFolder
        let display = self.output.path
        let outputManifest = try outputFolder.flatMap { try StagingArea.manifest(in: $0, display: display) }
        ownedManifest = outputManifest?.digest
        if let outputManifest {
            owned = outputManifest.paths
        } else {
            if existed, !force {
                let entries: [String]
                do {
                    entries = try fm.contentsOfDirectory(atPath: self.output.path)
                } catch {
                    throw OutputError(description: "'\(self.output.path)' cannot be read (\(error.localizedDescription)), so what is in it cannot be kept; nothing was written")
                }
                if !entries.isEmpty {
                    throw OutputError(description: "'\(self.output.path)' has files partnerbook did not write; choose an empty folder or pass --force (nothing is deleted either way)")
                }
            }
            owned = PathSet([])
        }
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        outputPath = self.output.path
        stagingPath = staging.path
        // Claim the spare: it becomes the staging folder (one rename), and its
        // manifest says which files it holds.
        if let spare, existed, !owned.isEmpty,
           let claimed = StagingArea.claim(spare, in: parent, name: name, as: staging, outputManifest: outputManifest) {
            root = claimed.root
            // The spare listing the output's very files (most often) has the output's folders.
            ownedFolders = claimed.isOutput ? claimed.folders : StagingArea.folders(of: owned)
            patching = true
            spareIsOutput = claimed.isOutput
            spareOwned = claimed.paths
            spareStale = Set(spare.fresh)
            for path in spare.carried where OutputWriter.isSafeRelativePath(path) { root.remove(path) }
            root.remove(OutputWriter.manifestName)
            made.withLock { $0.folders = claimed.folders }
            spareAsWritten = nil
            return
        }
        if let spare {
            let folder = parent.appendingPathComponent(".\(name).spare-\(spare.id)")
            if StagingArea.isOwnFolder(folder.path) { StagingArea.removeDetached(folder) }
        }
        ownedFolders = StagingArea.folders(of: owned)
        patching = false
        spareOwned = PathSet([])
        spareIsOutput = false
        spareStale = []
        guard mkdir(stagingPath, 0o700) == 0 else {
            throw OutputError(description: "cannot create a staging folder beside the output: \(OpenFolder.lastError)")
        }
        root = try OpenFolder(stagingPath)
        spareAsWritten = linkAsWritten && self.linkedSpareFrom != nil ? SpareAsWritten(beside: self.output) : nil
    }

    /// A manifest's paths (sorted, as written) and the SHA-256 of its bytes,
    /// read bounded from below `folder`; nil when there is none. A manifest
    /// that lists a path outside the folder is refused: partnerbook never
    /// wrote it. Its bytes are let go once read (at 100,000 partners 129 MB).
    static func manifest(in folder: OpenFolder, display: String) throws -> (digest: Data, paths: PathSet)? {
        guard let data = manifestData(in: folder) else { return nil }
        return (Digest.bytes(data), try manifestPaths(data, display: display))
    }

    /// `body` with the manifest below `folder` open and its size, when it
    /// is a regular file no larger than a manifest may be; nil otherwise.
    private static func withManifest<Result>(in folder: OpenFolder, _ body: (_ fd: Int32, _ size: Int) -> Result?) -> Result? {
        let fd = folder.open(OutputWriter.manifestName, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.isRegularFile, Int(info.st_size) <= OutputWriter.maxManifestBytes else { return nil }
        return body(fd, Int(info.st_size))
    }

    /// A manifest's bytes, read bounded from below `folder`, when it is a regular file of UTF-8 text.
    static func manifestData(in folder: OpenFolder) -> Data? {
        withManifest(in: folder) { fd, size in
            guard let data = try? BoundedFile.read(descriptor: fd, size: size), isUTF8(data) else { return nil }
            return data
        }
    }

    /// The SHA-256 of a manifest's bytes, read a megabyte at a time from
    /// below `folder`, when it is a regular file: the spare's, most often the
    /// output's very manifest, is not held to be compared (when the digests
    /// differ, it is read as any manifest is, and checked).
    static func manifestDigest(in folder: OpenFolder) -> Data? {
        withManifest(in: folder) { fd, size in
            var complete = true
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            let digest = Digest.bytes { take in
                var offset = 0
                while offset < size {
                    let count = buffer.withUnsafeMutableBytes {
                        BoundedFile.read(descriptor: fd, into: $0.baseAddress!, count: min($0.count, size - offset), at: offset)
                    }
                    guard count > 0 else { complete = false; return }
                    buffer.withUnsafeBytes { take(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                    offset += count
                }
            }
            return complete ? digest : nil
        }
    }

    /// Whether `bytes` are UTF-8: at once when they are all ASCII (a
    /// manifest's paths most often are), else as Swift reads them.
    static func isUTF8(_ bytes: some DataProtocol) -> Bool {
        var ascii = true
        for region in bytes.regions where ascii {
            region.withUnsafeBytes { raw in
                var orred: UInt8 = 0
                for byte in raw { orred |= byte }
                if orred >= 0x80 { ascii = false }
            }
        }
        return ascii || String(validating: Data(bytes), as: UTF8.self) != nil
    }

    /// The paths a manifest lists, each one a path inside its folder.
    private static func manifestPaths(_ data: Data, display: String) throws -> PathSet {
        let paths = PathSet(manifest: data)
        var bad: String?
        paths.forEachPath { path in
            if bad == nil, !OutputWriter.isSafeRelativePath(path) { bad = String(decoding: path, as: UTF8.self) }
        }
        if let bad {
            throw OutputError(description: "'\(display)/\(OutputWriter.manifestName)' lists \(bad.debugDescription), which is not a path inside that folder: partnerbook did not write this manifest. Remove it (and look at what else is in the folder), or build into another folder")
        }
        return paths
    }

    /// The spare named by the last build's cache, renamed to `staging`, when
    /// it can be trusted; nil otherwise (a spare that was renamed is then moved aside).
    private static func claim(_ spare: BuildCache.Spare, in parent: URL, name: String, as staging: URL,
                              outputManifest: (digest: Data, paths: PathSet)?)
        -> (root: OpenFolder, paths: PathSet, isOutput: Bool, folders: Set<String>)? {
        let spareName = ".\(name).spare-\(spare.id)"
        let folder = parent.appendingPathComponent(spareName)
        var info = stat()
        guard lstat(folder.path, &info) == 0, info.isFolder, info.isOwnedByThisUser,
              UInt64(info.st_dev) == spare.device, UInt64(info.st_ino) == spare.inode,
              Git.tracked([spareName], in: parent).isEmpty,
              rename(folder.path, staging.path) == 0 else { return nil }
        func reject() -> (root: OpenFolder, paths: PathSet, isOutput: Bool, folders: Set<String>)? {
            if isOwnFolder(staging.path) { trashInBackground(staging, name: name) }
            return nil
        }
        // The folder renamed is the one checked (not one put there in between); nobody else enters it now.
        guard let root = try? OpenFolder(staging.path), let opened = root.status, opened.isOwnedByThisUser,
              UInt64(opened.st_dev) == spare.device, UInt64(opened.st_ino) == spare.inode, fchmod(root.descriptor, 0o700) == 0,
              let digest = StagingArea.manifestDigest(in: root) else { return reject() }
        // Most often the spare lists the very files the output does (no
        // partner added or removed since): one list serves both, read once.
        let paths: PathSet
        let isOutput = digest == outputManifest?.digest
        if isOutput, let outputManifest {
            paths = outputManifest.paths
        } else {
            guard let data = StagingArea.manifestData(in: root),
                  let read = try? StagingArea.manifestPaths(data, display: staging.path) else { return reject() }
            paths = read
        }
        let folders = StagingArea.folders(of: paths)
        // Its top folders are real folders of this user's that nobody else may
        // write. Below them nothing is reached through a link anyway (every
        // call goes through `OpenFolder`), nobody else can enter a 0700 tree,
        // and a file is reused only when it is the inode the cache recorded.
        for path in folders where !path.utf8.contains(UInt8(ascii: "/")) {
            guard root.status(of: path).map({ $0.isFolder && $0.isOwnedByThisUser && !$0.isWritableByOthers }) == true else {
                return reject()
            }
        }
        return (root, paths, isOutput, folders)
    }

    /// Whether `path` is a real folder (not a link) of this user's.
    static func isOwnFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.isFolder && info.isOwnedByThisUser
    }

    /// The folders that hold `paths` and their parents. Split on bytes, and
    /// a path in the same folder as the one before it costs one comparison:
    /// a quarter of a million paths sit in some thirty thousand folders.
    static func folders(of paths: some Sequence<String>) -> Set<String> {
        folders { take in
            for var path in paths { path.withUTF8 { take(UnsafeRawBufferPointer($0)) } }
        }
    }

    /// The same for the paths of a `PathSet`, read as bytes: a string is
    /// made for each folder, not for each of a quarter of a million paths.
    static func folders(of paths: PathSet) -> Set<String> {
        folders { paths.forEachPath($0) }
    }

    /// The folders of the paths `forEachPath` hands over as bytes, in turn.
    private static func folders(_ forEachPath: ((UnsafeRawBufferPointer) -> Void) -> Void) -> Set<String> {
        var folders: Set<String> = []
        var last: [UInt8] = []
        forEachPath { path in
            guard let slash = path.lastIndex(of: UInt8(ascii: "/")) else { return }
            let parent = UnsafeRawBufferPointer(rebasing: path[..<slash])
            if parent.elementsEqual(last) { return }
            last = Array(parent)
            var folder = Substring(String(decoding: parent, as: UTF8.self))
            while !folder.isEmpty, folders.insert(String(folder)).inserted {
                guard let up = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { break }
                folder = folder[..<up]
            }
        }
        return folders
    }

    private func ensureFolder(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        try ensure(folder: String(path[..<slash]))
    }

    private func ensure(folder: String) throws {
        // Made while the set is held: a thread that finds the folder listed
        // never writes into it before it exists (program pages are written
        // side by side into the same folders).
        try made.withLock { made in
            if made.folders.insert(folder).inserted { try makeFolder(folder) }
        }
    }

    private func makeFolder(_ folder: String) throws {
        guard root.makeFolderAndParents(folder) else {
            throw OutputError(description: "cannot create \(folder) in the staging folder: \(OpenFolder.lastError)")
        }
        spareAsWritten?.makeFolder(folder)
    }

    /// Writes one file; returns its record for the cache (stamped once written).
    @discardableResult
    package func write(_ file: OutputFile) throws -> BuildCache.File {
        let written = try writeFile(file)
        spareAsWritten?.link([file.path], from: root)
        return written
    }

    /// Writes a partner's files, in turn; returns their records. Linked into
    /// the spare made as written (if any) together, each folder opened once.
    package func write(_ files: [OutputFile]) throws -> [BuildCache.File] {
        let written = try files.map(writeFile)
        spareAsWritten?.link(files.lazy.map(\.path), from: root)
        return written
    }

    private func writeFile(_ file: OutputFile) throws -> BuildCache.File {
        guard OutputWriter.isSafeRelativePath(file.path) else {
            throw OutputError(description: "refusing to write outside the output folder: \(file.path.debugDescription)")
        }
        try ensureFolder(of: file.path)
        // Always a new file: what stands at the path (a reused file is a hard
        // link to the previous output's) is removed, never written through.
        var fd = root.open(file.path, O_WRONLY | O_CREAT | O_EXCL)
        if fd < 0 && errno == EEXIST {
            root.remove(file.path)
            fd = root.open(file.path, O_WRONLY | O_CREAT | O_EXCL)
        }
        guard fd >= 0 else { throw OutputError(description: "cannot create \(file.path) in the staging folder: \(OpenFolder.lastError)") }
        defer { close(fd) }
        let written = BuildCache.File(path: file.path, try OutputWriter.write(file, to: fd))
        // Only an output there before can be kept as the spare (`keepOrDiscard`): from nothing, the list would go unread.
        if keepSpare && !owned.isEmpty { made.withLock { $0.fresh.insert(file.path) } }
        return written
    }

    /// Reuses files the previous build wrote, as the cache recorded them:
    /// each must be the very file written (a regular file, reached through
    /// no link, with the recorded inode, size and modification time), in the
    /// spare being patched or else in the output, whence it is hard-linked
    /// (no bytes are copied). False when one cannot be reused; the caller
    /// then writes them all.
    package func reuse(_ files: some Sequence<BuildCache.File>) -> Bool {
        // Not expected with a spare made as written (nothing of the last build was to be reused): the copy is linked at the commit then.
        spareAsWritten?.spoil()
        let inSpare = patching ? FolderCursor(root) : nil
        let inOutput = previous.map(FolderCursor.init)
        let here = FolderCursor(root)
        for file in files {
            let path = file.path
            guard owned.contains(path), OutputWriter.isSafeRelativePath(path) else { return false }
            // The spare listing the output's very files (most often), one lookup serves both.
            if let inSpare, spareIsOutput || spareOwned.contains(path), spareStale.isEmpty || !spareStale.contains(path),
               let info = inSpare.status(of: path), info.isRegularFile, BuildCache.File(path: path, info) == file {
                continue
            }
            guard let inOutput, let info = inOutput.status(of: path), info.isRegularFile, BuildCache.File(path: path, info) == file,
                  let source = inOutput.parent(of: path), (try? ensureFolder(of: path)) != nil,
                  let target = here.parent(of: path) else { return false }
            if patching { unlinkat(target.descriptor, target.name, 0) }
            guard linkat(source.descriptor, source.name, target.descriptor, target.name, 0) == 0 else { return false }
        }
        return true
    }

    /// The spare `commit` kept for the next build, if it kept one.
    package var spare: BuildCache.Spare? { kept.withLock { $0 } }

    /// The seal `commit` left on the new output's folders, for the next build, if it left one.
    package var folderSeal: String? { sealed.withLock { $0 } }

    /// Carries over the files a person put into the output, writes the
    /// manifest of `paths`, runs `finish` in the staging folder, and swaps.
    ///
    /// What a person put there is carried without being read through and
    /// with its owner: a regular file is hard-linked, a link is made again
    /// as the same link, a FIFO is made again as a FIFO, every folder a
    /// person made comes back with its mode, empty ones included, and the
    /// output folder keeps its own mode. Nothing a person put there is
    /// deleted or taken over: a socket or device (which cannot be carried),
    /// an entry whose owner cannot be kept, or a file where this build
    /// writes one stops the build with the output as it was, `--force` or
    /// not. The tool's own folders that hold nothing any more (a removed
    /// partner's) are not kept.
    /// - Parameter manifestDigest: the digest of the manifest of `paths`, when the caller made it already.
    package func commit(paths: SortedPaths, manifestDigest: Data? = nil, finish: (URL) throws -> [String] = { _ in [] }) throws {
        do {
            // Most often the new output lists the very files the old one
            // did (its manifest is the old one's, byte for byte): the old
            // set serves, and the spare has nothing to drop.
            let sameFiles = paths.count == owned.count && ownedManifest == (manifestDigest ?? OutputWriter.manifestDigest(of: paths))
            // Looked up only against a spare or a previous output (a set of two and a half million paths at 100,000 partners).
            let newPaths = sameFiles ? owned : patching || existed ? PathSet(paths) : PathSet([])
            if patching && !(sameFiles && spareIsOutput) {
                // The spare's files the new output no longer has.
                for path in spareOwned where !newPaths.contains(path) { root.remove(path) }
            }
            // The folders the new output's files need; the tool's other folders are not kept.
            var needed = sameFiles ? ownedFolders : StagingArea.folders(of: paths)
            let ownFolders = needed.count
            // Sealed and unchanged since: nothing of a person's in it, and every folder the build's own with the usual mode.
            let untouched = existed && previous.map { previous in
                lastSeal.map { FolderSeal.holds($0, folders: ownedFolders, owned: owned, in: previous) } ?? false
            } == true
            if existed, let previous, !untouched {
                let owned = self.owned
                let before = FolderWalk.walk(below: outputPath) { !owned.contains($0) && $0 != OutputWriter.manifestName }
                let from = FolderCursor(previous)
                for path in before.files.sorted() {
                    if newPaths.contains(path) {
                        throw OutputError(description: "'\(outputPath)/\(path)' was not written by partnerbook and this build writes a file there; it is not replaced, --force or not: move it elsewhere and build again")
                    }
                    try ensureFolder(of: path)
                    try carry(path, from: from)
                }
                needed.formUnion(StagingArea.folders(of: made.withLock { $0.carried }))
                needed.formUnion(try keepFolders(before.folders, needed: needed))
            }
            if patching { removeEmptyFolders(keeping: needed) }
            let extra = try finish(staging)
            root.remove(OutputWriter.manifestName)
            let fd = root.open(OutputWriter.manifestName, O_WRONLY | O_CREAT | O_EXCL)
            guard fd >= 0 else { throw OutputError(description: "cannot write the manifest: \(OpenFolder.lastError)") }
            defer { close(fd) }
            if extra.isEmpty {
                try OutputWriter.writeManifest(of: paths, to: fd)
            } else {
                try OutputWriter.write(OutputWriter.manifest(of: Array(paths) + extra), to: fd, path: OutputWriter.manifestName)
            }
            if keepSpare { made.withLock { for path in extra + [OutputWriter.manifestName] { $0.fresh.insert(path) } } }
            spareAsWritten?.link(extra + [OutputWriter.manifestName], from: root)
            // Sealed only when the new output holds the build's own folders alone, before anyone else can see it.
            let sealable = keepSpare && needed.count == ownFolders && made.withLock { $0.carried.isEmpty }
            let seal = sealable ? FolderSeal.prepare(needed, in: root) : nil
            // Private until now (PDFs included); the output's mode from the swap on.
            try keepOwnerAndMode()
            try swap(paths: paths.count + extra.count)
            if let seal { sealed.withLock { $0 = seal } }
            if self.spare == nil, let least = linkedSpareFrom, paths.count + extra.count >= least {
                if let made = spareAsWritten, !made.isSpoiled, let info = made.folder.status {
                    kept.withLock { $0 = StagingArea.record(made.id, info, fresh: [], carried: []) }
                    return
                }
                spareAsWritten?.remove(files: paths.count + extra.count)
                let spare = linkedSpare(of: [AnySequence(paths), AnySequence(extra + [OutputWriter.manifestName])].joined())
                kept.withLock { $0 = spare }
            } else {
                spareAsWritten?.remove(files: paths.count + extra.count)
            }
        } catch {
            abandon()
            if let error = error as? OutputError { throw error }
            throw OutputError(description: "cannot write the output: \(error.localizedDescription)")
        }
    }

    package func abandon() {
        spareAsWritten?.remove()
        // A patched spare is as big as the output: removed in the background.
        if patching { StagingArea.removeDetached(staging) } else { try? FileManager.default.removeItem(at: staging) }
    }

    /// One entry a person put into the output, into the staging folder, never read through.
    private func carry(_ path: String, from: FolderCursor) throws {
        guard let source = from.parent(of: path) else {
            throw OutputError(description: "cannot carry \(path) into the new output: \(OpenFolder.lastError)")
        }
        var info = stat()
        guard fstatat(source.descriptor, source.name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        let made = root.inParent(of: path) { folder, name -> String? in
            if patching { unlinkat(folder, name, 0) }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // The same file under a second name: its owner, mode and bytes stay its own.
                return linkat(source.descriptor, source.name, folder, name, 0) == 0 ? nil
                    : "cannot keep the file (\(OpenFolder.lastError)); partnerbook does not copy what it did not write"
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlinkat(source.descriptor, source.name, &buffer, buffer.count - 1)
                guard count >= 0 else { return "cannot read the link: \(OpenFolder.lastError)" }
                buffer[count] = 0
                guard symlinkat(buffer, folder, name) == 0 else { return "cannot make the link again: \(OpenFolder.lastError)" }
            case S_IFIFO:
                guard mkfifoat(folder, name, info.st_mode & 0o7777) == 0 else { return "cannot make the FIFO again: \(OpenFolder.lastError)" }
            default:
                return "is a socket or device, which cannot be carried into the new output, and partnerbook does not delete what it did not write"
            }
            return StagingArea.keepOwner(folder, name, info)
        }
        guard let made else { throw OutputError(description: "cannot carry \(path) into the new output: \(OpenFolder.lastError)") }
        if let problem = made {
            throw OutputError(description: "'\(outputPath)/\(path)' \(problem): move it out of the output folder, or build into another folder")
        }
        self.made.withLock { $0.carried.append(path) }
    }

    /// Gives the entry `name` in `folder` (just made) the owner `info` has;
    /// nil when it has it, else why it cannot.
    private static func keepOwner(_ folder: Int32, _ name: String, _ info: stat) -> String? {
        var now = stat()
        guard fstatat(folder, name, &now, AT_SYMLINK_NOFOLLOW) == 0 else { return "cannot be read back: \(OpenFolder.lastError)" }
        if now.st_uid == info.st_uid && now.st_gid == info.st_gid { return nil }
        if fchownat(folder, name, info.st_uid, info.st_gid, AT_SYMLINK_NOFOLLOW) == 0 { return nil }
        return "belongs to user \(info.st_uid), group \(info.st_gid), and the new output could not keep that owner (partnerbook does not take over what it did not write)"
    }

    /// Every folder a person made in the previous output again, with its
    /// mode and owner (empty folders stay; a folder kept private stays
    /// private), and the tool's own folders that the new output `needed`
    /// with the mode a person gave them. Returns the folders kept.
    private func keepFolders(_ folders: [FolderWalk.Folder], needed: Set<String>) throws -> Set<String> {
        var kept: Set<String> = []
        for walked in folders {
            let folder = walked.path, info = walked.info
            let isOwn = ownedFolders.contains(folder)
            // The tool's folder that holds nothing of the new output (a removed partner's): not kept.
            if isOwn && !needed.contains(folder) { continue }
            kept.insert(folder)
            let mode = info.st_mode & 0o7777
            // Most folders are the build's own, already made with the usual mode: nothing to do.
            if isOwn && mode == 0o755 && info.isOwnedByThisUser { continue }
            try ensure(folder: folder)
            let problem = root.inParent(of: folder) { parent, name -> String? in
                let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard fd >= 0 else { return "cannot be made again: \(OpenFolder.lastError)" }
                defer { close(fd) }
                fchmod(fd, mode)
                return StagingArea.keepOwner(parent, name, info)
            }
            if let problem = problem ?? "cannot be made again" {
                throw OutputError(description: "the folder '\(outputPath)/\(folder)' \(problem): move it out of the output folder, or build into another folder")
            }
        }
        return kept
    }

    /// The spare's folders that hold nothing of the new output and are no
    /// person's, deepest first (a removed partner's `partners/ID/charts`).
    private func removeEmptyFolders(keeping needed: Set<String>) {
        let folders = made.withLock { $0.folders }
        for folder in folders.subtracting(needed).sorted(by: >) {
            _ = root.inParent(of: folder) { parent, name in unlinkat(parent, name, AT_REMOVEDIR) }
        }
    }

    /// The staging folder takes the output folder's mode and owner (a new
    /// output: the mode the umask gives a new folder).
    private func keepOwnerAndMode() throws {
        guard fchmod(root.descriptor, outputMode ?? (0o777 & ~StagingArea.umask)) == 0 else {
            throw OutputError(description: "cannot set the mode of the staging folder: \(OpenFolder.lastError)")
        }
        guard let owner = outputOwner, let now = root.status, now.st_uid != owner.uid || now.st_gid != owner.gid else { return }
        if fchown(root.descriptor, owner.uid, owner.gid) != 0 {
            throw OutputError(description: "'\(outputPath)' belongs to user \(owner.uid), group \(owner.gid), and the new output could not keep that owner; partnerbook does not take over a folder it did not make: build into a folder of your own")
        }
    }

    /// This process's umask, read without changing it (Linux tells it in /proc).
    static let umask: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        return 0o022
    }()

    /// Puts the staging folder in place of the output: one atomic exchange
    /// where the system has it, else two renames; the old output is then removed.
    private func swap(paths: Int) throws {
        let fm = FileManager.default
        guard existed else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        if partnerbook_exchange_paths(staging.path, output.path) == 0 {
            keepOrDiscard(staging, paths: paths)
            return
        }
        let old = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try fm.moveItem(at: output, to: old)
        try fm.moveItem(at: staging, to: output)
        keepOrDiscard(old, paths: paths)
    }

    /// Keeps the previous output as the next build's spare (private to this
    /// user, its device and inode recorded) when this build wrote at most
    /// half of its files fresh (after a full build the spare would share
    /// nothing: patching it would cost what starting afresh does); else
    /// removes it.
    private func keepOrDiscard(_ old: URL, paths: Int) {
        let (fresh, carried) = made.withLock { ($0.fresh, $0.carried) }
        if keepSpare && owned.count > 0 && fresh.count * 2 <= paths {
            let (id, spare) = StagingArea.newSpare(beside: output)
            if rename(old.path, spare.path) == 0 {
                if let folder = try? OpenFolder(spare.path), fchmod(folder.descriptor, 0o700) == 0, let info = folder.status {
                    kept.withLock { $0 = StagingArea.record(id, info, fresh: Array(fresh), carried: carried) }
                    return
                }
                discard(spare)
                return
            }
        }
        discard(old)
    }

    /// A copy of the output just swapped in (`root` is its folder now), every
    /// file of `files` hard-linked (no bytes copied), kept as the next
    /// build's spare: it shares every file with the output, so the next build
    /// touches only what it writes. Nil (and nothing left) when one link fails.
    private func linkedSpare(of files: some Sequence<String>) -> BuildCache.Spare? {
        // The same empty spare folder a spare linked as written starts from, filled on every core here.
        guard let spare = SpareAsWritten(beside: output) else { return nil }
        guard let info = spare.folder.status, StagingArea.makeFolders(StagingArea.folders(of: files), in: spare.folder),
              StagingArea.link(files, from: root, to: spare.folder) else {
            spare.remove()
            return nil
        }
        return StagingArea.record(spare.id, info, fresh: [], carried: [])
    }

    /// Makes `folders` below `target`, a level of depth at a time (every
    /// parent before its folders), each level on every core. False when one
    /// cannot be made. At 100,000 partners 300,000 folders.
    static func makeFolders(_ folders: Set<String>, in target: OpenFolder, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                            batch: Int = 4096) -> Bool {
        let levels = Dictionary(grouping: folders) { folder in folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }
        for depth in levels.keys.sorted() {
            let level = levels[depth]!
            let batches = stride(from: 0, to: level.count, by: batch).map { Array(level[$0..<min($0 + batch, level.count)]) }
            guard Parallel.map(batches, jobs: jobs, { $0.allSatisfy { target.makeFolder($0) } }).allSatisfy({ $0 }) else { return false }
        }
        return true
    }

    /// Hard-links each of `files` below `source` to the same path below
    /// `target` (whose folders are made), on every core, a batch of paths in
    /// their order at a time: a partner's files stay together, in folders of
    /// their own. At 10,000 partners a quarter less time than on one core; at
    /// 100,000 (two and a half million links, 30 s of CPU) the file system's
    /// metadata bounds it, not the cores. False when one cannot be linked (others may be).
    static func link(_ files: some Sequence<String>, from source: OpenFolder, to target: OpenFolder,
                     jobs: Int = ProcessInfo.processInfo.activeProcessorCount, batch: Int = 4096) -> Bool {
        let failed = StopFlag()
        func run(_ batches: [[String]]) {
            _ = Parallel.map(batches, jobs: jobs) { paths in
                let from = FolderCursor(source), to = FolderCursor(target)
                for path in paths {
                    guard let file = from.parent(of: path), let link = to.parent(of: path),
                          linkat(file.descriptor, file.name, link.descriptor, link.name, 0) == 0 else {
                        failed.set()
                        return
                    }
                }
            }
        }
        var batches: [[String]] = [], paths: [String] = []
        for file in files {
            paths.append(file)
            guard paths.count == batch else { continue }
            batches.append(paths)
            paths = []
            // A few batches per core at once: the paths are never all held.
            if batches.count == 4 * max(jobs, 1) {
                run(batches)
                batches = []
                if failed.isSet { return false }
            }
        }
        if !paths.isEmpty { batches.append(paths) }
        run(batches)
        return !failed.isSet
    }

    /// A name for a new spare beside the output: `.NAME.spare-ID`, its ID fresh.
    static func newSpare(beside output: URL) -> (id: String, url: URL) {
        let id = UUID().uuidString.prefix(8).lowercased()
        return (id, output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spare-\(id)"))
    }

    /// What the cache records of a spare kept: its ID, the device and inode of its folder, what it does not share.
    private static func record(_ id: String, _ info: stat, fresh: [String], carried: [String]) -> BuildCache.Spare {
        BuildCache.Spare(id: id, device: UInt64(info.st_dev), inode: UInt64(info.st_ino), fresh: fresh, carried: carried)
    }

    /// Removes the previous output once the new one is in place. A small tree
    /// goes at once; a big one (tens of thousands of files) is renamed aside
    /// and removed by a detached `rm`, so the build does not wait for the
    /// file system to free every inode. A tree left behind by an interrupted
    /// removal is handed over again by the next build.
    private func discard(_ old: URL) {
        StagingArea.remove(old, files: owned.count, name: output.lastPathComponent)
    }

    /// Removes `tree`, a folder of the output `name` holding `files` files:
    /// at once when that is fewer than `removeInBackgroundFrom`, else (or
    /// when how many is not known) renamed aside and removed in the background.
    static func remove(_ tree: URL, files: Int?, name: String) {
        if let files, files < removeInBackgroundFrom {
            try? FileManager.default.removeItem(at: tree)
        } else {
            trashInBackground(tree, name: name)
        }
    }

    /// Renames `folder` to a fresh `.NAME.trash-PID-ID` beside it, so nothing
    /// made under its old name afterwards is reached by the removal, and
    /// removes it in the background (where it is, when the rename fails).
    static func trashInBackground(_ folder: URL, name: String) {
        let trash = folder.deletingLastPathComponent()
            .appendingPathComponent(".\(name).trash-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        removeDetached(rename(folder.path, trash.path) == 0 ? trash : folder)
    }

    /// Trees with at least this many files are removed in the background.
    static let removeInBackgroundFrom = 20_000

    /// `rm -rf` in a process of its own that outlives this one (the shell that
    /// starts it exits at once and is waited for, so no zombie is left);
    /// removed in this process when no shell can be started. `rm` removes
    /// links, never what they point to.
    static func removeDetached(_ folder: URL) {
        if !Subprocess.startDetached(["rm", "-rf", "--", folder.path]) {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Staging and old folders left by a build that was killed, old outputs
    /// whose background removal did not finish, spares no cache names (all
    /// but `keeping`) and temporary caches. Only this user's real folders
    /// and files that git does not track are removed: a repository that
    /// brings a folder of that name, or a link, is left as it is. A staging
    /// folder may be a spare being patched, as big as the output: it is
    /// removed in the background.
    static func removeLeftovers(of name: String, in parent: URL, keeping: String? = nil) {
        let fm = FileManager.default
        let folders = [".\(name).old-", ".\(name).trash-", ".\(name).spare-", ".\(name).staging-"]
        var candidates: [String] = []
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry != keeping {
            var info = stat()
            guard entry.hasPrefix(".\(name)."), lstat(parent.path + "/" + entry, &info) == 0, info.isOwnedByThisUser else { continue }
            if folders.contains(where: entry.hasPrefix) && info.isFolder
                || entry.hasPrefix(".\(name).tmp-") && entry.hasSuffix(".cache") && info.isRegularFile {
                candidates.append(entry)
            }
        }
        guard !candidates.isEmpty else { return }
        let tracked = Git.tracked(candidates, in: parent)
        for entry in candidates where !tracked.contains(entry) {
            let url = parent.appendingPathComponent(entry)
            if entry.hasPrefix(".\(name).old-") || entry.hasPrefix(".\(name).tmp-") {
                try? fm.removeItem(at: url)
            } else if entry.hasPrefix(".\(name).trash-") {
                removeDetached(url)
            } else {
                trashInBackground(url, name: name)
            }
        }
    }
}
