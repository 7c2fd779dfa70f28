import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// `record` and `sign` replace partner files all or nothing, keeping each
/// file's mode and writing through links that stay in the content folder.
@Suite struct FileReplacementTests {
    private func folderWithFiles(_ count: Int) -> (TemporaryFolder, [String]) {
        let folder = TemporaryFolder.content([:])
        let paths = (1...count).map { index -> String in
            folder.write("partners/p\(index).yaml", "name: P\(index)\n").path
        }
        return (folder, paths)
    }

    private func leftovers(_ folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("partners").path)) ?? [])
            .filter { $0.hasPrefix(".") }.sorted()
    }

    @Test func aRenameFailingOnTheThirdOfFourPutsEveryFileBack() throws {
        let (folder, paths) = folderWithFiles(4)
        var calls = 0
        let changes = paths.map { FileReplacement.Change(path: $0, data: Data("name: changed\n".utf8)) }
        #expect {
            try FileReplacement.replace(changes, root: folder.url) { from, to in
                calls += 1
                if calls == 3 { errno = EIO; return -1 }
                return Glibc.rename(from, to)
            }
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot replace \(paths[2])") && text.contains("nothing was changed")
                && text.contains("(\(paths[0]), \(paths[1]) put back)")
        }
        for (index, path) in paths.enumerated() {
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "name: P\(index + 1)\n", "file \(index + 1) is as it was")
        }
        #expect(leftovers(folder).isEmpty, "no temporary file or backup is left behind")
    }

    @Test func everyFileIsReplacedAndKeepsItsMode() throws {
        let (folder, paths) = folderWithFiles(2)
        chmod(paths[0], 0o600)
        chmod(paths[1], 0o640)
        try FileReplacement.replace(paths.map { FileReplacement.Change(path: $0, data: Data("name: new\n".utf8)) }, root: folder.url)
        var info = stat()
        stat(paths[0], &info)
        #expect(info.st_mode & 0o777 == 0o600)
        stat(paths[1], &info)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == "name: new\n")
        #expect(leftovers(folder).isEmpty)
    }

    @Test func aLinkInsideTheContentFolderIsWrittenThrough() throws {
        let folder = TemporaryFolder.content([:])
        let target = folder.write("shared/acme.yaml", "name: Acme\n")
        let link = folder.url.appendingPathComponent("partners/acme.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try FileReplacement.replace([FileReplacement.Change(path: link.path, data: Data("name: Acme 2\n".utf8))], root: folder.url)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path, "the link stays a link")
        #expect(try String(contentsOf: target, encoding: .utf8) == "name: Acme 2\n", "its target gets the text")
    }

    @Test func aLinkOutOfTheContentFolderOrAFIFOIsRefusedAndNothingIsWritten() throws {
        let outside = TemporaryFolder()
        let secret = outside.write("secret.yaml", "name: secret\n")
        let (folder, paths) = folderWithFiles(1)
        let link = folder.url.appendingPathComponent("partners/evil.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        #expect(throws: FileReplacement.Failure.self) {
            try FileReplacement.replace([FileReplacement.Change(path: paths[0], data: Data("x\n".utf8)),
                                         FileReplacement.Change(path: link.path, data: Data("x\n".utf8))], root: folder.url)
        }
        #expect(try String(contentsOf: secret, encoding: .utf8) == "name: secret\n")
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == "name: P1\n")
        let fifo = folder.url.appendingPathComponent("partners/pipe.yaml").path
        mkfifo(fifo, 0o600)
        #expect(throws: FileReplacement.Failure.self) {
            try FileReplacement.replace([FileReplacement.Change(path: fifo, data: Data("x\n".utf8))], root: folder.url)
        }
        #expect(leftovers(folder).isEmpty)
    }
}
