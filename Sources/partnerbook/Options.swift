import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension DiagnosticFormat: ExpressibleByArgument {}

/// Options shared by the commands that read the content folder.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    @Option(name: .customLong("as-of"), help: "The date documents are generated for, YYYY-MM-DD (default: as_of in program.yaml, else today).")
    var asOf: String?

    @Option(help: "A templates folder whose files replace the built-in ones (default: Templates, when it exists). The charter template's hash is part of what a signature covers.")
    var templates: String?

    var contentURL: URL { URL(fileURLWithPath: content) }

    func validate() throws {
        if let asOf, Day(asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'")
        }
    }

    var asOfDay: Day? { asOf.flatMap(Day.init) }

    /// The configuration a command built from these options passes to the library.
    func configuration(output: String = "Output", strict: Bool = false) -> BuildConfiguration {
        var configuration = BuildConfiguration(content: contentURL, templates: URL(fileURLWithPath: templates ?? "Templates"),
                                               templatesDisplay: templates ?? "Templates", output: URL(fileURLWithPath: output),
                                               asOf: asOfDay, today: .today)
        configuration.templatesRequired = templates != nil
        configuration.strict = strict
        return configuration
    }
}

/// Options of the commands that print diagnostics.
struct ReportOptions: ParsableArguments {
    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Option(help: "How to print diagnostics: text, json or github.")
    var format: DiagnosticFormat = .text
}

/// The content folder, checked before a command reads it.
enum ContentFolder {
    /// Fails with where it looked, and how to start a program, when `path` is not a folder.
    static func require(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            throw Exit.fail("no content folder at \(path) (looked in \(absolute)); run partnerbook init to start a program there, or pass --content DIR")
        }
    }
}

enum Exit {
    /// The content has errors.
    static let contentErrors = ExitCode(1)
    /// The content folder or a file could not be read or written.
    static let ioFailure = ExitCode(2)

    /// Prints one clear line to standard error and gives the I/O exit code.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("partnerbook: \(message)\n".utf8))
        return ioFailure
    }
}

extension Day {
    /// Today's date in UTC: the last fallback for the as-of date.
    static var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
