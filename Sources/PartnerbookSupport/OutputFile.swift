import Foundation
import PartnerbookModel

/// A file the build writes: what it is, its path below the output folder
/// (`OutputPaths`) and its bytes.
package struct OutputFile: Sendable {
    package var kind: DocumentKind
    package var path: String
    package var data: Data

    package init(_ kind: DocumentKind, _ path: String, _ text: String) {
        self.init(kind, path: path, data: Data(text.utf8))
    }

    package init(_ kind: DocumentKind, path: String, data: Data) {
        self.kind = kind
        self.path = path
        self.data = data
    }
}
