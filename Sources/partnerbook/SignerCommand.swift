import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

/// `partnerbook signer …`: who may sign charters with which SSH key.
struct SignerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signer",
        abstract: "Manage Content/allowed_signers: whose SSH key may sign charters for which email.",
        version: PartnerbookVersion.line,
        subcommands: [Add.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append one checked line to Content/allowed_signers: EMAIL may sign charters with the key in KEY.pub.",
            discussion: """
            KEY.pub must hold exactly one public key on one line (OpenSSH must read it as a key); EMAIL must be one \
            address. Only the key's type and base64 are written, after the email and the charter namespace, so \
            nothing else in the file reaches allowed_signers. Warns when a partner's key is added for our own email \
            domain, or when the key is already allowed for someone else.
            """,
            version: PartnerbookVersion.line
        )

        @Argument(help: "The signer's email: the principal their signatures are checked for (their party's signatory email).")
        var email: String

        @Argument(help: "The signer's public key file (KEY.pub).")
        var key: String

        @Option(help: "Whose signer this is: us or partner.")
        var party: Party

        @Option(name: .long, help: "The program's content folder.")
        var content = "Content"

        func run() throws {
            try ContentFolder.require(content)
            do {
                let outcome = try SignerAdd.add(email: email, keyFile: URL(fileURLWithPath: key), party: party,
                                                content: URL(fileURLWithPath: content), today: .today)
                for warning in outcome.warnings {
                    FileHandle.standardError.write(Data("partnerbook: warning: \(warning)\n".utf8))
                }
                print("added to \(content)/allowed_signers: \(email) may sign charters with key \(outcome.keyFingerprint)")
            } catch let failure as SignerAdd.Failure {
                FileHandle.standardError.write(Data("partnerbook: \(failure.description)\n".utf8))
                throw Exit.contentErrors
            } catch {
                throw Exit.fail("\(error)")
            }
        }
    }
}
