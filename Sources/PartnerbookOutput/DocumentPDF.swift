import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookSystem

/// Prints documents that leave the company (charters and QBR packets) to PDF
/// with WeasyPrint (Debian package `weasyprint`), several at once.
///
/// Runs inside the staging folder, on the HTML the build just wrote, so the
/// PDF uses the same stylesheet (and the page size of `site.paper`) and lands
/// in the same atomic swap. `SOURCE_DATE_EPOCH` is set to the as-of date and
/// the PDF identifier to a value of the document (a charter's fingerprint),
/// so the same input gives the same bytes. Each PDF is tagged (PDF/UA-1:
/// a screen reader can read it, in order) and carries the page's title,
/// author and subject (`<meta name="author">`, `<meta name="description">`).
///
/// WeasyPrint is driven through its Python API with a URL fetcher of our
/// own (`fetcherScript`): it hands over only files inside the staging
/// folder (and `data:` URLs). Nothing is fetched from the network and no
/// file elsewhere on the machine reaches a PDF, whatever a page names.
package struct DocumentPDF: Sendable {
    package struct Missing: Error, CustomStringConvertible {
        package var description: String {
            "--pdf needs WeasyPrint, which is not installed (Debian: apt-get install weasyprint); nothing was written"
        }
    }

    /// One page to print: `partners/ID/charter.html` to `partners/ID/charter.pdf`.
    package struct Job: Sendable {
        package var html: String
        package var identifier: String
        package var pdf: String { String(html.dropLast(".html".count)) + ".pdf" }

        package init(html: String, identifier: String) {
            self.html = html
            self.identifier = identifier
        }
    }

    /// The Python that runs WeasyPrint (the one its `weasyprint` command names).
    let python: URL

    /// Finds `weasyprint` on the PATH and the Python it runs with.
    package init() throws {
        guard let command = Executable.find("weasyprint") else { throw Missing() }
        python = DocumentPDF.interpreter(of: command) ?? URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path) else { throw Missing() }
    }

    /// The interpreter a script's `#!` line names (`#!/usr/bin/python3`, or
    /// `#!/usr/bin/env python3` looked up on the PATH).
    static func interpreter(of script: URL) -> URL? {
        guard let data = try? BoundedFile.read(script.path, limit: 1 << 20, followLinks: true),
              let line = String(decoding: data.prefix(256), as: UTF8.self).split(separator: "\n").first,
              line.hasPrefix("#!") else { return nil }
        let words = line.dropFirst(2).split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        if first.hasSuffix("/env"), words.count > 1 { return Executable.find(words[1]) }
        return URL(fileURLWithPath: first)
    }

    /// Writes each job's PDF beside its HTML, in `parallel` WeasyPrint
    /// processes (`--jobs`, default the cores), each printing a share of the
    /// jobs; returns the paths written. The first failure (in job order) is thrown.
    package func print(_ jobs: [Job], in folder: URL, asOf: Day,
                       parallel: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [String] {
        guard !jobs.isEmpty else { return [] }
        let lanes = max(1, min(parallel, jobs.count))
        let shares = (0..<lanes).map { lane in stride(from: lane, to: jobs.count, by: lanes).map { jobs[$0] } }
        let python = self.python
        let failures = Parallel.map(shares, jobs: lanes) { share -> (Int, String)? in
            DocumentPDF.run(python, share, in: folder, asOf: asOf).map { failed in
                (jobs.firstIndex { $0.pdf == failed.pdf } ?? 0, failed.message)
            }
        }
        if let failure = failures.compactMap({ $0 }).min(by: { $0.0 < $1.0 }) { throw OutputError(description: failure.1) }
        return jobs.map(\.pdf)
    }

    /// Runs WeasyPrint on some jobs; the failed job and why, or nil when all printed.
    private static func run(_ python: URL, _ jobs: [Job], in folder: URL, asOf: Day) -> (pdf: String, message: String)? {
        var arguments = ["-c", fetcherScript, folder.path]
        for job in jobs {
            arguments += [folder.appendingPathComponent(job.html).path, folder.appendingPathComponent(job.pdf).path, job.identifier]
        }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(python, arguments, environment: ["SOURCE_DATE_EPOCH": String(asOf.ordinal * 86_400)],
                                        outputLimit: 1 << 20)
        } catch {
            return (jobs[0].pdf, "WeasyPrint could not start for \(jobs[0].pdf): \(error)")
        }
        guard result.status != 0 else { return nil }
        // The script names the job that failed on its first line.
        let text = String(decoding: result.errors, as: UTF8.self)
        let failed = jobs.first { text.contains("FAILED " + folder.appendingPathComponent($0.pdf).path) } ?? jobs[0]
        return (failed.pdf, "WeasyPrint failed on \(failed.pdf): " + text)
    }

    /// WeasyPrint with a URL fetcher confined to the folder given first: a
    /// `file:` URL is read only when the file it names really lies inside
    /// that folder (links resolved), a `data:` URL is decoded, anything else
    /// (http, https, ftp, a file elsewhere) is refused and left out of the
    /// page. Then triples of HTML file, PDF file and PDF identifier.
    static let fetcherScript = #"""
    import logging, mimetypes, os, sys, urllib.parse, urllib.request
    from weasyprint import HTML, default_url_fetcher
    logging.getLogger('weasyprint').addHandler(logging.NullHandler())
    logging.getLogger('weasyprint').propagate = False
    root = os.path.realpath(sys.argv[1])
    LIMIT = 8 << 20
    def fetch(url, timeout=10, ssl_context=None):
        if url.startswith('data:'):
            return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
        parts = urllib.parse.urlsplit(url)
        if parts.scheme == 'file' and parts.netloc in ('', 'localhost'):
            real = os.path.realpath(urllib.request.url2pathname(parts.path))
            if real.startswith(root + os.sep) and os.path.isfile(real):
                fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
                with os.fdopen(fd, 'rb') as source:
                    data = source.read(LIMIT + 1)
                if len(data) <= LIMIT:
                    return {'string': data, 'redirected_url': url, 'mime_type': mimetypes.guess_type(real)[0]}
        raise ValueError('partnerbook prints only files of the output; not fetched: ' + url[:200])
    jobs = sys.argv[2:]
    for index in range(0, len(jobs), 3):
        source, target, identifier = jobs[index:index + 3]
        try:
            HTML(filename=source, url_fetcher=fetch).write_pdf(target, identifier=identifier, variant='pdf/ua-1')
        except Exception as error:
            sys.stderr.write('FAILED ' + target + ': ' + str(error) + '\n')
            sys.exit(1)
    """#
}
