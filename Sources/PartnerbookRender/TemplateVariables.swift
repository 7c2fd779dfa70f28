import Synchronization

/// The variables each template receives, recorded while documents render
/// (`TemplateSet.observer`), for `docs/reference/templates.md`: what a
/// person editing a template can use, exactly as the renderer hands it over.
package final class TemplateVariables: Sendable {
    /// Per template, every variable path (`kpis[].name`) and the kinds of value seen there.
    private let seen = Mutex<[TemplateName: [String: Set<String>]]>([:])

    package init() {}

    func record(_ name: TemplateName, _ view: [String: Any]) {
        var paths: [String: Set<String>] = [:]
        Self.collect(view, path: "", into: &paths)
        seen.withLock { all in
            all[name, default: [:]].merge(paths) { $0.union($1) }
        }
    }

    static func collect(_ value: Any, path: String, into paths: inout [String: Set<String>]) {
        switch value {
        case let fields as [String: Any]:
            if !path.isEmpty { paths[path, default: []].insert("mapping") }
            for (key, field) in fields { collect(field, path: path.isEmpty ? key : path + "." + key, into: &paths) }
        case let fragment as Fragment:
            collect(fragment.fields(), path: path, into: &paths)
        case let items as [Any]:
            paths[path, default: []].insert("list")
            for item in items { collect(item, path: path + "[]", into: &paths) }
        case is Bool: paths[path, default: []].insert("yes/no")
        case is Int, is Double: paths[path, default: []].insert("number")
        case is String: paths[path, default: []].insert("text")
        default: paths[path, default: []].insert("value")
        }
    }

    /// One section per template, its variables in order (a list's item fields under it).
    package var markdown: String {
        let all = seen.withLock { $0 }
        var text = """
        # Template variables

        What each template in `Templates/` receives, recorded while the example program in `Content/`
        renders (a test fails when this page is stale; `partnerbook docs` regenerates it). A name
        followed by `[]` is a list: `{{#kpis}}…{{/kpis}}` repeats for each item, and inside it the
        item's fields are plain names (`{{name}}`). A yes/no value shows a section when true
        (`{{#draft}}…{{/draft}}`) and its inverse when false (`{{^draft}}…{{/draft}}`). A value that is
        missing (nil) is left out, so a variable missing for every partner of the example is not listed.
        Markdown templates (`*.md.mustache`) escape `{{name}}` for Markdown and insert `{{{name}}}` as
        written (prose fields are Markdown already); HTML templates escape for HTML.

        """
        for name in TemplateName.allCases {
            text += "\n## `\(name.rawValue).mustache`\n\n"
            guard let paths = all[name], !paths.isEmpty else {
                text += "Not rendered for the example program.\n"
                continue
            }
            text += "| variable | kind |\n|---|---|\n"
            for path in paths.keys.sorted() {
                text += "| `\(path)` | \(paths[path]!.sorted().joined(separator: " or ")) |\n"
            }
        }
        return text
    }
}
