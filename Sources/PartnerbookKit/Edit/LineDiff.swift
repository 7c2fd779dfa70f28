import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// A unified diff of an edit, for `record --dry-run`: the changed lines
/// between the common first and last lines, with three lines of context.
package struct LineDiff: Sendable {
    package var unified: String

    package init(before: String, after: String, path: String, context: Int = 3) {
        func lines(_ text: String) -> [String] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.hasSuffix("\n") { lines.removeLast() }
            return lines
        }
        let old = lines(before), new = lines(after)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        guard prefix < old.count || prefix < new.count, old != new else {
            unified = ""
            return
        }
        let start = max(0, prefix - context)
        let oldEnd = min(old.count, old.count - suffix + context), newEnd = min(new.count, new.count - suffix + context)
        var lines = ["--- \(path)", "+++ \(path)",
                     "@@ -\(start + 1),\(oldEnd - start) +\(start + 1),\(newEnd - start) @@"]
        lines += old[start..<prefix].map { " " + $0 }
        lines += old[prefix..<(old.count - suffix)].map { "-" + $0 }
        lines += new[prefix..<(new.count - suffix)].map { "+" + $0 }
        lines += old[(old.count - suffix)..<oldEnd].map { " " + $0 }
        unified = lines.joined(separator: "\n") + "\n"
    }
}
