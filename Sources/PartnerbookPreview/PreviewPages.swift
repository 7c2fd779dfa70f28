import Foundation
import PartnerbookModel
import PartnerbookOutput
import PartnerbookSupport
import PartnerbookSystem

/// Responses of the preview server: files from the output folder (HTML pages
/// get the reload script), or the error page while the build is broken.
enum PreviewPages {
    static let reloadScript = """
    (function () {
      var seen = null;
      function poll() {
        fetch("/__partnerbook/version", { cache: "no-store" })
          .then(function (r) { return r.text(); })
          .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; })
          .catch(function () {})
          .then(function () { setTimeout(poll, 700); });
      }
      poll();
    })();
    """

    static let tag = "<script src=\"/__partnerbook/reload.js\"></script>"

    /// Largest file served: the build's biggest pages are a few megabytes.
    static let maxFileBytes = 64 << 20

    static let types = ["html": "text/html; charset=utf-8", "css": "text/css", "js": "text/javascript",
                        "svg": "image/svg+xml", "md": "text/markdown; charset=utf-8", "xml": "application/xml",
                        "pdf": "application/pdf", "png": "image/png", "txt": "text/plain; charset=utf-8"]

    static func respond(to path: String, output: URL, state: PreviewState) -> PreviewHTTP.Response {
        var relative = path
        if relative.hasSuffix("/") { relative += "index.html" }
        relative = String(relative.drop { $0 == "/" })
        let isPage = relative.hasSuffix(".html")
        if isPage, let errors = state.errors {
            return .ok(Data(errorPage(errors).utf8), type: types["html"]!)
        }
        let safe = !relative.split(separator: "/").contains(where: { $0 == ".." || $0.hasPrefix(".") })
        guard safe, !relative.isEmpty, let data = file(relative, in: output) else { return .notFound }
        if data.isFolder {
            // A folder asked for without its slash: send the browser to the folder, as static hosts do
            // (a relative Location: nothing of the request is echoed into it but the path checked above).
            return PreviewHTTP.Response(status: 301, reason: "Moved Permanently",
                                        headers: [("Location", "/" + relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/")])
        }
        guard let data = data.bytes else { return .notFound }
        let type = types[(relative as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        var body = data
        if isPage, var text = String(data: data, encoding: .utf8) {
            if let end = text.range(of: "</body>", options: .backwards) {
                text.insert(contentsOf: tag + "\n", at: end.lowerBound)
            } else {
                text += tag
            }
            body = Data(text.utf8)
        }
        return .ok(body, type: type)
    }

    /// What the output holds at `relative`: a folder, or a regular file's
    /// bytes (within the size limit). Reached through no link: a link a
    /// person put into the output (`Output/mine -> /tmp/elsewhere`) is never
    /// followed, so nothing outside the output folder is served.
    static func file(_ relative: String, in output: URL) -> (isFolder: Bool, bytes: Data?)? {
        guard let folder = try? OpenFolder(output.standardizedFileURL.path) else { return nil }
        if let info = folder.status(of: relative), info.isFolder { return (true, nil) }
        let fd = folder.open(relative, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.isRegularFile, Int(info.st_size) <= maxFileBytes,
              let data = try? BoundedFile.read(descriptor: fd, size: Int(info.st_size)) else { return nil }
        return (false, data)
    }

    static func errorPage(_ diagnostics: String) -> String {
        let escaped = diagnostics.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Build failed · partnerbook serve</title>
        <style>body{font-family:Helvetica,Arial,sans-serif;margin:2rem;color:#1a202c}pre{background:#fff5f5;border:1px solid #feb2b2;padding:1rem;white-space:pre-wrap}</style></head>
        <body>
        <h1>The build has errors</h1>
        <p>Nothing was rebuilt. Fix these and save; this page reloads by itself.</p>
        <pre>\(escaped)</pre>
        \(tag)
        </body>
        </html>
        """
    }
}
