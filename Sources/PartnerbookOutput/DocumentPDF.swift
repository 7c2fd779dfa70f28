import Foundation
import PartnerbookModel
import PartnerbookSupport

/// Prints documents that leave the company (charters and QBR packets) to PDF
/// with WeasyPrint (Debian package `weasyprint`), several at once.
///
/// Runs inside the staging folder, on the HTML the build just wrote, so the
/// PDF uses the same stylesheet (and the page size of `site.paper`) and lands
/// in the same atomic swap. `SOURCE_DATE_EPOCH` is set to the as-of date and
/// the PDF identifier to a value of the document (a charter's fingerprint),
/// so the same input gives the same bytes.
public struct DocumentPDF: Sendable {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
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

    let executable: URL

    /// Finds `weasyprint` on the PATH.
    public init() throws {
        guard let found = Executable.find("weasyprint") else { throw Missing() }
        executable = found
    }

    /// Writes each job's PDF beside its HTML, `parallel` at a time (`--jobs`,
    /// default the cores); returns the paths written. The first failure (in
    /// job order) is thrown.
    package func print(_ jobs: [Job], in folder: URL, asOf: Day,
                       parallel: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> [String] {
        let executable = self.executable
        let failures = Parallel.map(jobs, jobs: parallel) { job -> String? in
            DocumentPDF.run(executable, job, in: folder, asOf: asOf)
        }
        if let failure = failures.compactMap({ $0 }).first { throw OutputError(description: failure) }
        return jobs.map(\.pdf)
    }

    /// Runs WeasyPrint on one job; the error message, or nil when it printed.
    private static func run(_ executable: URL, _ job: Job, in folder: URL, asOf: Day) -> String? {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--quiet", "--pdf-identifier", job.identifier, folder.appendingPathComponent(job.html).path,
                             folder.appendingPathComponent(job.pdf).path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(asOf.ordinal * 86_400)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "WeasyPrint could not start for \(job.pdf): \(error.localizedDescription)" }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return "WeasyPrint failed on \(job.pdf): " + String(decoding: message, as: UTF8.self)
        }
        return nil
    }
}
