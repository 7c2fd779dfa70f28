/// How a Markdown table row reads to GitHub: the cells it splits into.
package enum MarkdownTable {
    /// The `|` that split cells: not escaped, not inside code.
    package static func unescapedPipes(_ line: String) -> Int {
        var count = 0, escaped = false, inCode = false
        for c in line {
            if c == "`" && !escaped { inCode.toggle() }
            if c == "|" && !escaped && !inCode { count += 1 }
            escaped = c == "\\" && !escaped
        }
        return count
    }
}
