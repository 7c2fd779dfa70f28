import Foundation
import PartnerbookModel

/// A file the build writes: what it is, its path below the output folder
/// (`OutputPaths`) and its bytes.
///
/// A file made as text keeps its texts and is written from them: its bytes
/// are the texts' UTF-8 one after another. The home page at 100,000
/// partners is 140 MB of cards, and the data files tens of megabytes each;
/// copied into one buffer before writing, each was held twice while it was
/// written.
public struct OutputFile: Sendable {
    public var kind: DocumentKind
    public var path: String
    private var content: Content

    private enum Content: Sendable {
        case bytes(Data)
        case texts([String])
    }

    public init(_ kind: DocumentKind, _ path: String, _ text: String) {
        self.init(kind, path: path, texts: [text])
    }

    public init(_ kind: DocumentKind, path: String, data: Data) {
        self.kind = kind
        self.path = path
        content = .bytes(data)
    }

    /// A file whose bytes are those of `texts`, one after another.
    public init(_ kind: DocumentKind, path: String, texts: [String]) {
        self.kind = kind
        self.path = path
        content = .texts(texts)
    }

    /// The file's bytes (a file made of texts is put together on asking).
    public var data: Data {
        get {
            switch content {
            case .bytes(let data): return data
            case .texts(let texts):
                var data = Data(capacity: byteCount)
                for text in texts { data.append(utf8: text) }
                return data
            }
        }
        set { content = .bytes(newValue) }
    }

    /// How many bytes the file holds.
    public var byteCount: Int {
        switch content {
        case .bytes(let data): return data.count
        case .texts(let texts): return texts.reduce(0) { $0 + $1.utf8.count }
        }
    }

    /// Hands the file's bytes to `take` in order, a piece at a time, without
    /// putting them together.
    public func forEachPiece(_ take: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        switch content {
        case .bytes(let data):
            try data.withUnsafeBytes { try take($0) }
        case .texts(let texts):
            for var text in texts {
                try text.withUTF8 { try take(UnsafeRawBufferPointer($0)) }
            }
        }
    }
}
