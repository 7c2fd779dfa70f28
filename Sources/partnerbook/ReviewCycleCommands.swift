import ArgumentParser
import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport

extension GateDecision: ExpressibleByArgument {}

/// What the review-cycle commands share: the content folder, the as-of date, a dry run, and how an outcome prints.
struct CycleOptions: ParsableArguments {
    @Option(name: .long, help: "The program's content folder.")
    var content = "Content"

    @Option(name: .customLong("as-of"), help: "The day a review held without --date is dated (default: as_of in program.yaml, else today).")
    var asOf: String?

    @Flag(name: .customLong("dry-run"), help: "Print the change and write nothing.")
    var dryRun = false

    func validate() throws {
        if let asOf, Day(asOf) == nil { throw ValidationError("--as-of must be a date written YYYY-MM-DD, got '\(asOf)'") }
    }

    /// Runs one edit of partner ID's file and prints what changed.
    func run(_ action: ReviewCycle.Action, id: String) throws {
        try ContentFolder.require(content)
        let outcome: ReviewCycle.Outcome
        do {
            outcome = try ReviewCycle.apply(action, to: id, content: URL(fileURLWithPath: content), asOf: asOf.flatMap(Day.init),
                                            today: .today, dryRun: dryRun)
        } catch let failure as ReviewCycle.Failure {
            FileHandle.standardError.write(Data("partnerbook: \(failure.description); nothing was written\n".utf8))
            throw Exit.contentErrors
        } catch {
            throw Exit.fail("\(error)")
        }
        let path = (content.hasSuffix("/") ? content : content + "/") + outcome.file
        print(outcome.changed ? "\(dryRun ? "would update" : "updated") \(path): \(outcome.summary)" : "\(path): \(outcome.summary)")
        if dryRun && outcome.changed { print(LineDiff(before: outcome.before, after: outcome.after, path: path).unified, terminator: "") }
    }
}

/// `partnerbook review plan|hold`.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Plan a partner's next review, or mark one held with its decisions and risks (the partner file is edited in place).",
        version: PartnerbookVersion.line,
        subcommands: [Plan.self, Hold.self]
    )

    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a planned review: its period and date.",
            discussion: """
            The period is the one after the partner's latest review (its first: the quarter, or for a partner \
            reviewed monthly the month, the date falls in), or --period. Every other byte of the file stays as it \
            was; planning the same review twice changes nothing.
            """,
            version: PartnerbookVersion.line
        )

        @Argument(help: "The partner's ID.") var id: String
        @Option(help: "The meeting's date, YYYY-MM-DD.") var date: String
        @Option(help: "The period the review covers: YYYY-Qn (or FYyyyy-Qn with a fiscal year), or YYYY-MM for a monthly partner.")
        var period: String?
        @OptionGroup var options: CycleOptions

        func validate() throws {
            if Day(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
        }

        func run() throws { try options.run(.plan(date: Day(date)!, period: period), id: id) }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a review held (dated the day it was held) and add its decisions and risks.",
            discussion: """
            A review planned for a later day is dated --date (default: --as-of, as_of in program.yaml, else \
            today); one not in the file yet is added. Each --risk needs an --owner, in order. A decision or risk \
            already written is not added twice.
            """,
            version: PartnerbookVersion.line
        )

        @Argument(help: "The partner's ID.") var id: String
        @Argument(help: "The review's period: YYYY-Qn (FYyyyy-Qn with a fiscal year) or YYYY-MM.") var period: String
        @Option(help: "The day it was held, YYYY-MM-DD.") var date: String?
        @Option(name: .customLong("decision"), help: "A decision taken (repeatable).") var decisions: [String] = []
        @Option(name: .customLong("risk"), help: "A risk raised (repeatable; each with an --owner).") var risks: [String] = []
        @Option(name: .customLong("owner"), help: "Who owns the --risk before it (repeatable).") var owners: [String] = []
        @OptionGroup var options: CycleOptions

        func validate() throws {
            if let date, Day(date) == nil { throw ValidationError("--date must be a date written YYYY-MM-DD, got '\(date)'") }
            guard risks.count == owners.count else {
                throw ValidationError("each --risk needs an --owner (\(risks.count) risk\(risks.count == 1 ? "" : "s"), \(owners.count) owner\(owners.count == 1 ? "" : "s"))")
            }
        }

        func run() throws {
            let entries = zip(risks, owners).map { ReviewCycle.RiskEntry(risk: $0.0, owner: $0.1) }
            try options.run(.hold(period: period, date: date.flatMap(Day.init), decisions: decisions, risks: entries), id: id)
        }
    }
}

/// `partnerbook commitment done`.
struct CommitmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment",
        abstract: "Record a delivered commitment (the partner file is edited in place).",
        version: PartnerbookVersion.line,
        subcommands: [Done.self]
    )

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a commitment a review made as done: (done) before its text, in the latest review that lists it.",
            discussion: "TEXT is the commitment's text, or enough of it to name one (case and spacing ignored).",
            version: PartnerbookVersion.line
        )

        @Argument(help: "The partner's ID.") var id: String
        @Argument(help: "The commitment, or a part of its text that names only it.") var text: String
        @OptionGroup var options: CycleOptions

        func run() throws { try options.run(.commitmentDone(text: text), id: id) }
    }
}

/// `partnerbook gate ID crawl|walk`.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Record a phase's result and go/no-go in the partner file's phases (edited in place).",
        discussion: """
        crawl takes --result (and --baseline) on the crawl metric; walk takes --adopted (and --invited); both \
        take --decision go, no-go or pending. The crawl metric a review records already feeds the crawl gate \
        when no result is written; --result overrides it.
        """,
        version: PartnerbookVersion.line
    )

    enum GatePhase: String, ExpressibleByArgument, CaseIterable {
        case crawl, walk
    }

    @Argument(help: "The partner's ID.") var id: String
    @Argument(help: "crawl or walk.") var phase: GatePhase
    @Option(help: "crawl: the crawl metric's result.") var result: Double?
    @Option(help: "crawl: the crawl metric's baseline.") var baseline: Double?
    @Option(help: "walk: customers invited.") var invited: Int?
    @Option(help: "walk: customers who adopted.") var adopted: Int?
    @Option(help: "go, no-go or pending.") var decision: GateDecision?
    @OptionGroup var options: CycleOptions

    func validate() throws {
        switch phase {
        case .crawl where invited != nil || adopted != nil:
            throw ValidationError("--invited and --adopted are the walk gate's; the crawl gate takes --result and --baseline")
        case .walk where result != nil || baseline != nil:
            throw ValidationError("--result and --baseline are the crawl gate's; the walk gate takes --adopted and --invited")
        default:
            if result == nil && baseline == nil && invited == nil && adopted == nil && decision == nil {
                throw ValidationError("nothing to record: give \(phase == .crawl ? "--result" : "--adopted") or --decision")
            }
        }
    }

    func run() throws {
        try options.run(.gate(phase: phase == .crawl ? .crawl : .walk, result: result, baseline: baseline, invited: invited,
                              adopted: adopted, decision: decision), id: id)
    }
}
