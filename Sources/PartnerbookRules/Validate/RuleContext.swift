import PartnerbookModel
import PartnerbookSupport
/// What every rule may read besides the partner: program settings and the as-of date.
public struct RuleContext: Sendable {
    public var program: Program
    public var asOf: Day
    /// The partner's signed texts from git history, to say what changed since a
    /// stale signature (looked up by the pipeline); nil: not searched.
    public var signedTexts: SignedTexts?
    /// What OpenSSH said about the partner's SSH signatures (checked by the
    /// pipeline); nil: not checked.
    public var sshVerifications: SSHVerifications?
    /// The partner's signature state (its fingerprint computed), when the
    /// pipeline has it already; nil: the signature rules compute it.
    public var signatures: SignatureState?
    /// The partner's KPI readings, when the pipeline has assessed the
    /// partner for its documents already; nil: the rules compute them.
    public var readings: [KPIReading]?
    /// What every charter shares and signs, with the charter template's hash.
    public var frame: CharterFrame

    /// `frame`: the program's, with the hash of the charter template in use;
    /// without one (tests of the rules alone), the program's with no template.
    public init(program: Program, asOf: Day, frame: CharterFrame? = nil, signedTexts: SignedTexts? = nil,
                sshVerifications: SSHVerifications? = nil) {
        self.program = program
        self.asOf = asOf
        self.frame = frame ?? program.charterFrame(template: "")
        self.signedTexts = signedTexts
        self.sshVerifications = sshVerifications
    }

    /// This context for one partner, with its signed texts and its SSH signatures' verification.
    public func with(_ texts: SignedTexts?, ssh: SSHVerifications? = nil, signatures: SignatureState? = nil,
                      readings: [KPIReading]? = nil) -> RuleContext {
        var copy = self
        copy.signedTexts = texts
        copy.sshVerifications = ssh
        copy.signatures = signatures
        copy.readings = readings
        return copy
    }

    /// Every metric's readings, the assessment's when there is one (computed once per partner).
    public func readings(of partner: Partner) -> [KPIReading] {
        readings ?? KPIReading.readings(for: partner, asOf: asOf)
    }
}

/// Collects one partner's findings; rules call `report`.
public struct Findings {
    public let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(_ partner: Partner) {
        file = partner.file
    }

    mutating func report(_ rule: Rule, at position: SourcePosition, _ message: String, severity: Severity? = nil) {
        diagnostics.append(Diagnostic(rule, file: file, at: position, message, severity: severity))
    }
}

/// A family of related rules about one partner.
public protocol PartnerRules: Sendable {
    /// The rules it checks, with their documentation.
    static var rules: [RuleInfo] { get }
    static func check(_ partner: Partner, _ context: RuleContext, into findings: inout Findings)
}

/// The first position that is known, walking from the most specific outwards.
public func firstPosition(_ candidates: SourcePosition?...) -> SourcePosition {
    candidates.lazy.compactMap { $0 }.first ?? .start
}
