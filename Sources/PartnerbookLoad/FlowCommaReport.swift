import PartnerbookModel
import PartnerbookSupport
/// `yaml.flow-comma`: inside `{ }`, a comma ends a value, so
/// `{ revenue: 6,200,000 }` reads as `revenue: 6` plus keys `200` and `000`,
/// and `{ title: Director, Partner Programs }` loses the end of the title.
/// Each run of entries written without a colon is one error at the entry it
/// most likely belongs to, quoting the whole text as written and the fix.
public enum FlowCommaReport {
    static func report(_ tree: YAMLTree, context: LoadContext) {
        for split in tree.splitItems {
            let items = split.items.map { YNode(tree: tree, index: $0) }
            let read = items.map { "'\($0.text ?? "")'" }.joined(separator: " and ")
            let whole = Trim.whitespace(split.text)
            let at = items.first.map(Fields.position(of:)) ?? .start
            context.report(.yamlFlowComma, at: at,
                           "\(whole) is inside [ ], where a comma ends an item: it reads as \(items.count) items, \(read); "
                               + "quote it to keep it one item: [ \(quoted(whole)) ]")
        }
        for comma in tree.flowCommas {
            let keys = comma.keys.map { YNode(tree: tree, index: $0) }
            let stray = keys.map { "'\($0.text ?? "")'" }.joined(separator: ", ")
            guard let ownerIndex = comma.owner, let text = comma.text,
                  let owner = YNode(tree: tree, index: ownerIndex).text else {
                let at = keys.first.map(Fields.position(of:)) ?? .start
                context.report(.yamlFlowComma, at: at,
                               "inside { }, \(stray) has no colon, so it is read as a key without a value; "
                                   + "write it as key: value, or quote the text it belongs to")
                continue
            }
            let at = Fields.position(of: YNode(tree: tree, index: ownerIndex))
            let whole = Trim.whitespace(text)
            let first = whole.split(separator: ",", maxSplits: 1).first.map { Trim.whitespace(String($0)) } ?? whole
            var fix = "quote the value: \(owner): \(quoted(whole))"
            if let digits = groupedNumber(whole) {
                fix = "write \(owner): \(digits) (or \(fix))"
            }
            context.report(.yamlFlowComma, at: at,
                           "\(owner): \(whole) is inside { }, where a comma ends a value: it reads as \(owner): \(first) "
                               + "and the key\(keys.count == 1 ? "" : "s") \(stray) with no value; \(fix)")
        }
    }

    /// `6,200,000` as `6200000`: digits grouped by commas (a sign and decimals allowed).
    static func groupedNumber(_ text: String) -> String? {
        let compact = text.filter { $0 != " " }
        let groups = compact.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1 else { return nil }
        var head = Substring(groups[0])
        if head.hasPrefix("-") || head.hasPrefix("+") { head = head.dropFirst() }
        let last = groups[groups.count - 1].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !head.isEmpty, head.count <= 3, head.allSatisfy(\.isASCIIDigit),
              groups.dropFirst().dropLast().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }),
              last[0].count == 3, last[0].allSatisfy(\.isASCIIDigit),
              last.count == 1 || (!last[1].isEmpty && last[1].allSatisfy(\.isASCIIDigit)) else { return nil }
        return compact.replacingOccurrences(of: ",", with: "")
    }
}
