/// The co-marketing checklist, in three stages.
public struct CoMarketing: Sendable {
    public var at: SourcePosition
    public var preLaunch: ChecklistStage?
    public var launch: ChecklistStage?
    public var postLaunch: ChecklistStage?

    public var stages: [ChecklistStage] { [preLaunch, launch, postLaunch].compactMap { $0 } }

    public init(at: SourcePosition, preLaunch: ChecklistStage? = nil, launch: ChecklistStage? = nil, postLaunch: ChecklistStage? = nil) {
        self.at = at
        self.preLaunch = preLaunch
        self.launch = launch
        self.postLaunch = postLaunch
    }
}

public enum Stage: String, CaseIterable, Sendable {
    case preLaunch = "pre_launch"
    case launch
    case postLaunch = "post_launch"

    /// The items of each stage, in the playbook's order.
    public var items: [String] {
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

public struct ChecklistStage: Sendable {
    public var stage: Stage
    public var at: SourcePosition
    /// Items as written, in file order.
    public var items: [ChecklistItem] = []

    public func state(of item: String) -> ItemState? {
        items.first { $0.name == item }?.state.value
    }

    public init(stage: Stage, at: SourcePosition, items: [ChecklistItem] = []) {
        self.stage = stage
        self.at = at
        self.items = items
    }
}

public struct ChecklistItem: Sendable {
    public var name: String
    public var at: SourcePosition
    public var state: Located<ItemState>

    public init(name: String, at: SourcePosition, state: Located<ItemState>) {
        self.name = name
        self.at = at
        self.state = state
    }
}
