import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules

/// `partnerbook verify [ID]`: every SSH signature checked with OpenSSH
/// against allowed_signers, one line each: who signed which fingerprint,
/// and with which key, or why it does not verify.
package struct VerifyRun: Sendable {
    package struct Line: Sendable, Equatable {
        package var partner: String
        package var text: String
        package var failed: Bool
    }

    package var lines: [Line] = []
    /// SSH signatures checked, and how many failed.
    package var checked = 0
    package var failures = 0
    /// The allowed-signers file used, or nil.
    package var allowedSigners: URL?

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package init(content: URL, id: String?, allowedSigners: URL?, asOf: Day) throws {
        var configuration = BuildConfiguration(content: content, asOf: asOf, today: asOf)
        configuration.allowedSigners = allowedSigners
        let input = try ProgramInput(configuration)
        self.allowedSigners = input.allowedSigners
        if let allowedSigners, input.allowedSigners == nil {
            throw Failure(description: "\(allowedSigners.path) cannot be read as an allowed-signers file")
        }
        let pipeline = PartnerPipeline(input)
        var names = pipeline.names.filter { $0.hasSuffix(".yaml") }
        if let id {
            guard names.contains("\(id).yaml") else {
                throw Failure(description: "no partner '\(id)': \(ContentPaths.partnerFile(id)) does not exist in the content folder")
            }
            names = ["\(id).yaml"]
        }
        let results = Parallel.map(names) { pipeline.run($0) }
        for result in results {
            guard let partner = result.partner else {
                lines.append(Line(partner: String(result.file.dropFirst(ContentPaths.partnersFolder.count + 1).dropLast(5)),
                                  text: "cannot be read; run partnerbook check", failed: true))
                failures += 1
                continue
            }
            let signatures = partner.signatures?.items ?? []
            let current = Fingerprint.of(partner, us: input.program.ourSide)
            var any = false
            for (index, signature) in signatures.enumerated() where signature.ssh != nil {
                any = true
                checked += 1
                let who = (signature.name?.value ?? "someone") + (signature.email.map { " <\($0.value)>" } ?? "")
                let side = signature.party?.value == .partner ? "the partner" : "us"
                let head = "\(who) for \(side) signed \(signature.fingerprint?.value ?? "no fingerprint")"
                switch result.sshVerifications[index] {
                case .verified(let key)?:
                    lines.append(Line(partner: partner.id, text: "\(head): verified with key \(key)", failed: false))
                case .failed(let reason)?:
                    lines.append(Line(partner: partner.id, text: "\(head): FAILED: \(reason)", failed: true))
                    failures += 1
                case nil:
                    let note = current == signature.fingerprint?.value ? ""
                        : ": an earlier text, which " + (result.signedTexts.lookups[signature.fingerprint?.value ?? ""].map {
                            if case .unavailable(let why) = $0 { return "cannot be found (\(why))" }
                            return "was not looked up"
                        } ?? "was not looked up (only each party's latest signature is)")
                    lines.append(Line(partner: partner.id, text: "\(head): NOT CHECKED\(note)", failed: true))
                    failures += 1
                }
            }
            if !any && id != nil {
                lines.append(Line(partner: partner.id, text: "no SSH signature (\(signatures.count) typed)", failed: false))
            }
        }
    }

    /// What `verify` prints.
    package var report: String {
        var out = lines.map { "\($0.partner): \($0.text)" }.joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        let source = allowedSigners.map { " against \($0.lastPathComponent)" } ?? " (no allowed_signers file)"
        out += failures == 0 ? "\(checked) SSH signature\(checked == 1 ? "" : "s") verified\(source)\n"
            : "\(failures) of \(checked) SSH signature\(checked == 1 ? "" : "s") did not verify\(source)\n"
        return out
    }
}
