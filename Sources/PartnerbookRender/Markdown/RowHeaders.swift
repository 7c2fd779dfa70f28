/// cmark-gfm writes every cell of a table's body as `<td>`. In every table
/// the documents print, the first column names its row (a metric, a role,
/// a gate, a partner), so that cell becomes `<th scope="row">`: a screen
/// reader then says which row a value belongs to. Header rows are `<th>`
/// already, so the pattern `<tr>` followed by `<td` only occurs in a body.
enum RowHeaders {
    static let rowStart = Array("<tr>\n<td".utf8)
    static let cellEnd = Array("</td>".utf8)

    static func mark(_ html: String) -> String {
        guard ByteText.contains(html, "<tr>\n<td") else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var index = 0
        bytes.withUnsafeBufferPointer { buffer in
            func matches(_ pattern: [UInt8], at position: Int) -> Bool {
                guard position + pattern.count <= buffer.count else { return false }
                for offset in 0..<pattern.count where buffer[position + offset] != pattern[offset] { return false }
                return true
            }
            while index < buffer.count {
                guard matches(rowStart, at: index) else {
                    out.append(buffer[index])
                    index += 1
                    continue
                }
                out += Array("<tr>\n<th scope=\"row\"".utf8)
                index += rowStart.count
                // Copy the cell up to its end, which becomes </th>.
                while index < buffer.count, !matches(cellEnd, at: index) {
                    out.append(buffer[index])
                    index += 1
                }
                if index < buffer.count {
                    out += Array("</th>".utf8)
                    index += cellEnd.count
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
