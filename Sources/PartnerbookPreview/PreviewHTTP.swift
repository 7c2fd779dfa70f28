import FlyingSocks
import Foundation
import Synchronization
import PartnerbookModel
import PartnerbookSupport

/// The least HTTP/1.1 `serve` needs: GET and HEAD on 127.0.0.1, one
/// response per connection, then close. Sockets come from FlyingSocks; the
/// request head is read and checked here (`RequestHead`; see docs/documents.md for
/// why not FlyingFox's HTTP layer: it links FoundationNetworking, which a
/// statically linked binary cannot carry without libcurl at run time).
///
/// Hostile clients are bounded: each connection has its own thread and must
/// send its whole request head within `headTimeout` seconds (a read waits at
/// most that long, and the clock runs across reads) and take its response
/// within `writeTimeout` seconds, and at most
/// `maxConnections` are open at once; beyond that a connection is answered
/// 503 and closed at once. So a hundred connections that never finish their
/// head neither starve normal requests nor stay open.
final class PreviewHTTP: Sendable {
    struct Response {
        var status: Int
        var reason: String
        var headers: [(String, String)] = []
        var body = Data()

        static func ok(_ body: Data, type: String) -> Response {
            Response(status: 200, reason: "OK", headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: body)
        }

        static let notFound = Response(status: 404, reason: "Not Found", headers: [("Content-Type", "text/plain; charset=utf-8")],
                                       body: Data("not found\n".utf8))

        static func refused(_ status: Int, _ reason: String) -> Response {
            Response(status: status, reason: reason, headers: [("Content-Type", "text/plain; charset=utf-8")],
                     body: Data("\(status) \(reason)\n".utf8))
        }

        func bytes(head: Bool = false) -> Data {
            var text = "HTTP/1.1 \(status) \(reason)\r\n"
            for (name, value) in headers + [("Content-Length", String(body.count)), ("Connection", "close")] {
                text += "\(name): \(value)\r\n"
            }
            return Data((text + "\r\n").utf8) + (head ? Data() : body)
        }
    }

    static let headTimeout = 5.0
    /// The most a response may take to send (a page of several megabytes
    /// leaves in milliseconds on this machine's loopback).
    static let writeTimeout = 10.0
    static let maxConnections = 256

    private let socket: Socket
    /// The port bound (the one asked for, or the system's choice for 0).
    let port: UInt16
    /// Connections open now.
    private let open = Mutex(0)

    /// Listens on 127.0.0.1:`port` (0: any free port).
    init(port: UInt16) throws {
        socket = try Socket(domain: AF_INET, type: .stream)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: .inet(ip4: "127.0.0.1", port: port))
        try socket.listen()
        if case .ip4(_, let bound) = try socket.sockname() { self.port = bound } else { self.port = port }
    }

    /// Accepts connections forever on a thread of its own; each is answered on a thread of its own.
    func serve(_ handle: @escaping @Sendable (RequestHead) -> Response) {
        let listener = socket
        let thread = Thread { [self] in
            var pause: useconds_t = 0
            while true {
                guard let (file, _) = try? listener.accept() else {
                    // A failure that persists (no descriptors left) is waited
                    // out, a little longer each time, instead of spun on.
                    pause = min(max(pause * 2, 1_000), 500_000)
                    usleep(pause)
                    continue
                }
                pause = 0
                let client = Socket(file: file)
                guard admit() else {
                    _ = try? client.write(Response.refused(503, "Service Unavailable").bytes())
                    try? client.close()
                    continue
                }
                let worker = Thread { [self] in
                    defer {
                        try? client.close()
                        leave()
                    }
                    answer(client, handle)
                }
                worker.stackSize = 256 * 1024
                worker.start()
            }
        }
        thread.start()
    }

    private func admit() -> Bool {
        open.withLock { open in
            guard open < PreviewHTTP.maxConnections else { return false }
            open += 1
            return true
        }
    }

    private func leave() { open.withLock { $0 -= 1 } }

    private func answer(_ client: Socket, _ handle: (RequestHead) -> Response) {
        let response: Response
        var isHead = false
        switch readHead(client) {
        case nil:
            return
        case .success(let request)?:
            isHead = request.method == "HEAD"
            response = handle(request)
        case .failure(let rejection)?:
            let status = rejection.status
            response = .refused(status.code, status.reason)
        }
        let data = response.bytes(head: isHead)
        // A reader as slow as a writer is bounded too: the whole response
        // must leave within `writeTimeout` seconds, or the connection is closed.
        let deadline = Date().addingTimeInterval(PreviewHTTP.writeTimeout)
        var sent = data.startIndex
        while sent < data.endIndex {
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let next = { PreviewHTTP.setTimeout(client, SO_SNDTIMEO, left); return try? client.write(data, from: sent) }() else {
                // Given up: the connection is reset, so what is still queued for it is freed at once.
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(client.file.rawValue, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            }
            sent = next
        }
    }

    /// A socket option that bounds each read or write to `seconds`.
    private static func setTimeout(_ client: Socket, _ option: Int32, _ seconds: Double) {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(client.file.rawValue, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The request head, within the size limit and the time limit; nil when the client gave up or ran out of time.
    private func readHead(_ client: Socket) -> Result<RequestHead, RequestHead.Rejection>? {
        let deadline = Date().addingTimeInterval(PreviewHTTP.headTimeout)
        var head = [UInt8]()
        while RequestHead.end(of: head) == nil {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            PreviewHTTP.setTimeout(client, SO_RCVTIMEO, left)
            guard let chunk = try? client.read(atMost: 4096), !chunk.isEmpty else { return nil }
            head += chunk
            if head.count > RequestHead.maxBytes { return .failure(.malformed("request head too long")) }
        }
        let end = RequestHead.end(of: head)!
        return RequestHead.parse(Array(head[..<end]), port: port)
    }
}
