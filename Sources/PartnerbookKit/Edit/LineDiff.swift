import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput
/// A unified diff of an edit, for `record --dry-run`: the standard
/// library's difference of the lines, in hunks with three lines of context,
/// as `diff -u` prints them.
package struct LineDiff: Sendable {
    package var unified: String

    package init(before: String, after: String, path: String, context: Int = 3) {
        func lines(_ text: String) -> [String] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.hasSuffix("\n") { lines.removeLast() }
            return lines
        }
        let old = lines(before), new = lines(after)
        let edits = Edits(from: old, to: new)
        guard !edits.removed.isEmpty || !edits.inserted.isEmpty else {
            unified = ""
            return
        }
        // The edit script: each line kept, removed or added, with where it stands in each text.
        enum Op { case same, removed, added }
        var script: [(op: Op, old: Int, new: Int)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, edits.removed.contains(i) {
                script.append((.removed, i, j)); i += 1
            } else if j < new.count, edits.inserted.contains(j) {
                script.append((.added, i, j)); j += 1
            } else {
                script.append((.same, i, j)); i += 1; j += 1
            }
        }
        // Hunks: the changes with `context` kept lines around them; changes closer than twice that share a hunk.
        let changed = script.indices.filter { script[$0].op != .same }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...range.upperBound
            } else {
                hunks.append(range)
            }
        }
        var out = ["--- \(path)", "+++ \(path)"]
        for hunk in hunks {
            let steps = script[hunk]
            let oldCount = steps.filter { $0.op != .added }.count, newCount = steps.filter { $0.op != .removed }.count
            let first = steps.first!
            // As diff -u: a side with no lines in the hunk is numbered from the line before it.
            let oldStart = oldCount == 0 ? first.old : first.old + 1, newStart = newCount == 0 ? first.new : first.new + 1
            out.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for step in steps {
                switch step.op {
                case .same: out.append(" " + old[step.old])
                case .removed: out.append("-" + old[step.old])
                case .added: out.append("+" + new[step.new])
                }
            }
        }
        unified = out.joined(separator: "\n") + "\n"
    }
}
