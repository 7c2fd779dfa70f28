import Foundation
import PartnerbookModel
import PartnerbookSupport

/// The head of an HTTP/1.x request as `serve` accepts it, parsed from bytes
/// with no I/O (the fuzz target drives it).
///
/// Accepted: `GET` or `HEAD`, an origin-form target (`/path?query`), and a
/// `Host` that is this server and nothing else (`127.0.0.1:PORT`,
/// `localhost:PORT`, `[::1]:PORT`): a web page elsewhere cannot read the
/// preview through DNS rebinding, since its requests carry its own host
/// name. Refused: control bytes anywhere in the head (a CR or LF that is not
/// a line end, NUL, DEL), a missing or second `Host`, and heads too long.
package struct RequestHead: Equatable, Sendable {
    /// The path as sent, percent-decoded, without the query; a trailing slash is kept.
    package var path: String
    package var method: String

    package enum Rejection: Error, Equatable, Sendable {
        /// 400: not a request this server understands.
        case malformed(String)
        /// 421: a Host header that is not this server.
        case misdirected(String)
        /// 405: a method other than GET or HEAD.
        case method(String)

        package var status: (code: Int, reason: String) {
            switch self {
            case .malformed: (400, "Bad Request")
            case .misdirected: (421, "Misdirected Request")
            case .method: (405, "Method Not Allowed")
            }
        }
    }

    /// Largest request head read; a preview request is a few hundred bytes.
    package static let maxBytes = 16 * 1024

    /// The Host values this server answers to on `port`.
    package static func allowedHosts(port: UInt16) -> Set<String> {
        ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
    }

    /// Where the head ends (after CR LF CR LF), if it has ended.
    package static func end(of bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    package static func parse(_ head: [UInt8], port: UInt16) -> Result<RequestHead, Rejection> {
        guard head.count <= maxBytes else { return .failure(.malformed("request head too long")) }
        // Every byte is printable ASCII or UTF-8, or a CR LF line end: no bare CR or LF, no NUL or DEL.
        var index = 0
        while index < head.count {
            let byte = head[index]
            if byte == 13 {
                guard index + 1 < head.count, head[index + 1] == 10 else { return .failure(.malformed("a CR without LF")) }
                index += 2
                continue
            }
            if byte == 10 { return .failure(.malformed("a LF without CR")) }
            if (byte < 0x20 && byte != 9) || byte == 0x7F { return .failure(.malformed("a control byte in the request head")) }
            index += 1
        }
        guard let text = String(bytes: head, encoding: .utf8) else { return .failure(.malformed("not UTF-8")) }
        var lines = text.components(separatedBy: "\r\n")
        while lines.last == "" { lines.removeLast() }
        guard let requestLine = lines.first else { return .failure(.malformed("empty request")) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            return .failure(.malformed("not an HTTP/1.x request line"))
        }
        let method = String(parts[0])
        guard method == "GET" || method == "HEAD" else { return .failure(.method(method)) }
        let target = String(parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        guard target.hasPrefix("/"), let path = target.removingPercentEncoding,
              !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return .failure(.malformed("not an origin-form target"))
        }
        var hosts: [String] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }) else {
                return .failure(.malformed("a header line without a name"))
            }
            if line[..<colon].lowercased() == "host" {
                hosts.append(line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t")))
            }
        }
        guard hosts.count == 1, let host = hosts.first else {
            return .failure(hosts.isEmpty ? .misdirected("no Host header") : .malformed("more than one Host header"))
        }
        guard allowedHosts(port: port).contains(host.lowercased()) else { return .failure(.misdirected(host)) }
        return .success(RequestHead(path: path, method: method))
    }
}
