import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules

extension Party: ExpressibleByArgument {}

struct Fingerprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the charter fingerprint of a partner: sha256: and 64 hex digits.",
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func run() throws {
        try ContentFolder.require(content)
        do {
            print(try Signer.fingerprint(contentFolder: URL(fileURLWithPath: content), id: id))
        } catch let failure as Signer.Failure where !failure.diagnostics.isEmpty {
            let report = DiagnosticReport(diagnostics: failure.diagnostics, partnerCount: 1, strict: false)
            FileHandle.standardError.write(Data(report.render(.text, pathPrefix: content).utf8))
            throw Exit.contentErrors
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Append a signature with the current fingerprint to a partner file, leaving the rest of the file as it was.",
        discussion: """
        Refuses when the charter has errors (other than signature findings), and when the party's latest \
        signature already covers this exact charter. A party whose signature went stale signs again: the new \
        entry supersedes the old one, which stays in the file as history.
        """,
        version: PartnerbookVersion.line
    )

    @Argument(help: "The partner ID.")
    var id: String

    @Option(help: "Who signs: us or partner.")
    var party: Party

    @Option(help: "The signer's name.")
    var name: String

    @Option(help: "The signer's title.")
    var title: String

    @Option(help: "The signing date, YYYY-MM-DD (default: today in UTC).")
    var date: String?

    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    func validate() throws {
        if let date, Day(date) == nil {
            throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'")
        }
    }

    func run() throws {
        try ContentFolder.require(content)
        let day = date.flatMap(Day.init) ?? .today
        do {
            let outcome = try Signer.sign(contentFolder: URL(fileURLWithPath: content), id: id, party: party,
                                          name: name, title: title, date: day, asOf: day)
            if let old = outcome.superseded {
                print("superseded the stale signature of \(old.name?.value ?? "unnamed") (\(old.date.map { "\($0.value)" } ?? "undated"))")
            }
            print("signed \(content)/\(outcome.file) for \(party.rawValue) as \(name), \(day): \(outcome.fingerprint)")
        } catch let failure as Signer.Failure {
            if !failure.diagnostics.isEmpty {
                let report = DiagnosticReport(diagnostics: failure.diagnostics, partnerCount: 1, strict: false)
                FileHandle.standardError.write(Data(report.render(.text, pathPrefix: content).utf8))
            }
            FileHandle.standardError.write(Data("partnerbook: \(failure.description)\n".utf8))
            throw failure.diagnostics.isEmpty ? Exit.ioFailure : Exit.contentErrors
        } catch {
            throw Exit.fail("\(error)")
        }
    }
}
