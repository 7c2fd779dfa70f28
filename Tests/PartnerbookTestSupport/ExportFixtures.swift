import Foundation

extension Fixtures {
    /// Pipewell CRM, a partner paid in euros whose invoices call it "Pipewell
    /// Inc.", with a win rate in percent and no review yet: the second
    /// partner of the export tests.
    package static let pipewell = signed(partnerBody.components(separatedBy: "reviews:")[0]
        .replacingOccurrences(of: "name: Acme Cloud", with: "name: Pipewell CRM\naliases: [ Pipewell Inc. ]")
        .replacingOccurrences(of: "{ id: revenue, name: Revenue, unit: USD, target: 400000, direction: up, weight: 2 }",
                              with: "{ id: revenue, name: Revenue, unit: EUR, target: 400000, direction: up, weight: 2 }\n      - { id: win_rate, name: Win rate, unit: \"%\", target: 35 }"),
        id: "pipewell")

    /// A content folder with the fixture ("acme", Acme Cloud, in dollars) and Pipewell.
    package static func exportContent(program: String = program) -> TemporaryFolder {
        TemporaryFolder.content(["acme": partner + "\n", "pipewell": pipewell], program: program)
    }

    /// The export files written for the record tests, in the shapes CRMs and finance tools write them.
    package static let exports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PartnerbookKitTests/Record/Exports")
}
