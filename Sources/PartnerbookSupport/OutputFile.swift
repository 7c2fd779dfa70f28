import Foundation
import PartnerbookModel

/// A file the build writes: its path below the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    package init(_ path: String, _ text: String) {
        self.init(path: path, data: Data(text.utf8))
    }

    package init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

