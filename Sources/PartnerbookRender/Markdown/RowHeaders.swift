/// cmark-gfm writes every cell of a table's body as `<td>`. In every table
/// the documents print, the first column names its row (a metric, a role,
/// a gate, a partner), so that cell becomes `<th scope="row">`: a screen
/// reader then says which row a value belongs to. Header rows are `<th>`
/// already, so the pattern `<tr>` followed by `<td` only occurs in a body.
enum RowHeaders {
    static let rowStart = "<tr>\n<td"
    static let cellEnd = "</td>"

    /// `body` given the HTML in `bytes` (cmark-gfm's output, read in place)
    /// with each body row's first cell a row header: the bytes themselves
    /// when no table has a body row, else a copy with the cells changed.
    static func mark<Result>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard var row = ByteText.firstIndex(of: rowStart, in: bytes, from: 0) else { return body(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var start = 0
        while true {
            out += bytes[start..<row]
            out += "<tr>\n<th scope=\"row\"".utf8
            let cell = row + rowStart.utf8.count
            // The cell up to its end, which becomes </th>.
            guard let end = ByteText.firstIndex(of: cellEnd, in: bytes, from: cell) else {
                start = cell
                break
            }
            out += bytes[cell..<end]
            out += "</th>".utf8
            start = end + cellEnd.utf8.count
            guard let next = ByteText.firstIndex(of: rowStart, in: bytes, from: start) else { break }
            row = next
        }
        out += bytes[start...]
        return out.withUnsafeBufferPointer(body)
    }
}
