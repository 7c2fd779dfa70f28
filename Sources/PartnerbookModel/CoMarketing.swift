/// The co-marketing checklist, in three stages.
package struct CoMarketing: Sendable {
    package var at: SourcePosition
    package var preLaunch: ChecklistStage?
    package var launch: ChecklistStage?
    package var postLaunch: ChecklistStage?

    package var stages: [ChecklistStage] { [preLaunch, launch, postLaunch].compactMap { $0 } }

    package init(at: SourcePosition, preLaunch: ChecklistStage? = nil, launch: ChecklistStage? = nil, postLaunch: ChecklistStage? = nil) {
        self.at = at
        self.preLaunch = preLaunch
        self.launch = launch
        self.postLaunch = postLaunch
    }
}

package enum Stage: String, CaseIterable, Sendable {
    case preLaunch = "pre_launch"
    case launch
    case postLaunch = "post_launch"

    /// The items of each stage, in the playbook's order.
    package var items: [String] {
        switch self {
        case .preLaunch:
            ["value_prop", "case_study", "integration_validated", "sales_enablement",
             "support_trained", "marketplace_listing"]
        case .launch:
            ["press_release", "blog_posts", "webinar", "social", "sales_briefed", "customer_comms"]
        case .postLaunch:
            ["adoption_tracked", "support_triaged", "case_study_published", "pipeline_measured",
             "qbr_scheduled"]
        }
    }
}

package struct ChecklistStage: Sendable {
    package var stage: Stage
    package var at: SourcePosition
    /// Items as written, in file order.
    package var items: [ChecklistItem] = []

    package func state(of item: String) -> ItemState? {
        items.first { $0.name == item }?.state.value
    }

    package init(stage: Stage, at: SourcePosition, items: [ChecklistItem] = []) {
        self.stage = stage
        self.at = at
        self.items = items
    }
}

package struct ChecklistItem: Sendable {
    package var name: String
    package var at: SourcePosition
    package var state: Located<ItemState>

    package init(name: String, at: SourcePosition, state: Located<ItemState>) {
        self.name = name
        self.at = at
        self.state = state
    }
}
