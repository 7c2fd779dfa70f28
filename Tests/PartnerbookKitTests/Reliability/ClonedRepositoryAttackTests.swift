import Foundation
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookSystem
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
import PartnerbookTestSupport

/// The third outside security review: a partner program cloned from someone
/// else is untrusted as a whole, the output folder and everything beside it
/// included (docs/limits-and-security.md, "A cloned repository"). Each test
/// is one of its reproductions, run as a real `build` in a temporary folder
/// with a victim's files outside it; the serve findings (9) are in
/// `ServeCommandTests`.
@Suite struct ClonedRepositoryAttackTests {
    typealias F = Fixtures

    /// A project of four partners (`p0`…`p3`), the test templates copied into `templates/`.
    private func project(partners: Int = 4) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("content/program.yaml", F.program)
        for index in 0..<partners {
            folder.write("content/partners/p\(index).yaml", F.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner \(index)"))
        }
        try FileManager.default.copyItem(at: TestBuild.templates, to: folder.url.appendingPathComponent("templates"))
        return folder
    }

    private func build(_ folder: TemporaryFolder, _ extra: [String] = [], output: String = "out") throws -> Binary.Result {
        try Binary.run(["build", "--content", "content", "--templates", "templates", "--output", output, "--as-of", "2026-11-20"] + extra,
                       in: folder.url, timeout: 120)
    }

    /// Changes `p0`'s summary, so the next build has something to render.
    private func edit(_ folder: TemporaryFolder, _ text: String = "Changed.") {
        folder.write("content/partners/p0.yaml", F.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner 0")
            .replacingOccurrences(of: "A *good* partner.", with: text))
    }

