/// A 1-based line and column in a content file.
package struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The top of a file: where diagnostics about the whole document point.
    package static let start = SourcePosition(line: 1, column: 1)

    package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    package var description: String { "\(line):\(column)" }
}

/// A value together with where it was written.
package struct Located<Value> {
    package var value: Value
    package var at: SourcePosition

    package init(_ value: Value, at: SourcePosition) {
        self.value = value
        self.at = at
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
extension Located: Sendable where Value: Sendable {}
