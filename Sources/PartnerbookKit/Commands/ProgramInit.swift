import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// `partnerbook init [DIR]`: starts a program in DIR: `Content/program.yaml`
/// (commented), `Content/partners/` with one scaffold partner that `check`
/// flags until it is filled in, the editor schemas in `Content/.schemas/`,
/// a `.gitignore`, and a GitHub Actions workflow. Refuses to overwrite anything.
package enum ProgramInit {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package static let scaffoldID = "first-partner"
    package static let workflowPath = ".github/workflows/partnerbook.yml"

    /// Writes the program; returns the paths written, relative to `folder`.
    /// `commit`: the git commit the running binary was built from (the CLI
    /// embeds it at build time), which the CI workflow installs; nil writes
    /// `main` with a TODO.
    @discardableResult
    package static func create(in folder: URL, commit: String?) throws -> [String] {
        let fm = FileManager.default
        let content = ContentPaths.defaultFolder
        let files: [(String, String)] = [
            ("\(content)/\(ContentPaths.programFile)", programText),
            (".gitignore", gitignore),
            (workflowPath, workflow(commit: commit.flatMap { $0.count == 40 ? $0 : nil })),
        ]
        let partner = "\(content)/\(ContentPaths.partnersFolder)/\(scaffoldID).yaml"
        for path in files.map(\.0) + [partner] where fm.fileExists(atPath: folder.appendingPathComponent(path).path) {
            throw Failure(description: "\(folder.appendingPathComponent(path).relativePath) already exists; init starts a new program and overwrites nothing")
        }
        var written: [String] = []
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(path)
            }
            let contentURL = folder.appendingPathComponent(content)
            written += try NewPartner.writeSchemas(in: contentURL).map { "\(content)/\($0)" }
            try NewPartner.create(in: contentURL, id: scaffoldID, tier: nil)
            written.append(partner)
        } catch let failure as NewPartner.Failure {
            throw Failure(description: failure.description)
        } catch {
            throw Failure(description: "cannot write the program: \(error.localizedDescription)")
        }
        return written
    }

    static let programText = """
    # yaml-language-server: $schema=\(ContentSchema.folder)/\(ContentSchema.fileName(.program))
    # Your partner program, kept as code. `partnerbook check` validates it;
    # `partnerbook build` renders charters, scorecards, QBR packets and the site.
    # Replace every TODO, then run partnerbook check.

    name: TODO program name            # required
    company: TODO your company         # required: "us" in every document
    currency: USD                      # an ISO 4217 code; partner revenue is added up in it
    # as_of: 2027-01-15                # the date documents are generated for (default: today)
    # fiscal_year_start: 2             # a year starting in February: quarters are FY2027-Q1 (Feb-Apr 2026)

    # site:
    #   title: Our Partner Directory   # default: the program name
    #   base_url: https://partners.example.com/   # absolute links in sitemap.xml and the calendar

    # Who you are in law, and the terms every charter states under "Term and
    # exit": printed in every charter and part of what each signature covers.
    legal:
      entity: TODO your registered legal name
      address: TODO your registered address
      governing_law: TODO the law that governs each charter
      courts: TODO the courts that hear a dispute
      notices: TODO how notice is given, and to whom
      termination: TODO the notice to end it, what survives the end, what stays owed

    # Go/no-go bars, in percent: the playbook's defaults.
    gates:
      crawl_min_improvement: 20        # the crawl pilot's metric must improve this much
      walk_min_adoption: 70            # this share of invited customers must adopt during walk
      kpi_behind_pace: 25              # a dated metric this far behind its pace is flagged

    # Weights of the partner health score; they must sum to 100.
    scoring: { kpis: 40, gates: 20, commitment: 20, charter: 10, co_marketing: 10 }

    # Company revenue per quarter, from finance: partner revenue share is measured
    # against it (mark partner metrics with counts_toward: partner_revenue and a
    # period). Only quarters that have ended are judged. Inside { } a comma ends
    # a value: write 1000000 or 1_000_000, not 1,000,000.
    outcomes: []
    #  - { quarter: 2027-Q1, revenue: 1000000 }

    # Partner revenue in other currencies: how much of `currency` one unit is
    # worth, by default and, where finance closed a quarter at another rate, for it.
    # exchange_rates: { EUR: 1.08, 2027-Q1: { EUR: 1.07 } }

    # How `partnerbook record` reads your CRM's report: the column naming the
    # partner, and report columns that are metrics under other names.
    # record:
    #   partner_column: Partner Account Name
    #   columns: { "Sourced Revenue": sourced_revenue }
    #   locale: de                     # numbers written 38.250,00 and dates 14.01.2027

    # Program goals in percent: the playbook's "after" figures.
    targets: { partner_revenue_share: 35, active_partner_rate: 70 }

    """

    static let gitignore = """
    # Partnerbook writes these; CI builds and publishes them.
    /Output/
    /Public/
    .Output.cache
    .Public.cache
    .*.staging-*/
    .*.old-*/
    .*.spare-*/
    .*.trash-*/
    .*.lock

    """

    /// Pull requests: check with annotations on the changed lines.
    /// Main: build the internal site (kept as a workflow artifact) and publish
    /// the public partner directory to GitHub Pages.
    static func workflow(commit: String?) -> String { """
    # Written by partnerbook init. Pull requests: `partnerbook check` annotates
    # the changed lines and fails on any error or warning about the files
    # (--strict); notices about how partnerships are going (behind pace, a review
    # or a go/no-go overdue) are shown but never fail, since no pull request can
    # fix them. Main: build the internal site (a workflow artifact for the team)
    # and publish the public partner directory to GitHub Pages. GitHub Pages is
    # public: publish the internal site there only if your plan keeps Pages private.
    # The whole history is checked out (the redline of an amended charter reads
    # it), and the installed binary is cached by version, so a run compiles
    # Partnerbook once per version, not once per pull request.
    name: Partnerbook

    on:
      pull_request:
      push:
        branches: [main]
      workflow_dispatch:

    env:
      # Where your team keeps Partnerbook's source, and the version to use: the
      # commit the partnerbook that wrote this file was built from (a tag or a
      # branch works too).
      PARTNERBOOK_GIT: https://github.com/YOUR-ORG/partnerbook.git
      PARTNERBOOK_REF: \(commit ?? "main   # TODO: the commit or tag to install (this partnerbook was not built from a git checkout)")

    jobs:
      check:
        if: github.event_name == 'pull_request'
        runs-on: ubuntu-24.04
        permissions:
          contents: read
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          - name: The cmark-gfm library Partnerbook runs on
            run: |
              sudo apt-get update -qq
              sudo apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev
              echo "$HOME/.local/bin" >> "$GITHUB_PATH"
          - id: binary
            uses: actions/cache@v4
            with:
              path: ~/.local/bin/partnerbook
              key: partnerbook-${{ runner.os }}-${{ env.PARTNERBOOK_REF }}
          - name: Install Partnerbook (once per version)
            if: steps.binary.outputs.cache-hit != 'true'
            run: |
              git clone --quiet "$PARTNERBOOK_GIT" "$RUNNER_TEMP/partnerbook"
              git -C "$RUNNER_TEMP/partnerbook" checkout --quiet "$PARTNERBOOK_REF"
              "$RUNNER_TEMP/partnerbook/scripts/install" "$HOME/.local"
          - name: Check the program
            run: partnerbook check --format github --strict

      publish:
        if: github.event_name != 'pull_request'
        runs-on: ubuntu-24.04
        permissions:
          contents: read
          pages: write
          id-token: write
        environment:
          name: github-pages
          url: ${{ steps.deploy.outputs.page_url }}
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0
          - name: The cmark-gfm library Partnerbook runs on
            run: |
              sudo apt-get update -qq
              sudo apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev
              echo "$HOME/.local/bin" >> "$GITHUB_PATH"
          - id: binary
            uses: actions/cache@v4
            with:
              path: ~/.local/bin/partnerbook
              key: partnerbook-${{ runner.os }}-${{ env.PARTNERBOOK_REF }}
          - name: Install Partnerbook (once per version)
            if: steps.binary.outputs.cache-hit != 'true'
            run: |
              git clone --quiet "$PARTNERBOOK_GIT" "$RUNNER_TEMP/partnerbook"
              git -C "$RUNNER_TEMP/partnerbook" checkout --quiet "$PARTNERBOOK_REF"
              "$RUNNER_TEMP/partnerbook/scripts/install" "$HOME/.local"
          - name: Build the internal site
            run: partnerbook build --output Output
          - uses: actions/upload-artifact@v4
            with:
              name: partner-program-site
              path: Output
          - name: Build the public partner directory
            run: partnerbook build --public --output Public
          - uses: actions/upload-pages-artifact@v3
            with:
              path: Public
          - id: deploy
            uses: actions/deploy-pages@v4

    """ }
}
