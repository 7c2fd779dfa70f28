import Foundation
import PartnerbookModel
import PartnerbookSupport

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
        // A folder asked for without its slash: send the browser to the folder, as static hosts do
        // (a relative Location: nothing of the request is echoed into it but the path checked above).
        guard safe else { return .notFound }
        let file = output.appendingPathComponent(relative).path
        var info = stat()
        guard !relative.isEmpty, lstat(file, &info) == 0 else { return .notFound }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            return PreviewHTTP.Response(status: 301, reason: "Moved Permanently",
                                        headers: [("Location", "/" + relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/")])
        }
        // Only regular files of the output (no links out of it, no pipes), within the size a page can have.
        guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= maxFileBytes,
              let data = FileManager.default.contents(atPath: file) else {
            return .notFound
        }
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
