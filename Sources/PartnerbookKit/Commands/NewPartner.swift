import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook new ID`: a partner file with every section, explained, and
/// `TODO` placeholders that `check` reports (`content.placeholder`) until filled in.
/// Its first line points the YAML language server at the partner schema in
/// the content folder's `.schemas/`, which it writes when missing.
package enum NewPartner {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Writes `partners/ID.yaml` under the content folder and returns its URL.
    /// Refuses invalid IDs and existing files.
    @discardableResult
    package static func create(in contentFolder: URL, id: String, tier: Tier?) throws -> URL {
        guard PartnerID.isValid(id) else {
            throw Failure(description: "'\(id)' is not a valid partner ID: use lowercase letters, digits and dashes, starting with a letter or digit")
        }
        let folder = contentFolder.appendingPathComponent(ContentPaths.partnersFolder)
        let file = folder.appendingPathComponent("\(id).yaml")
        let fm = FileManager.default
        if fm.fileExists(atPath: file.path) || (try? fm.destinationOfSymbolicLink(atPath: file.path)) != nil {
            throw Failure(description: "\(file.relativePath) already exists; not overwriting it")
        }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            // `withoutOverwriting` closes the race between the check above and the write.
            try Data(text(tier: tier).utf8).write(to: file, options: .withoutOverwriting)
            try writeSchemas(in: contentFolder)
        } catch {
            throw Failure(description: "cannot write \(file.relativePath): \(error.localizedDescription)")
        }
        return file
    }

    /// Writes the JSON Schemas into `.schemas/` of the content folder, each
    /// only when missing; returns the paths written, relative to the content folder.
    @discardableResult
    package static func writeSchemas(in contentFolder: URL) throws -> [String] {
        let fm = FileManager.default
        let folder = contentFolder.appendingPathComponent(ContentSchema.folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for kind in ContentSchema.Kind.allCases {
            let url = folder.appendingPathComponent(ContentSchema.fileName(kind))
            guard !fm.fileExists(atPath: url.path) else { continue }
            try Data(ContentSchema.json(kind).utf8).write(to: url, options: .withoutOverwriting)
            written.append("\(ContentSchema.folder)/\(ContentSchema.fileName(kind))")
        }
        return written
    }

    /// The scaffold. Every value a person must choose starts with `TODO`.
    package static func text(tier: Tier?) -> String {
        let tierLine = tier.map { "tier: \($0.rawValue)" } ?? "tier: TODO integration | partnership | strategic"
        return """
        # yaml-language-server: $schema=../\(ContentSchema.folder)/\(ContentSchema.fileName(.partner))
        # Partner file written by `partnerbook new`. Replace every TODO, then run
        # `partnerbook check`: it reports each placeholder still left.

        name: TODO partner name
        \(tierLine)           # integration (1) | partnership (2) | strategic (3)
        status: prospect      # prospect | crawl | walk | run | ended
        listed: false         # true: shown in the public directory once in walk or run
        # aliases: [ Partner Inc. ]   # other names CRM exports use for them (partnerbook record)
        summary: >
          TODO one paragraph: who they are and why this partnership matters.

        # Inputs of the tier decision tree.
        profile:
          engineering_resources: false   # can they build on our public API by themselves?
          marquee: false                 # is this a logo that shifts our positioning?

        contacts:
          us: { name: TODO our lead, title: TODO title, email: TODO@example.com }
          partner: { name: TODO their lead, title: TODO title, email: TODO@example.com }
          sponsors: { us: TODO our executive sponsor, partner: TODO their executive sponsor }

        # Should we build or partner? (optional)
        # decision: { core_to_differentiation: false, roadmap_delay_months: 9, partner_needs_us: true }

        # What happens to the partner if this partnership does not happen?
        leverage:
          type: TODO requirement | economic | competitive | customer | co-marketing
          evidence: TODO the fact that shows the leverage

        # Economic skin in the game: spend, revenue share, engineering time.
        commitments:
          us:
            - TODO what we commit
          partner:
            - TODO what the partner commits
          if_it_fails:
            us: TODO what we lose if it fails
            partner: TODO what the partner loses if it fails

        # Who the partner is in law: printed in the charter and signed.
        legal:
          entity: TODO the partner's registered legal name
          address: TODO the partner's registered address

        charter:
          effective: TODO YYYY-MM-DD   # the day the charter takes effect
          term: TODO how long it runs and how it renews
          # agreement: the contract it sits under (an MSA, a reseller agreement), if any
          goals:
            us: TODO what success looks like for us
            partner: TODO what success looks like for the partner
            customers: TODO what success looks like for shared customers
          value_exchange:
            we_give:
              - TODO engineering time, co-marketing, revenue share
            partner_gives:
              - TODO distribution, credibility, co-investment
            balance: TODO would both sides still do this if the other walked?
          timeline:
            crawl:
              start: TODO YYYY-MM-DD
              end: TODO YYYY-MM-DD     # 4 to 8 weeks after start
              scope: TODO one or two pilot customers, lightweight integration
              deliverables:
                - TODO deliverable
              metric: TODO the outcome the pilot must improve by 20% or more
            walk:
              start: TODO YYYY-MM-DD   # after crawl ends
              end: TODO YYYY-MM-DD     # 8 to 12 weeks after start
              deliverables:
                - TODO formal integration, launch, sales enablement
            run:
              start: TODO YYYY-MM-DD   # after walk ends
          measurement:
            metrics:
              - id: TODO_metric_id
                name: TODO metric name
                unit: TODO unit
                target: TODO number
                direction: up          # up | down
                weight: 1
                # due: YYYY-MM-DD      # when the target is due: judged against the pace
                # baseline: 0          # where it starts (default: the first reading)
                # counts_toward: partner_revenue   # adds to the program's partner revenue; then also:
                # period: quarter      # what one reading covers: quarter | month | to_date (a running total)
                #                      # and unit: a currency code (another than the program's needs exchange_rates)
            tracking: TODO dashboard, reports, reviews
            review_cadence: quarterly  # monthly | quarterly
          governance:
            owners: { us: TODO our decision owner, partner: TODO their decision owner }
            escalation:
              - TODO first step when the owners disagree
            exit_criteria:
              - TODO what would end the partnership

        # Pilot results, filled in as each phase ends.
        # phases:
        #   crawl: { pilot_customers: [ ], baseline: 0, result: 0, direction: down, decision: pending }
        #   walk:  { invited: 0, adopted: 0, decision: pending }
        #   run:   { invested: 0, returned: 0, decision: pending }   # the ROI gate

        # done | pending | n/a
        co_marketing:
          pre_launch: { value_prop: pending, case_study: pending, integration_validated: pending, sales_enablement: pending, support_trained: pending, marketplace_listing: pending }
          launch: { press_release: pending, blog_posts: pending, webinar: pending, social: pending, sales_briefed: pending, customer_comms: pending }
          post_launch: { adoption_tracked: pending, support_triaged: pending, case_study_published: pending, pipeline_measured: pending, qbr_scheduled: pending }

        # One entry per review (quarter: YYYY-Qn, or month: YYYY-MM when reviewed
        # monthly). Write the next one ahead (its period, a future date,
        # objectives): until its date it is planned, and it prepares the packet
        # and our brief; `partnerbook record` fills its numbers before the meeting.
        reviews: []

        # Who signs for each side, when not the executive sponsors. Part of what
        # is signed; a signature's email must be its party's signatory's.
        # signatories:
        #   us: { name: Your Name, title: Your Title, email: you@example.com }
        #   partner: { name: Their Name, title: Their Title, email: them@example.com }

        # Added by `partnerbook sign`.
        signatures: []

        """
    }
}
