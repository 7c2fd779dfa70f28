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
    /// SSH signatures checked (each party's latest), how many failed, and
    /// how many earlier ones a party's later signature superseded (never failures).
    package var checked = 0
    package var failures = 0
    package var superseded = 0
    /// The allowed-signers file used, or nil.
    package var allowedSigners: URL?

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package init(_ configuration: BuildConfiguration, id: String?) throws {
        let input = try ProgramInput(configuration)
        self.allowedSigners = input.allowedSigners
        if let allowedSigners = configuration.allowedSigners, input.allowedSigners == nil {
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
                lines.append(Line(partner: result.id, text: "cannot be read; run partnerbook check", failed: true))
                failures += 1
                continue
            }
            let signatures = partner.signatures?.items ?? []
            let state = SignatureState(partner, frame: input.frame)
            var any = false
            for (index, signature) in signatures.enumerated() where signature.ssh != nil {
                any = true
                let who = (signature.name?.value ?? "someone") + (signature.email.map { " <\($0.value)>" } ?? "")
                let side = signature.party?.value == .partner ? "the partner" : "us"
                let form = signature.form == .one ? " (form 1)" : ""
                let head = "\(who) for \(side) signed \(signature.fingerprint?.value ?? "no fingerprint")\(form)"
                // A party's earlier signature, given again since: history, never a failure.
                if let later = signatures[(index + 1)...].last(where: { $0.party?.value == signature.party?.value }) {
                    superseded += 1
                    let again = "superseded: \(later.name?.value ?? "the party") signed again" + (later.date.map { " on \($0.value)" } ?? "")
                    let outcome: String
                    switch result.sshVerifications[index] {
                    case .verified(let key)?: outcome = "; it verified with key \(key)"
                    case .failed(let reason)?: outcome = "; it does not verify (\(reason))"
                    case .unbound(_, let reason)?: outcome = "; not bound to its signer (\(reason))"
                    case nil: outcome = "; the earlier text was not checked"
                    }
                    lines.append(Line(partner: partner.id, text: "\(head): \(again)\(outcome)", failed: false))
                    continue
                }
                checked += 1
                switch result.sshVerifications[index] {
                case .verified(let key)?:
                    // Authentic, over the text it signed; `check` says the charter changed since (signature.stale).
                    let earlier = state.covers(signature) ? "" : " (over an earlier text: the charter changed since it was signed)"
                    lines.append(Line(partner: partner.id, text: "\(head): verified with key \(key)\(earlier)", failed: false))
                case .failed(let reason)?:
                    lines.append(Line(partner: partner.id, text: "\(head): FAILED: \(reason)", failed: true))
                    failures += 1
                case .unbound(let key, let reason)?:
                    lines.append(Line(partner: partner.id, text: "\(head): FAILED: key \(key) verified, but \(reason)", failed: true))
                    failures += 1
                case nil:
                    let note = state.covers(signature) ? ""
                        : ": an earlier text, which " + (result.signedTexts.lookups[signature.fingerprint?.value ?? ""].map {
                            if case .unavailable(let why) = $0 { return "cannot be found (\(why))" }
                            return "was not looked up"
                        } ?? "was not looked up")
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
        let earlier = superseded == 0 ? "" : "; \(superseded) superseded by a later signature of the same party, not counted"
        out += failures == 0 ? "\(checked) SSH signature\(checked == 1 ? "" : "s") verified\(source)\(earlier)\n"
            : "\(failures) of \(checked) SSH signature\(checked == 1 ? "" : "s") did not verify\(source)\(earlier)\n"
        return out
    }
}