    private func link(_ path: URL, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target)
    }

    private func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    /// `path` from the spare folder up to `/` and down to `target`.
    private func climbing(to target: URL) -> String {
        String(repeating: "../", count: 24) + target.path.dropFirst()
    }

    /// The caches a cloned repository can commit beside its output: the
    /// format the previous release read (two lines) and this one's with an
    /// identity guessed. Each names the spare folder `.out.spare-x`.
    private static let plantedCaches = [
        "partnerbook-cache-v8\nspare\tx\n",
        "partnerbook-cache-v9\t2049\t1234567\nspare\tx\t2049\t7654321\n",
    ]

    // 1. A manifest in a committed spare listing a file outside: the build unlinked it.
    @Test(arguments: plantedCaches)
    func aCommittedSpareCannotDeleteAFileOutside(cache: String) throws {
        let folder = try project()
        let victim = TemporaryFolder()
        let secret = victim.write("secret.txt", "the victim's file")
        #expect(try build(folder).status == 0)
        folder.write(".out.spare-x/.partnerbook-manifest", "index.html\n" + climbing(to: secret) + "\n")
        folder.write(".out.cache", cache)
        edit(folder)
        let result = try build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(text(secret) == "the victim's file", "the file outside is still there")
        #expect(text(folder.url.appendingPathComponent("out/partners/p0/index.html"))?.contains("Changed.") == true, "and the build is whole")
    }

    // 1. A committed spare whose `assets` is a link to the victim's ~/.ssh: authorized_keys was replaced.
    @Test(arguments: plantedCaches)
    func aLinkInACommittedSpareIsNeverWrittenThrough(cache: String) throws {
        let folder = try project()
        let ssh = TemporaryFolder()
        let keys = ssh.write("authorized_keys", "ssh-ed25519 AAAA the-victims-own-key\n")
        folder.write("templates/assets/authorized_keys", "ssh-ed25519 AAAA the-attackers-key\n")
        #expect(try build(folder).status == 0)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(".out.spare-x"), withIntermediateDirectories: true)
        try link(folder.url.appendingPathComponent(".out.spare-x/assets"), to: ssh.url.path)
        folder.write(".out.spare-x/.partnerbook-manifest", "assets/authorized_keys\nindex.html\n")
        folder.write(".out.cache", cache)
        edit(folder)
        let result = try build(folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(text(keys) == "ssh-ed25519 AAAA the-victims-own-key\n", "authorized_keys untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: ssh.url.path) == ["authorized_keys"])
        #expect(text(folder.url.appendingPathComponent("out/assets/authorized_keys")) == "ssh-ed25519 AAAA the-attackers-key\n",
                "the asset went into the output, where it belongs")
    }

    // 1. A committed spare whose partner folder is a link to a web root: the charter was written there.
    @Test(arguments: plantedCaches)
    func aPartnerFolderLinkedElsewhereGetsNoDocuments(cache: String) throws {
        let folder = try project()
        let webRoot = TemporaryFolder()
        #expect(try build(folder).status == 0)
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(".out.spare-x/partners"), withIntermediateDirectories: true)
        try link(folder.url.appendingPathComponent(".out.spare-x/partners/p0"), to: webRoot.url.path)
        folder.write(".out.spare-x/.partnerbook-manifest", "index.html\npartners/p0/charter.html\npartners/p0/index.html\n")
        folder.write(".out.cache", cache)
        edit(folder)
        #expect(try build(folder).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: webRoot.url.path).isEmpty, "nothing written through the link")
        #expect(text(folder.url.appendingPathComponent("out/partners/p0/charter.md"))?.contains("Partner 0") == true)
    }

    // 1. A file planted in a committed spare was published, then carried forever as a person's.
    @Test(arguments: plantedCaches)
    func aFilePlantedInASpareIsNotPublished(cache: String) throws {
        let folder = try project()
        #expect(try build(folder).status == 0)
        folder.write(".out.spare-x/.partnerbook-manifest", "index.html\n")
        folder.write(".out.spare-x/planted.html", "planted page")
        folder.write(".out.spare-x/partners/p1/terms.html", "FORGED terms")
        folder.write(".out.cache", cache)
        edit(folder)
        #expect(try build(folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/planted.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/p1/terms.html").path))
        #expect(try build(folder, ["--no-cache"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/planted.html").path), "nor carried later")
    }

    // 1. The local variant: the build's own spare, a file in it replaced (another user, through a
    // 0777 output); "7 reused" published the forged charter. A reused file must be the output's own.
    @Test func aFileReplacedInTheBuildsOwnSpareIsNotReused() throws {
        let folder = try project()
        #expect(try build(folder).status == 0)
        edit(folder, "First edit.")
        #expect(try build(folder).status == 0)
        let spares = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".out.spare-") }
        let spare = try #require(spares.first, "a spare was kept")
        var info = stat()
        lstat(folder.url.appendingPathComponent(spare).path, &info)
        #expect(info.st_mode & 0o777 == 0o700, "the spare is private to this user")
        // A new file (another inode) where the spare held p1's charter.
        let charter = folder.url.appendingPathComponent("\(spare)/partners/p1/charter.html")
        try FileManager.default.removeItem(at: charter)
        try Data("FORGED charter".utf8).write(to: charter)
        edit(folder, "Second edit.")
        let result = try build(folder)
        #expect(result.status == 0)
        #expect(result.stderr.contains("1 rendered, 3 reused"), "\(result.stderr)")
        #expect(text(folder.url.appendingPathComponent("out/partners/p1/charter.html"))?.contains("FORGED") == false)
        #expect(text(folder.url.appendingPathComponent("out/partners/p1/charter.html"))?.contains("Partner 1") == true)
    }

    // 1. A spare folder of another user's is never patched (needs root to make one).
    @Test(.enabled(if: geteuid() == 0, "only root can give a folder to another user"))
    func aSpareFolderOfAnotherUserIsNotPatched() throws {
        let folder = try project()
        #expect(try build(folder).status == 0)
        edit(folder, "First edit.")
        #expect(try build(folder).status == 0)
        let spare = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first { $0.hasPrefix(".out.spare-") })
        let partners = folder.url.appendingPathComponent("\(spare)/partners")
        folder.write("\(spare)/partners/p1/charter.html.other", "planted")
        chown(partners.path, 65534, 65534)
        folder.write("\(spare)/planted.html", "planted")
        edit(folder, "Second edit.")
        #expect(try build(folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/planted.html").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/p1/charter.html.other").path))
    }

    // 2. `.out.lock` committed as a link to ~/.bashrc: the build truncated it and wrote its process ID.
    @Test(arguments: [false, true])
    func aLockThatIsALinkIsNeitherFollowedNorTruncated(isPublic: Bool) throws {
        let folder = try project()
        let home = TemporaryFolder()
        let bashrc = home.write(".bashrc", "export EDITOR=vi\n")
        try link(folder.url.appendingPathComponent(".out.lock"), to: bashrc.path)
        let result = try build(folder, isPublic ? ["--public"] : [])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".out.lock is a link; partnerbook does not write through it"), "\(result.stderr)")
        #expect(text(bashrc) == "export EDITOR=vi\n")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path), "nothing built")
    }

    // 2. A lock file a repository brings (a file of its own, with content) is not written into.
    @Test func aLockFileThatIsNotALockIsLeftAlone() throws {
        let folder = try project()
        folder.write(".out.lock", String(repeating: "not a lock file\n", count: 10))
        let result = try build(folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("holds more than a process ID"), "\(result.stderr)")
        #expect(text(folder.url.appendingPathComponent(".out.lock")) == String(repeating: "not a lock file\n", count: 10))
    }

    // 2. The temporary cache was opened with fopen("w") at a name a repository can predict.
    @Test func theTemporaryCacheNeverWritesThroughALink() throws {
        let folder = TemporaryFolder()
        let victim = TemporaryFolder()
        let bashrc = victim.write(".bashrc", "export EDITOR=vi\n")
        try link(folder.url.appendingPathComponent(".out.tmp-\(getpid()).cache"), to: bashrc.path)
        BuildCache(partners: ["acme": BuildCache.Entry(id: "acme", key: "k", files: [])]).save(to: folder.url.appendingPathComponent(".out.cache"))
        #expect(text(bashrc) == "export EDITOR=vi\n")
        #expect(BuildCache.load(from: folder.url.appendingPathComponent(".out.cache")).partners.keys.sorted() == ["acme"])
        // A cache that is a link is refused, and the next save replaces the link, not its target.
        let cache = folder.url.appendingPathComponent(".out.cache")
        try FileManager.default.removeItem(at: cache)
        try link(cache, to: bashrc.path)
        #expect(BuildCache.read(from: cache).failure?.description.contains("is a link") == true)
        BuildCache().save(to: cache)
        #expect(text(bashrc) == "export EDITOR=vi\n")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: cache.path)) == nil)
    }

    // 2. A cache copied or committed (another inode) is not trusted; the build's own is.
    @Test func aCacheIsTrustedOnlyWhereTheBuildWroteIt() throws {
        let folder = try project()
        #expect(try build(folder).status == 0)
        let cache = folder.url.appendingPathComponent(".out.cache")
        // A copy renamed into place, as a checkout or an extracted archive puts it there.
        let copy = folder.url.appendingPathComponent(".out.cache.copy")
        try FileManager.default.copyItem(at: cache, to: copy)
        #expect(rename(copy.path, cache.path) == 0)
        let result = try build(folder)
        #expect(result.stderr.contains(".out.cache was not written by partnerbook for this output on this machine"), "\(result.stderr)")
        #expect(result.stderr.contains("4 rendered, 0 reused"))
        let again = try build(folder)
        #expect(again.stderr.contains("is up to date"), "the cache this build wrote is used: \(again.stderr)")
    }

    // 3. build --pdf: an image in the charter made WeasyPrint send a GET and embed a local file.
    @Test(.enabled(if: Tools.hasWeasyPrint, "WeasyPrint (Debian package weasyprint) is not installed"))
    func printingFetchesNothing() throws {
        let folder = try project(partners: 1)
        let victim = TemporaryFolder()
        let secret = victim.write("secret.png", Self.png)
        let listener = try Listener()
        let agreement = "![pixel](http://127.0.0.1:\(listener.port)/p.png) ![secret](\(climbing(to: secret)))"
        folder.write("content/partners/p0.yaml", F.partner.replacingOccurrences(of: "charter:\n", with: "charter:\n  agreement: \"\(agreement)\"\n"))
        let result = try build(folder, ["--pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!listener.wasContacted, "no request left the build machine")
        let html = try #require(text(folder.url.appendingPathComponent("out/partners/p0/charter.html")))
        #expect(html.contains("pixel"), "the image's text stays")
        #expect(!html.contains("<img src=\"http"), "no remote image in the HTML charter (a tracking pixel)")
        #expect(!html.contains("secret.png\""), "no image outside the output")
        let pdf = try Data(contentsOf: folder.url.appendingPathComponent("out/partners/p0/charter.pdf"))
        #expect(!String(decoding: pdf, as: UTF8.self).contains("/Subtype /Image"), "no image embedded in the PDF")
    }

    // 3. The printer itself hands WeasyPrint nothing but the output's files, whatever a page names.
    @Test(.enabled(if: Tools.hasWeasyPrint, "WeasyPrint (Debian package weasyprint) is not installed"))
    func thePrintersFetcherIsConfinedToTheOutput() throws {
        let folder = TemporaryFolder()
        let victim = TemporaryFolder()
        let secret = victim.write("secret.png", Self.png)
        let listener = try Listener()
        folder.write("page.html", """
            <!DOCTYPE html><html><head><title>t</title><link rel="stylesheet" href="http://127.0.0.1:\(listener.port)/s.css"></head>
            <body><p>Text</p><img src="file://\(secret.path)" alt="a"><img src="../\(victim.url.lastPathComponent)/secret.png" alt="b">
            <img src="http://127.0.0.1:\(listener.port)/p.png" alt="c"><img src="mine.png" alt="d"></body></html>
            """)
        folder.write("mine.png", Self.png)
        folder.write("baseline.html", """
            <!DOCTYPE html><html><head><title>t</title></head><body><p>Text</p><img src="mine.png" alt="d"></body></html>
            """)
        let printed = try DocumentPDF().print([DocumentPDF.Job(html: "page.html", identifier: "0123456789abcdef"),
                                               DocumentPDF.Job(html: "baseline.html", identifier: "0123456789abcdef")],
                                              in: folder.url, asOf: F.asOf)
        #expect(printed == ["page.pdf", "baseline.pdf"])
        #expect(!listener.wasContacted)
        let images = { (name: String) in
            String(decoding: try Data(contentsOf: folder.url.appendingPathComponent(name)), as: UTF8.self)
                .components(separatedBy: "/Subtype /Image").count - 1
        }
        #expect(try images("baseline.pdf") > 0)
        #expect(try images("page.pdf") == images("baseline.pdf"), "only the output's own image is embedded")
    }

    // 4. A template asset that is a link to /etc/hostname was published.
    @Test(arguments: [false, true])
    func aTemplateLinkOutOfTheFolderIsRefused(isPublic: Bool) throws {
        let folder = try project(partners: 1)
        let victim = TemporaryFolder()
        let hostname = victim.write("hostname", "victim-host\n")
        try link(folder.url.appendingPathComponent("templates/assets/leak.txt"), to: hostname.path)
        let result = try build(folder, isPublic ? ["--public"] : [])
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/assets/leak.txt:1:1: error: is a link to a file outside the templates folder; it is not read [template]"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out").path))
        // A link to a file inside the templates folder is read as that file.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("templates/assets/leak.txt"))
        folder.write("templates/assets/real.txt", "ours\n")
        try link(folder.url.appendingPathComponent("templates/assets/alias.txt"), to: "real.txt")
        #expect(try build(folder, isPublic ? ["--public"] : []).status == 0)
        #expect(text(folder.url.appendingPathComponent("out/assets/alias.txt")) == "ours\n")
    }

    // 5. An asset named with a newline split the manifest, and every later build failed.
    @Test func anAssetNameWithANewlineIsRefused() throws {
        let folder = try project(partners: 1)
        folder.write("templates/assets/a\nb.css", "p {}")
        let result = try build(folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the file name holds a control character"), "\(result.stderr)")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("templates/assets/a\nb.css"))
        #expect(try build(folder).status == 0)
        #expect(try build(folder, ["--no-cache"]).status == 0, "and the next build too")
    }

    // 5. A 900 MB junk cache was read whole before its format line was checked (950 MB, 27 s).
    @Test func aJunkCacheIsRefusedUnread() throws {
        let folder = try project(partners: 1)
        let cache = folder.url.appendingPathComponent(".out.cache").path
        let fd = open(cache, O_WRONLY | O_CREAT, 0o644)
        _ = "junk, not a cache\n".withCString { write(fd, $0, strlen($0)) }
        ftruncate(fd, 900 << 20)
        close(fd)
        let peak = try peakMemory(["build", "--content", "content", "--templates", "templates", "--output", "out"], in: folder)
        #expect(peak.status == 0)
        #expect(peak.megabytes < 300, "\(peak.megabytes) MB at peak")
    }

    // 5. A 200 MB partner file in the history was read whole (check at 622 MB). No version past 1 MiB is read.
    @Test func oversizedVersionsInTheHistoryAreNotRead() throws {
        let folder = try project(partners: 1)
        try git(["init", "-q"], in: folder)
        // The signed charter, committed with a 100 MB comment, then amended.
        let padding = "# " + String(repeating: "x", count: 100 << 20) + "\n"
        folder.write("content/partners/p0.yaml", padding + F.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner 0"))
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", "signed"], in: folder)
        folder.write("content/partners/p0.yaml", F.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner 0")
            .replacingOccurrences(of: "we_give: [ Connector ]", with: "we_give: [ Connector and SSO ]"))
        try git(["commit", "-q", "-a", "-m", "amended"], in: folder)
        let peak = try peakMemory(["changes", "p0", "--content", "content"], in: folder)
        #expect(peak.megabytes < 200, "\(peak.megabytes) MB at peak")
        #expect(peak.output.contains("larger than 1 MiB, the limit of a content file, was not read"), "\(peak.output)")
    }

    // 6. Suggestions: thirty unknown 32 KB keys took 16-18 s to check.
    @Test func suggestionsForHugeUnknownKeysCostNothing() throws {
        let folder = try project(partners: 1)
        // Explicit keys (`? key`): libyaml takes no implicit key past 1,024 characters.
        let keys = (0..<30).map { index in "? " + String(repeating: "k", count: 32_000) + "\(index)\n: 1\n" }.joined()
        folder.write("content/partners/p0.yaml", F.partner + "\n" + keys)
        let started = Date()
        let result = try Binary.run(["check", "--content", "content", "--as-of", "2026-11-20"], in: folder.url, timeout: 60)
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "[schema.unknown-key]").count - 1 == 30)
        #expect(Date().timeIntervalSince(started) < 6, "\(Date().timeIntervalSince(started)) s")
    }

    // 6. record: a 1 MB partner cell took 26 s, 30,000 unknown names 43 s (the example's eight partners).
    @Test(arguments: [true, false])
    func recordSuggestsInBoundedTime(oneHugeCell: Bool) throws {
        let folder = TemporaryFolder()
        try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("Content"), to: folder.url.appendingPathComponent("content"))
        var csv = "partner,sourced_revenue\n"
        if oneHugeCell {
            csv += String(repeating: "Q", count: 1 << 20) + ",1\n"
        } else {
            for index in 0..<30_000 { csv += "Unknown Partner Number \(index * 7919),\(index)\n" }
        }
        folder.write("q.csv", csv)
        let started = Date()
        let result = try Binary.run(["record", "2026-Q4", "--from", "q.csv", "--content", "content", "--dry-run"], in: folder.url, timeout: 120)
        #expect(result.status == 1)
        #expect(result.stdout.contains("q.csv:2:1: error: no partner with ID, name or alias"), "\(result.stdout.suffix(300))")
        #expect(Date().timeIntervalSince(started) < 8, "\(Date().timeIntervalSince(started)) s")
    }

    // 7. --force as root recreated another user's folders as root and deleted a socket.
    @Test(.enabled(if: geteuid() == 0, "only root can make folders of another user"))
    func forceNeitherDeletesNorReownsWhatItDidNotWrite() throws {
        let folder = try project(partners: 1)
        let home = folder.url.appendingPathComponent("fakehome")
        folder.write("fakehome/.ssh/authorized_keys", "ssh-ed25519 AAAA key\n")
        chmod(home.appendingPathComponent(".ssh").path, 0o700)
        for path in ["fakehome", "fakehome/.ssh", "fakehome/.ssh/authorized_keys"] {
            chown(folder.url.appendingPathComponent(path).path, 65534, 65534)
        }
        let socket = try UnixSocket(at: home.appendingPathComponent("agent.sock").path)
        defer { socket.close() }
        var before = stat()
        lstat(home.path, &before)
        let refused = try build(folder, ["--force"], output: "fakehome")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("fakehome/agent.sock' is a socket or device, which cannot be carried"), "\(refused.stderr)")
        var after = stat()
        lstat(home.path, &after)
        #expect(after.st_ino == before.st_ino && after.st_uid == 65534, "the folder is the same one, still its owner's")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("agent.sock").path), "the socket is still there")
        socket.close()
        try FileManager.default.removeItem(at: home.appendingPathComponent("agent.sock"))
        let built = try build(folder, ["--force"], output: "fakehome")
        #expect(built.status == 0, "\(built.stderr)")
        for path in ["fakehome", "fakehome/.ssh", "fakehome/.ssh/authorized_keys"] {
            lstat(folder.url.appendingPathComponent(path).path, &after)
            #expect(after.st_uid == 65534 && after.st_gid == 65534, "\(path) keeps its owner")
        }
        lstat(home.appendingPathComponent(".ssh").path, &after)
        #expect(after.st_mode & 0o777 == 0o700)
        #expect(text(home.appendingPathComponent(".ssh/authorized_keys")) == "ssh-ed25519 AAAA key\n")
    }

    // 7. Without root, a socket in the output stops the build instead of being dropped.
    @Test func aSocketInTheOutputStopsTheBuildAndStays() throws {
        let folder = try project(partners: 1)
        #expect(try build(folder).status == 0)
        let socket = try UnixSocket(at: folder.url.appendingPathComponent("out/agent.sock").path)
        defer { socket.close() }
        edit(folder)
        let result = try build(folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("out/agent.sock' is a socket or device, which cannot be carried into the new output"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(folder.url.appendingPathComponent("out/agent.sock").path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK)
    }

    // 8. A private output: the cache (health, leverage, alerts) was 0644, the staging folder 0755.
    @Test func aPrivateOutputKeepsItsInternalsPrivate() throws {
        let folder = try project(partners: 4)
        #expect(try build(folder).status == 0)
        chmod(folder.url.appendingPathComponent("out").path, 0o700)
        edit(folder)
        #expect(try build(folder).status == 0)
        var info = stat()
        lstat(folder.url.appendingPathComponent(".out.cache").path, &info)
        #expect(info.st_mode & 0o777 == 0o600, "the cache: \(String(info.st_mode & 0o777, radix: 8))")
        lstat(folder.url.appendingPathComponent("out").path, &info)
        #expect(info.st_mode & 0o777 == 0o700, "the output keeps its mode")
        // While a build writes, its staging folder is private whatever the output's mode.
        let output = folder.url.appendingPathComponent("plain")
        try OutputWriter.write([OutputFile(.programPage, "a.txt", "a")], to: output, force: false)
        var staging = stat()
        try OutputWriter.write([OutputFile(.programPage, "a.txt", "b")], to: output, force: false) { folder in
            lstat(folder.path, &staging)
            return []
        }
        #expect(staging.st_mode & 0o777 == 0o700)
        lstat(output.path, &info)
        #expect(info.st_mode & 0o777 == 0o777 & ~StagingArea.umask, "a new output: the mode a new folder gets")
    }

    // 10. A removed partner, or one no longer listed, left its folder (an empty `charts/`).
    @Test func removedAndUnlistedPartnersLeaveNoFolders() throws {
        let folder = try project(partners: 4)
        let listed = { (text: String) in text.replacingOccurrences(of: "status: run", with: "status: run\nlisted: true") }
        for index in 0..<4 {
            folder.write("content/partners/p\(index).yaml", listed(F.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner \(index)")))
        }
        #expect(try build(folder).status == 0)
        #expect(try build(folder, ["--public"], output: "pub").status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/p3/charts").path))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("pub/partners/p2").path))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/partners/p3.yaml"))
        folder.write("content/partners/p2.yaml", F.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner 2"))
        #expect(try build(folder).status == 0)
        #expect(try build(folder, ["--public"], output: "pub").status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/p3").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("pub/partners/p2").path))
        // A folder a person made inside a removed partner's stays, with what it holds.
        folder.write("out/partners/p2/notes/mine.txt", "mine")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/partners/p2.yaml"))
        #expect(try build(folder).status == 0)
        #expect(text(folder.url.appendingPathComponent("out/partners/p2/notes/mine.txt")) == "mine")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/p2/charts").path))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out/partners/p2/charter.html").path))
    }

    // MARK: - Helpers

    /// A one-pixel PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!

    /// Runs the binary in a child of Python and reads its peak resident memory from the kernel.
    private func peakMemory(_ arguments: [String], in folder: TemporaryFolder) throws -> (status: Int32, megabytes: Int, output: String) {
        let script = """
            import resource, subprocess, sys
            run = subprocess.run(sys.argv[1:], capture_output=True)
            sys.stdout.write(str(run.returncode) + "\\n" + str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024) + "\\n")
            sys.stdout.write(run.stdout.decode(errors="replace") + run.stderr.decode(errors="replace"))
            """
        let python = try #require(Executable.find("python3"))
        let result = try Subprocess.run(python, ["-c", script, Binary.url.path] + arguments, in: folder.url)
        let lines = result.text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        return (Int32(lines[0]) ?? -1, Int(lines[1]) ?? -1, lines.count > 2 ? String(lines[2]) : "")
    }

    private func git(_ arguments: [String], in folder: TemporaryFolder) throws {
        let result = try Subprocess.run(try #require(Git.executable),
                                        ["-C", folder.url.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                                         "-c", "commit.gpgsign=false"] + arguments)
        try #require(result.status == 0, "git \(arguments): \(result.message)")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// A TCP socket listening on 127.0.0.1, to see whether anything connected.
final class Listener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound && listen(fd, 16) == 0)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }

    /// Whether a connection is waiting (one was made and not refused).
    var wasContacted: Bool {
        let client = accept(descriptor, nil, nil)
        if client >= 0 { close(client) }
        return client >= 0
    }
}

/// A listening Unix-domain socket at a path, as ssh-agent makes one.
final class UnixSocket {
    private var descriptor: Int32

    init(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        descriptor = fd
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0, "bind \(path): \(String(cString: strerror(errno)))")
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }
}
