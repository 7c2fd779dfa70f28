import FlyingSocks
import Foundation

/// The least HTTP/1.1 `serve` needs: GET requests on 127.0.0.1, one response
/// per connection, then close. Sockets come from FlyingSocks; the request
/// line and headers are read here (see the README for why not FlyingFox's
/// HTTP layer: it links FoundationNetworking, which a statically linked
/// binary cannot carry without libcurl at run time).
final class PreviewHTTP: @unchecked Sendable {
    struct Request {
        /// The path as sent, percent-decoded, without the query; a trailing slash is kept.
        var path: String
        var host: String?
    }

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

        var bytes: Data {
            var head = "HTTP/1.1 \(status) \(reason)\r\n"
            for (name, value) in headers + [("Content-Length", String(body.count)), ("Connection", "close")] {
                head += "\(name): \(value)\r\n"
            }
            return Data((head + "\r\n").utf8) + body
        }
    }

    /// Largest request head read; a preview request is a few hundred bytes.
    static let maxHead = 64 * 1024

    private let socket: Socket

    /// Listens on 127.0.0.1:`port`.
    init(port: UInt16) throws {
        socket = try Socket(domain: AF_INET, type: .stream)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: .inet(ip4: "127.0.0.1", port: port))
        try socket.listen()
    }

    /// Accepts connections forever on a thread of its own; each is answered on another.
    func serve(_ handle: @escaping @Sendable (Request) -> Response) {
        let listener = socket
        let thread = Thread {
            while true {
                guard let (file, _) = try? listener.accept() else { continue }
                let client = Socket(file: file)
                DispatchQueue.global().async {
                    defer { try? client.close() }
                    guard let request = PreviewHTTP.read(client) else {
                        _ = try? client.write(Response(status: 400, reason: "Bad Request").bytes)
                        return
                    }
                    let response = handle(request)
                    var data = response.bytes
                    var sent = data.startIndex
                    while sent < data.endIndex, let next = try? client.write(data, from: sent) { sent = next }
                    data.removeAll()
                }
            }
        }
        thread.start()
    }

    /// Reads the request head and parses `GET /path HTTP/1.x` and the Host header.
    static func read(_ client: Socket) -> Request? {
        var head = [UInt8]()
        let end: [UInt8] = [13, 10, 13, 10]
        while head.count < maxHead {
            guard let chunk = try? client.read(atMost: 4096), !chunk.isEmpty else { return nil }
            head += chunk
            if head.count >= 4, (0...(head.count - 4)).contains(where: { Array(head[$0..<$0 + 4]) == end }) { break }
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3, parts[0] == "GET" || parts[0] == "HEAD", parts[2].hasPrefix("HTTP/1.") else { return nil }
        let target = parts[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        guard let path = target.removingPercentEncoding, path.hasPrefix("/") else { return nil }
        let host = lines.dropFirst().first { $0.lowercased().hasPrefix("host:") }.map { String($0.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        return Request(path: path, host: host)
    }
}
