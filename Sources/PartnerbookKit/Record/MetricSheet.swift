/// The rows of a metrics export: a partner, a metric and a value each, with
/// where they were written. Two shapes are read, told apart by the header:
///
/// - long: `partner,metric,value`, one value per row;
/// - wide: `partner,<metric id>,<metric id>,...`, one partner per row; an
///   empty cell records nothing.
struct MetricSheet {
    struct Entry {
        var partner: CSVTable.Field
        var metric: CSVTable.Field
        var value: CSVTable.Field
    }

    enum Shape: String {
        case long, wide
    }

    var shape: Shape
    var entries: [Entry]

    /// - Parameter problems: what is wrong with the header or a row, in file order.
    init(_ table: CSVTable, problems: inout [RecordProblem]) {
        entries = []
        guard let header = table.records.first else {
            shape = .long
            problems.append(RecordProblem(.header, at: .start, "the file has no header row: start with partner,metric,value or partner,<metric id>,..."))
            return
        }
        let names = header.map { Trim.whitespace($0.text).lowercased() }
        guard names.first == "partner" else {
            shape = .long
            problems.append(RecordProblem(.header, at: header[0].position,
                                          "the first column must be headed partner (a partner ID or its exact name), found '\(header[0].text)'"))
            return
        }
        shape = names == ["partner", "metric", "value"] ? .long : .wide
        if shape == .wide {
            guard names.count > 1 else {
                problems.append(RecordProblem(.header, at: header[0].position,
                                              "the header names no metric: use partner,metric,value or partner,<metric id>,..."))
                return
            }
            var seen: [String: SourcePosition] = [:]
            for field in header.dropFirst() {
                let name = Trim.whitespace(field.text)
                if name.isEmpty {
                    problems.append(RecordProblem(.header, at: field.position, "a column has no metric id in the header"))
                } else if let first = seen[name] {
                    problems.append(RecordProblem(.header, at: field.position, "metric '\(name)' has two columns; the first is at column \(first.column)"))
                } else {
                    seen[name] = field.position
                }
            }
        }
        for row in table.records.dropFirst() {
            guard row.count == header.count else {
                let at = row.count > header.count ? row[header.count].position : row[row.count - 1].position
                problems.append(RecordProblem(.syntax, at: at,
                                              "this row has \(row.count) field\(row.count == 1 ? "" : "s") but the header has \(header.count)"))
                continue
            }
            switch shape {
            case .long:
                entries.append(Entry(partner: row[0], metric: row[1], value: row[2]))
            case .wide:
                for (column, field) in row.enumerated().dropFirst() where !Trim.whitespace(field.text).isEmpty {
                    entries.append(Entry(partner: row[0], metric: header[column], value: field))
                }
            }
        }
    }

    /// A number as a spreadsheet exports it: digits with an optional sign,
    /// thousands separators (`,` every three digits, `_`, spaces), a decimal
    /// point, a currency symbol ($ € £ ¥) before or after, or accounting
    /// parentheses for a negative amount. Nil for anything else.
    static func number(_ raw: String) -> Double? {
        var text = Trim.whitespace(raw)
        var negative = false
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        text = String(text.unicodeScalars.filter { !" \u{00A0}\u{202F}_".unicodeScalars.contains($0) }.map(Character.init))
        if text.hasPrefix("-") || text.hasPrefix("+") {
            negative = negative != text.hasPrefix("-")
            text.removeFirst()
        }
        for symbol in ["$", "€", "£", "¥"] {
            if text.hasPrefix(symbol) { text.removeFirst(); break }
            if text.hasSuffix(symbol) { text.removeLast(); break }
        }
        if text.hasPrefix("-") && !negative {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
              parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)) else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }) else { return nil }
        guard let value = Double(groups.joined() + (parts.count == 2 ? "." + parts[1] : "")), value.isFinite else { return nil }
        return negative ? -value : value
    }
}
