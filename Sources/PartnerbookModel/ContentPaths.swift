/// Where things are in a content folder.
package enum ContentPaths {
    package static let programFile = "program.yaml"
    /// The content folder commands read unless told otherwise.
    package static let defaultFolder = "Content"
    package static let partnersFolder = "partners"

    /// `partners/ID.yaml`.
    package static func partnerFile(_ id: String) -> String { "\(partnersFolder)/\(id).yaml" }
}
