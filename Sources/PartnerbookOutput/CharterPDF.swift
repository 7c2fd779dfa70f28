import Foundation
import PartnerbookModel
import PartnerbookSupport

/// Prints charters to PDF with WeasyPrint (Debian package `weasyprint`).
///
/// Runs inside the staging folder, on the charter HTML the build just wrote,
/// so the PDF uses the same stylesheet and lands in the same atomic swap.
/// `SOURCE_DATE_EPOCH` is set to the as-of date and the PDF identifier to the
/// charter fingerprint, so the same input gives the same bytes.
public struct CharterPDF: Sendable {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "--pdf needs WeasyPrint, which is not installed (Debian: apt-get install weasyprint); nothing was written"
        }
    }

    let executable: URL

    /// Finds `weasyprint` on the PATH.
    public init() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let found = path.split(separator: ":").map({ URL(fileURLWithPath: String($0)).appendingPathComponent("weasyprint") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { throw Missing() }
        executable = found
    }

    /// Writes `partners/ID/charter.pdf` beside each charter; returns the paths written.
    package func print(charters: [(id: String, fingerprint: String)], in folder: URL, asOf: Day) throws -> [String] {
        var written: [String] = []
        for charter in charters {
            let html = folder.appendingPathComponent("partners/\(charter.id)/charter.html")
            let pdf = "partners/\(charter.id)/charter.pdf"
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--quiet", "--pdf-identifier", String(charter.fingerprint.suffix(32)), html.path,
                                 folder.appendingPathComponent(pdf).path]
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = String(asOf.ordinal * 86_400)
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw OutputError(description: "WeasyPrint failed on \(pdf): " + String(decoding: message, as: UTF8.self))
            }
            written.append(pdf)
        }
        return written
    }
}
