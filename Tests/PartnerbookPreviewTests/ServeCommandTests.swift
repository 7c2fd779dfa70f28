import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PartnerbookKit
@testable import PartnerbookModel
@testable import PartnerbookSupport
@testable import PartnerbookLoad
@testable import PartnerbookRules
@testable import PartnerbookRender
@testable import PartnerbookOutput
@testable import PartnerbookPreview
import PartnerbookTestSupport

/// A running `partnerbook serve`: started on a free port (`--port 0`), which
/// it prints; requests are sent on raw sockets, so nothing normalises them
/// on the way (a client library would resolve `/../` before sending).
final class ServeProcess {
    let folder = TemporaryFolder()
    let process = Process()
    let log: URL
    private(set) var port: UInt16 = 0

    /// - Parameters:
    ///   - partners: partners beside `acme`, to make the first build take a while.
    ///   - ownTemplates: serve a copy of the templates in the folder (`templates/`), which a test may edit.
    ///   - whileFirstBuilding: run once the first build has made its staging folder (its templates are read by then).
    init(partners: Int = 0, ownTemplates: Bool = false, whileFirstBuilding: ((TemporaryFolder) -> Void)? = nil) throws {
        folder.write("content/program.yaml", Fixtures.program)
        folder.write("content/partners/acme.yaml", Fixtures.partner)
        for index in 0..<partners {
            folder.write("content/partners/p\(index).yaml", Fixtures.partner.replacingOccurrences(of: "Acme Cloud", with: "Partner \(index)"))
        }
        var templates = TestBuild.templates.path
        if ownTemplates {
            try FileManager.default.copyItem(at: TestBuild.templates, to: folder.url.appendingPathComponent("templates"))
            templates = "templates"
        }
        process.executableURL = Binary.url
        process.arguments = ["serve", "--port", "0", "--content", "content", "--templates", templates, "--output", "out"]
        process.currentDirectoryURL = folder.url
        log = folder.url.appendingPathComponent("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if let whileFirstBuilding {
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, process.isRunning,
                  !((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? []).contains(where: { $0.hasPrefix(".out.staging-") }) {
                Thread.sleep(forTimeInterval: 0.005)
            }
            whileFirstBuilding(folder)
        }
        // The port it bound, from the line it prints once serving.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, port == 0, process.isRunning {
            if let text = try? String(contentsOf: log, encoding: .utf8),
               let match = text.firstMatch(of: /on http:\/\/127\.0\.0\.1:([0-9]+)\//) {
                port = UInt16(match.1)!
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    /// A connected socket to the server.
    func connect() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    /// Sends `bytes` as they are and reads the whole answer (the server closes after one).
    func raw(_ bytes: [UInt8]) -> String {
        let fd = connect()
        defer { close(fd) }
        _ = bytes.withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
        var answer = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            answer += buffer[0..<n]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    func get(_ path: String, host: String? = nil) -> String {
        raw(Array("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\r\n".utf8))
    }

    /// Polls until `condition` holds on the answer to `path`, for at most `seconds`.
    func eventually(_ path: String, seconds: Double = 30, _ condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let answer = get(path)
            if condition(answer) { return answer }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }
}

/// `partnerbook serve` run as a process: it serves the build, rebuilds on a
/// change, shows a broken build's errors instead of the stale site, and
/// answers nobody but a browser on this machine.
@Suite(.serialized) struct ServeCommandTests {
    @Test func servesRebuildsAndShowsErrors() throws {
        let serve = try ServeProcess()
        try #require(serve.port != 0, "serve printed no port: \(serve.logText)")
        let home = serve.eventually("/") { $0.contains("<h1>") }
        #expect(home?.contains("/__partnerbook/reload.js") == true, "the page reloads itself; server log: \(serve.logText)")
        #expect(serve.get("/partners/acme/index.html").contains("<h1>Acme Cloud</h1>"))
        let version = serve.get("/__partnerbook/version")

        serve.folder.write("content/partners/acme.yaml",
                           Fixtures.partner.replacingOccurrences(of: "summary: A *good* partner.", with: "summary: Freshly edited."))
        #expect(serve.eventually("/partners/acme/index.html") { $0.contains("Freshly edited.") } != nil, "the change was not rebuilt")
        #expect(serve.eventually("/__partnerbook/version") { $0 != version } != nil)
        // A folder answers with its index.html; without its slash it redirects there, by a relative Location.
        #expect(serve.get("/partners/acme/").contains("<h1>Acme Cloud</h1>"))
        let redirect = serve.get("/partners/acme")
        #expect(redirect.hasPrefix("HTTP/1.1 301 Moved Permanently\r\n"))
        #expect(redirect.contains("\r\nLocation: /partners/acme/\r\n"))

        serve.folder.write("content/partners/acme.yaml", Fixtures.partner.replacingOccurrences(of: "tier: strategic", with: "tier: 9"))
        let broken = serve.eventually("/partners/acme/index.html") { $0.contains("The build has errors") }
        #expect(broken?.contains("content/partners/acme.yaml:2:1: error: tier must be") == true)
    }

    /// A file saved while the first build runs is a change the watcher sees:
    /// its first look at the folders is taken before that build. Here the
    /// rules page's template is edited once the build has read the templates
    /// (its staging folder exists), so only a rebuild can show the edit.
    @Test func aTemplateSavedDuringTheFirstBuildIsRebuilt() throws {
        let serve = try ServeProcess(partners: 40, ownTemplates: true) { folder in
            let path = folder.url.appendingPathComponent("templates/rules.html.mustache")
            let text = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
            try? ("<p>Saved during the first build.</p>\n" + text).write(to: path, atomically: true, encoding: .utf8)
        }
        try #require(serve.port != 0, "serve printed no port: \(serve.logText)")
        #expect(serve.eventually("/program/rules.html", seconds: 60) { $0.contains("Saved during the first build.") } != nil,
                "the template saved during the first build was not rebuilt; server log: \(serve.logText)")
    }

    @Test func onlyThisMachinesBrowserIsAnswered() throws {
        let serve = try ServeProcess()
        try #require(serve.port != 0, "serve printed no port: \(serve.logText)")
        #expect(serve.eventually("/") { $0.hasPrefix("HTTP/1.1 200") } != nil)
        for host in ["127.0.0.1:\(serve.port)", "localhost:\(serve.port)", "LOCALHOST:\(serve.port)", "[::1]:\(serve.port)"] {
            #expect(serve.get("/", host: host).hasPrefix("HTTP/1.1 200 OK"), "\(host)")
        }
        // DNS rebinding: a page on another name that resolves here carries its own Host.
        for host in ["attacker.example:\(serve.port)", "127.0.0.1", "localhost:1", "127.0.0.1:\(serve.port).evil.example"] {
            let answer = serve.get("/partners/acme/index.html", host: host)
            #expect(answer.hasPrefix("HTTP/1.1 421 Misdirected Request"), "\(host): \(answer.prefix(40))")
            #expect(!answer.contains("Acme Cloud"))
        }
        #expect(serve.raw(Array("GET / HTTP/1.1\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 421"), "no Host at all")
        // The redirect never echoes the Host; CR and LF in the head are refused, not echoed.
        #expect(serve.get("/partners", host: "evil.example").hasPrefix("HTTP/1.1 421"))
        let injected = serve.raw(Array("GET /partners HTTP/1.1\r\nHost: 127.0.0.1:\(serve.port)\rSet-Cookie: x=1\r\n\r\n".utf8))
        #expect(injected.hasPrefix("HTTP/1.1 400 Bad Request") && !injected.contains("Set-Cookie"))
        #expect(serve.raw(Array("GET /%0d%0aX:1 HTTP/1.1\r\nHost: 127.0.0.1:\(serve.port)\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 400"))
        #expect(serve.raw(Array("POST / HTTP/1.1\r\nHost: 127.0.0.1:\(serve.port)\r\n\r\n".utf8)).hasPrefix("HTTP/1.1 405"))
        // Traversal, sent as is.
        for path in ["/../../etc/passwd", "/partners/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/.partnerbook-manifest"] {
            #expect(serve.get(path).hasPrefix("HTTP/1.1 404 Not Found"), "\(path)")
        }
    }

    @Test func slowClientsNeitherStarveOthersNorStayOpen() throws {
        let serve = try ServeProcess()
        try #require(serve.port != 0, "serve printed no port: \(serve.logText)")
        #expect(serve.eventually("/") { $0.hasPrefix("HTTP/1.1 200") } != nil)
        // A hundred connections that never finish their request head.
        let slow = (0..<100).map { _ -> Int32 in
            let fd = serve.connect()
            _ = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1".utf8).withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, 0) }
            return fd
        }
        defer { for fd in slow { close(fd) } }
        let started = Date()
        #expect(serve.get("/").hasPrefix("HTTP/1.1 200 OK"), "a normal request is answered while they hang")
        #expect(Date().timeIntervalSince(started) < PreviewHTTP.headTimeout, "and at once, not after their timeout")
        // The server hangs up on them once the head timeout has passed: a read sees the end of the stream.
        var buffer = [UInt8](repeating: 0, count: 16)
        let closedAt = Date()
        let n = recv(slow[0], &buffer, buffer.count, 0)
        #expect(n == 0, "closed by the server")
        #expect(Date().timeIntervalSince(closedAt) < PreviewHTTP.headTimeout + 2)
    }

    /// The third review (9): a person's link in the output (`Output/mine ->
    /// /tmp/victim`) was followed and the file outside served.
    @Test func aLinkOutOfTheOutputIsNotServed() throws {
        let serve = try ServeProcess()
        try #require(serve.port != 0, "serve printed no port: \(serve.logText)")
        #expect(serve.eventually("/") { $0.hasPrefix("HTTP/1.1 200") } != nil)
        let victim = TemporaryFolder()
        victim.write("secret.txt", "the victim's secret")
        try FileManager.default.createSymbolicLink(atPath: serve.folder.url.appendingPathComponent("out/mine").path,
                                                   withDestinationPath: victim.url.path)
        try FileManager.default.createSymbolicLink(atPath: serve.folder.url.appendingPathComponent("out/secret.txt").path,
                                                   withDestinationPath: victim.url.appendingPathComponent("secret.txt").path)
        for path in ["/mine/secret.txt", "/secret.txt", "/mine/", "/mine"] {
            let answer = serve.get(path)
            #expect(answer.hasPrefix("HTTP/1.1 404"), "\(path): \(answer.prefix(40))")
            #expect(!answer.contains("the victim's secret"))
        }
        #expect(serve.get("/index.html").hasPrefix("HTTP/1.1 200"), "the output's own files are served")
    }

    /// The third review (9): 300 readers too slow to take a 2 MB file kept
    /// every connection busy (503 for all) for as long as they stayed.
    @Test func slowReadersAreCutOffAndOthersServed() throws {
        let serve = try ServeProcess()
        try #require(serve.port != 0, "serve printed no port: \(serve.logText)")
        #expect(serve.eventually("/") { $0.hasPrefix("HTTP/1.1 200") } != nil)
        let size = 4 << 20
        serve.folder.write("out/big.bin", Data(repeating: 0x61, count: size))
        let slow = (0..<(PreviewHTTP.maxConnections + 20)).map { _ -> Int32 in
            let fd = serve.connect()
            var small: Int32 = 1024
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            _ = Array("GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:\(serve.port)\r\n\r\n".utf8).withUnsafeBufferPointer {
                send(fd, $0.baseAddress, $0.count, 0)
            }
            return fd
        }
        defer { for fd in slow { close(fd) } }
        // Once the write timeout has passed, the server has hung up on them and answers others again.
        let served = serve.eventually("/", seconds: PreviewHTTP.writeTimeout + 10) { $0.hasPrefix("HTTP/1.1 200") }
        #expect(served != nil, "a normal request is answered again")
        // A slow reader that now reads gets less than the file, then the end: the server reset the connection.
        var buffer = [UInt8](repeating: 0, count: 65536)
        var received = 0
        let reading = Date()
        while Date().timeIntervalSince(reading) < 30 {
            let n = recv(slow[0], &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += n
        }
        #expect(received < size, "the response was cut off (\(received) of \(size) bytes)")
        #expect(Date().timeIntervalSince(reading) < 5, "and the connection is gone, not trickling")
    }
}

/// The request head parser on its own (the HTTP fuzz target drives it too).
@Suite struct RequestHeadTests {
    private func parse(_ text: String, port: UInt16 = 8080) -> Result<RequestHead, RequestHead.Rejection> {
        RequestHead.parse(Array(text.utf8), port: port)
    }

    @Test func aBrowsersRequestIsAccepted() {
        #expect(parse("GET /partners/acme/?x=1 HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\n\r\n")
                == .success(RequestHead(path: "/partners/acme/", method: "GET")))
        #expect(parse("HEAD /a%20b.html HTTP/1.0\r\nhost:127.0.0.1:8080\r\n\r\n") == .success(RequestHead(path: "/a b.html", method: "HEAD")))
    }

    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: evil.example:8080\r\n\r\n", "GET / HTTP/1.1\r\nHost: localhost:8081\r\n\r\n",
        "GET / HTTP/1.1\r\n\r\n",
    ])
    func otherHostsAreMisdirected(_ text: String) {
        guard case .failure(.misdirected) = parse(text) else { Issue.record("\(text)"); return }
    }

    @Test(arguments: [
        "GET / HTTP/1.1\nHost: localhost:8080\r\n\r\n", "GET / HTTP/1.1\r\nHost: localhost:8080\rX: y\r\n\r\n",
        "GET /\u{0}x HTTP/1.1\r\nHost: localhost:8080\r\n\r\n", "GET /%00 HTTP/1.1\r\nHost: localhost:8080\r\n\r\n",
        "GET http://evil/ HTTP/1.1\r\nHost: localhost:8080\r\n\r\n", "GET / HTTP/2\r\nHost: localhost:8080\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: localhost:8080\r\nHost: localhost:8080\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n",
    ])
    func malformedHeadsAreRefused(_ text: String) {
        guard case .failure(.malformed) = parse(text) else { Issue.record("\(text.debugDescription)"); return }
    }
}
