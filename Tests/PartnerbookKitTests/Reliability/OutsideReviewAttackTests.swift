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

/// The eleven holes an outside review found, each as the attack it ran
/// (docs/limits-and-security.md). The CSV formula (1) is in
/// DataOutTests, the preview server's Host, redirect, header and slow-client
/// attacks (2, 7) in ServeCommandTests, the rename rollback (4) in
/// FileReplacementTests; the rest are here, run through the real binary.
@Suite struct OutsideReviewAttackTests {
    typealias F = Fixtures

    /// A folder with `content/` holding the fixture partner.
    private func project(program: String = F.program) -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", program)
        folder.write("content/partners/acme.yaml", F.partner)
        return folder
    }

    private func build(_ folder: TemporaryFolder, _ extra: [String] = [], output: String = "out") throws -> Binary.Result {
        try Binary.run(["build", "--content", "content", "--output", output, "--as-of", "2026-11-20"] + extra, in: folder.url, timeout: 60)
    }

    private func exists(_ folder: TemporaryFolder, _ path: String) -> Bool {
        var info = stat()
        return lstat(folder.url.appendingPathComponent(path).path, &info) == 0
    }

    // 3. iCalendar injection through site.base_url.
    @Test func aBaseURLThatWouldBreakACalendarLineIsRefused() throws {
        let folder = project(program: F.program + "\nsite:\n  base_url: \"https://p.example/\\r\\nATTACH:http://evil.example/a.exe\\r\\nX-A:/\"\n")
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/program.yaml:4:3: error: site.base_url must be an absolute http:// or https:// URL with no spaces or control characters"))
        #expect(!exists(folder, "out"), "nothing written")
        for bad in ["javascript:alert(1)", "//p.example/", "https://", "https://p.example/a b", "ftp://p.example/"] {
            let context = LoadContext(file: "program.yaml", calendar: .calendarYear)
            if let node = YAMLFile.parse(Data((F.program + "\nsite: { base_url: \"\(bad)\" }\n").utf8), context: context) {
                _ = ProgramLoader.load(node, context: context)
            }
            #expect(context.diagnostics.map(\.rule) == ["schema.type"], "\(bad)")
        }
        let good = project(program: F.program + "\nsite: { base_url: \"https://partners.example/hub/\", internal_url: \"https://partners.example/hub/\" }\n")
        #expect(try build(good).status == 0)
        let ics = try String(contentsOf: good.url.appendingPathComponent("out/program/reviews.ics"), encoding: .utf8)
        #expect(ics.contains("URL:https://partners.example/hub/partners/acme/qbr/2026-Q4.html"))
    }

    // 5. A 3 GB partner file, a link out of the content folder, a FIFO: refused before a byte is read.
    @Test func hugeFilesLinksOutAndPipesAreRefusedUnread() throws {
        let folder = project()
        let huge = folder.url.appendingPathComponent("content/partners/huge.yaml").path
        let fd = open(huge, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, 3 << 30)   // sparse: 3 GB long, nothing on disk
        close(fd)
        let outside = TemporaryFolder()
        mkfifo(outside.url.appendingPathComponent("shadow").path, 0o600)   // opening it to read would hang
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("content/partners/shadow.yaml").path,
                                                   withDestinationPath: outside.url.appendingPathComponent("shadow").path)
        mkfifo(folder.url.appendingPathComponent("content/partners/pipe.yaml").path, 0o600)
        let started = Date()
        for command in [["check", "--content", "content"], ["build", "--content", "content", "--output", "out"]] {
            let result = try Binary.run(command, in: folder.url, timeout: 60)
            #expect(result.status == 1, "\(command): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("content/partners/huge.yaml:1:1: error: file is 3221225472 bytes; the limit is 1048576 bytes (1 MiB) per content file [content.file]"))
            #expect(result.stdout.contains("content/partners/shadow.yaml:1:1: error: partners/shadow.yaml is a link to a file outside the content folder; it is not read [content.file]"))
            #expect(result.stdout.contains("content/partners/pipe.yaml:1:1: error: partners/pipe.yaml is not a regular file [content.file]"))
        }
        #expect(Date().timeIntervalSince(started) < 30, "refused, not read")
    }

    // 6. A mapping of 95,000 keys: one error, in bounded time.
    @Test func aMappingOfNinetyFiveThousandKeysIsOneError() throws {
        let folder = project()
        let keys = (0..<95_000).map { String($0, radix: 36) + ": 1\n" }.joined()
        folder.write("content/partners/keys.yaml", "name: Keys\ntier: 1\nstatus: prospect\n" + keys)
        #expect(keys.utf8.count < 1 << 20, "under the size limit: the key count is what is refused")
        let started = Date()
        let result = try Binary.run(["check", "--content", "content"], in: folder.url, timeout: 60)
        #expect(result.status == 1)
        #expect(result.stdout.contains("content/partners/keys.yaml:1:1: error: the file holds 95003 keys; the limit is 1000 keys in one mapping [yaml.limits]"))
        #expect(result.stdout.split(separator: "\n").filter { $0.contains("keys.yaml") }.count == 1, "one diagnostic, not 95,000")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    // 8. record and sign keep a file's mode and write through a link inside the content folder.
    @Test func recordAndSignKeepModesAndWriteThroughLinks() throws {
        let folder = project()
        let file = folder.url.appendingPathComponent("content/partners/acme.yaml").path
        chmod(file, 0o600)
        folder.write("q.csv", "partner,revenue\nacme,1\n")
        #expect(try Binary.run(["record", "2026-Q4", "--from", "q.csv", "--content", "content"], in: folder.url).status == 0)
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o777 == 0o600, "record kept the mode")
        // A partner file that is a link to a file elsewhere in the content folder.
        let body = F.partnerBody.replacingOccurrences(of: "name: Acme Cloud", with: "name: Beta")
        folder.write("content/shared/beta.yaml", body)
        chmod(folder.url.appendingPathComponent("content/shared/beta.yaml").path, 0o640)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("content/partners/beta.yaml").path,
                                                   withDestinationPath: "../shared/beta.yaml")
        let sign = try Binary.run(["sign", "beta", "--party", "us", "--name", "Dana Ruiz", "--title", "Director", "--date", "2026-11-01",
                                   "--content", "content"], in: folder.url)
        #expect(sign.status == 0, "\(sign.stdout)\(sign.stderr)")
        let link = folder.url.appendingPathComponent("content/partners/beta.yaml").path
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == "../shared/beta.yaml", "still a link")
        let target = try String(contentsOf: folder.url.appendingPathComponent("content/shared/beta.yaml"), encoding: .utf8)
        #expect(target.contains("{ party: us, name: \"Dana Ruiz\""), "the link's target got the signature")
        stat(folder.url.appendingPathComponent("content/shared/beta.yaml").path, &info)
        #expect(info.st_mode & 0o777 == 0o640, "sign kept the mode")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("content/shared").path) == ["beta.yaml"],
                "no temporary file left")
    }

    // 9. --output edge cases: refused up front, and nothing made beside a refused output.
    @Test func outputsThatWouldHarmAreRefusedBeforeAnythingIsMade() throws {
        let folder = project()
        for output in ["/", ".", "content", "content/partners", "..", folder.url.path] {
            let result = try build(folder, output: output)
            #expect(result.status == 2, "\(output): \(result.stderr)")
            #expect(result.stderr.contains("partnerbook: "), "\(output)")
        }
        #expect(!exists(folder, "content/.partners.lock") && !exists(folder, "content/.partners.cache"), "no lock or cache for a refused output")
        #expect(!exists(folder, ".content.lock"))
        let real = TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("linked").path, withDestinationPath: real.url.path)
        let linked = try build(folder, output: "linked")
        #expect(linked.status == 2 && linked.stderr.contains("is a link"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder.url.appendingPathComponent("linked").path)) == real.url.path)
    }

    // 9. What a person keeps in the output: empty folders, a private folder's mode, a FIFO (never read).
    @Test func theOutputKeepsEmptyFoldersModesAndPipesWithoutReadingThem() throws {
        let folder = project()
        #expect(try build(folder).status == 0)
        let out = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("mine/empty"), withIntermediateDirectories: true)
        chmod(out.appendingPathComponent("mine").path, 0o700)
        chmod(out.path, 0o750)
        mkfifo(out.appendingPathComponent("mine/pipe").path, 0o600)
        folder.write("content/partners/acme.yaml", F.partner.replacingOccurrences(of: "summary: A *good* partner.", with: "summary: Changed."))
        let result = try build(folder)
        #expect(result.status == 0, "a FIFO in the output does not hang the build: \(result.stderr)")
        var info = stat()
        #expect(lstat(out.appendingPathComponent("mine/empty").path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR, "the empty folder is kept")
        lstat(out.appendingPathComponent("mine").path, &info)
        #expect(info.st_mode & 0o777 == 0o700, "the private folder stays private")
        lstat(out.path, &info)
        #expect(info.st_mode & 0o777 == 0o750, "the output folder keeps its mode")
        lstat(out.appendingPathComponent("mine/pipe").path, &info)
        #expect((info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is there again, as a FIFO")
    }

    // 10. templates DIR: no writing through links, all or nothing, a clear message.
    @Test func templatesRefusesLinksAndWritesAllOrNothing() throws {
        let folder = TemporaryFolder()
        let outside = TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("mine/assets").path, withDestinationPath: outside.url.path)
        let result = try Binary.run(["templates", "mine"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("mine/assets:1:1: error: is a link; templates does not write through links"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.url.path).isEmpty, "nothing landed outside")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("mine").path) == ["assets"], "nothing partial")
        // A dangling link where a template would go is refused too.
        let second = TemporaryFolder()
        try FileManager.default.createDirectory(at: second.url.appendingPathComponent("t"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: second.url.appendingPathComponent("t/charter.md.mustache").path,
                                                   withDestinationPath: outside.url.appendingPathComponent("planted").path)
        let dangling = try Binary.run(["templates", "t"], in: second.url)
        #expect(dangling.status == 2 && dangling.stderr.contains("is a link"))
        #expect(!FileManager.default.fileExists(atPath: outside.url.appendingPathComponent("planted").path))
        let fine = try Binary.run(["templates", "fresh"], in: second.url)
        #expect(fine.status == 0)
        #expect(FileManager.default.fileExists(atPath: second.url.appendingPathComponent("fresh/assets/partnerbook.css").path))
    }

    // 11. record --from a 2 GB CSV: refused from its size, not read into memory.
    @Test func aTwoGigabyteCSVIsRefusedUnread() throws {
        let folder = project()
        let csv = folder.url.appendingPathComponent("big.csv").path
        let fd = open(csv, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, 2 << 30)
        close(fd)
        let started = Date()
        let result = try Binary.run(["record", "2026-Q4", "--from", "big.csv", "--content", "content"], in: folder.url, timeout: 60)
        #expect(result.status == 1)
        #expect(result.stdout.contains("big.csv:1:1: error: file is 2147483648 bytes; the limit for a CSV file is 33554432 bytes (32 MiB) [record.syntax]"))
        #expect(Date().timeIntervalSince(started) < 20)
        mkfifo(folder.url.appendingPathComponent("pipe.csv").path, 0o600)
        let pipe = try Binary.run(["record", "2026-Q4", "--from", "pipe.csv", "--content", "content"], in: folder.url, timeout: 30)
        #expect(pipe.status == 1 && pipe.stdout.contains("not a regular file"), "a FIFO does not hang record")
    }
}
