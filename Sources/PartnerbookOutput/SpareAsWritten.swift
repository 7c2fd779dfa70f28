import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PartnerbookSupport

/// The next build's spare, made while a full build writes its output: each
/// file the staging folder gets is hard-linked into it at once (no byte
/// copied), each folder made beside the staging folder's. After the swap it
/// is a copy of the new output sharing every file with it, as the copy
/// `StagingArea` otherwise links after the swap, but the links were spread
/// over the partners step, on the workers, instead of 2.5 million of them
/// in a row at the end of a build of 100,000 partners.
///
/// It is `.NAME.spare-ID` beside the output, mode 0700, like every spare;
/// one failed link or folder spoils it (`isSpoiled`), and the commit then
/// removes it and links a copy the old way. A build killed before the commit
/// leaves a spare no cache names, which the next build removes. The copy
/// linked after the swap starts from the same empty folder (`init`).
final class SpareAsWritten: Sendable {
    let id: String
    let url: URL
    let folder: OpenFolder
    /// The output's folder name (its trash is named after it).
    private let outputName: String
    private let spoiled = StopFlag()

    /// Makes the empty spare beside the output; nil when it cannot be made.
    init?(beside output: URL) {
        (id, url) = StagingArea.newSpare(beside: output)
        outputName = output.lastPathComponent
        guard mkdir(url.path, 0o700) == 0 else { return nil }
        guard let folder = try? OpenFolder(url.path) else {
            rmdir(url.path)
            return nil
        }
        self.folder = folder
    }

    /// Whether a link or folder failed: it is not a copy of the output.
    var isSpoiled: Bool { spoiled.isSet }

    /// Gives up on it (a file was reused rather than written: the spare lacks it).
    func spoil() { spoiled.set() }

    /// Makes `path`'s folder here, as the staging folder just made it (under
    /// the staging area's folder lock, before any file is written into it).
    func makeFolder(_ path: String) {
        guard !isSpoiled else { return }
        if !folder.makeFolderAndParents(path) { spoil() }
    }

    /// Hard-links `paths`, just written below `source`, to the same paths
    /// here, their folders opened once for the run (a partner's files sit in
    /// two or three). A path already here (a file written twice) is replaced.
    func link(_ paths: some Sequence<String>, from source: OpenFolder) {
        guard !isSpoiled else { return }
        let from = FolderCursor(source), to = FolderCursor(folder)
        for path in paths {
            guard let file = from.parent(of: path), let here = to.parent(of: path) else { return spoil() }
            if linkat(file.descriptor, file.name, here.descriptor, here.name, 0) == 0 { continue }
            guard errno == EEXIST, unlinkat(here.descriptor, here.name, 0) == 0,
                  linkat(file.descriptor, file.name, here.descriptor, here.name, 0) == 0 else { return spoil() }
        }
    }

    /// Removes it, holding `files` files (the output of a small program
    /// goes at once), as a previous output is removed (`StagingArea.remove`).
    func remove(files: Int? = nil) {
        StagingArea.remove(url, files: files, name: outputName)
    }
}
