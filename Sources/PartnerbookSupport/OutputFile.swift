import Foundation
import PartnerbookModel

/// A file the build writes: what it is, its path below the output folder
/// (`OutputPaths`) and its bytes.
public struct OutputFile: Sendable {
    public var kind: DocumentKind
    public var path: String
    public var data: Data

    public init(_ kind: DocumentKind, _ path: String, _ text: String) {
        self.init(kind, path: path, data: Data(text.utf8))
    }

    public init(_ kind: DocumentKind, path: String, data: Data) {
        self.kind = kind
        self.path = path
        self.data = data
    }
}
