import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

@main
struct Partnerbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnerbook",
        abstract: "Keep a B2B partner program as code: validate it, render its charters, scorecards and QBR packets.",
        version: PartnerbookVersion.line,
        subcommands: [Check.self, Build.self, New.self, Record.self, ReviewCommand.self, CommitmentCommand.self, GateCommand.self, Fingerprint.self, Canonical.self, Sign.self, Verify.self, SignerCommand.self, Changes.self, Serve.self, Init.self, Templates.self, Schema.self, Explain.self, Docs.self]
    )
}
