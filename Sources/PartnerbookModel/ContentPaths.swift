/// Where things are in a content folder.
public enum ContentPaths {
    public static let programFile = "program.yaml"
    /// The content folder commands read unless told otherwise.
    public static let defaultFolder = "Content"
    public static let partnersFolder = "partners"

    /// `partners/ID.yaml`.
    public static func partnerFile(_ id: String) -> String { "\(partnersFolder)/\(id).yaml" }
}
