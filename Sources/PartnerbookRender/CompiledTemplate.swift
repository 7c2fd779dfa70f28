import Foundation
import Mustache

/// A built-in template as swift-mustache parsed it, taken apart once into
/// nodes that fill the boxed views (`MustacheBox`) directly.
///
/// swift-mustache reads every value of a page through a row of protocol casts
/// (is it a template, a lambda, a custom renderable, a parent, a sequence, an
/// optional, a transformable?), splits each name at its dots again, copies the
/// context stack for every section item and joins the text token by token: at
/// ten thousand partners that was the largest part of a full build's CPU
/// (docs/performance.md, "Built-in templates compiled"). The boxed values can
/// only be text, flags, numbers, fragments, field tables and lists, so this
/// fills them with a switch on those types, names split once, one stack and one
/// output buffer of bytes.
///
/// The parse is swift-mustache's own (read from the parsed template's tokens),
/// so the standalone-line and whitespace rules are its rules. What this does
/// not do, a template that uses it is left to swift-mustache: set delimiters
/// are parsed away already, but lambdas, transforms other than the sequence
/// ones (`first()`, `last()`, `index()`, `even()`, `odd()`), indented partials,
/// blocks and parents, dynamic partials, and values escaped under the default
/// content type (every built-in template names its own). A person's own
/// template always goes through swift-mustache (`TemplateSet`), and a test
/// builds the example both ways and compares every byte.
struct CompiledTemplate: Sendable {
    /// What a name in a tag reads.
    enum Path: Sendable {
        /// `.`: the current item.
        case current
        /// `first()`, `last()`, `index()`, `even()`, `odd()`: where the item stands in its list.
        case sequence(String)
        /// `a.b`: `a` looked up from the innermost item outwards, then `b` inside it.
        case climb([String])
        /// `.a.b`: `a` in the current item only.
        case local([String])
    }

    /// How a value is escaped: the content types the built-in templates name.
    enum Escaping: Sendable {
        case html, markdown

        /// `text` escaped onto the end of `out`.
        func append(_ text: String, to out: inout [UInt8]) {
            switch self {
            case .html: HTMLEscaping.append(text, escapedTo: &out)
            case .markdown: MarkdownText.append(text, escapedTo: &out)
            }
        }
    }

    indirect enum Node: Sendable {
        case text(String)
        /// A value; `escaping` nil for `{{{triple}}}` and `{{&name}}`.
        case value(Path, escaping: Escaping?)
        case section(Path, [Node], inverted: Bool)
        case partial(String)
        case contentType(Escaping)
    }

    let nodes: [Node]
    /// The partials it names, which must be compiled too.
    let partials: Set<String>

    /// The template's nodes, or nil when it uses something listed above as left to swift-mustache.
    init?(_ template: MustacheTemplate) {
        var partials = Set<String>()
        guard let nodes = CompiledTemplate.nodes(of: template, escaping: nil, partials: &partials) else { return nil }
        self.nodes = nodes
        self.partials = partials
    }

    // MARK: Reading swift-mustache's tokens

    /// A template's tokens, read through `Mirror` once when the templates are
    /// loaded (the token type is internal to swift-mustache). Any token this
    /// does not recognise makes the whole template uncompiled.
    private static func nodes(of template: Any, escaping: Escaping?, partials: inout Set<String>) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") else { return nil }
        var escaping = escaping
        var nodes: [Node] = []
        for token in Mirror(reflecting: tokens).children {
            let mirror = Mirror(reflecting: token.value)
            guard mirror.displayStyle == .enum, let (label, payload) = mirror.children.first.map({ ($0.label, $0.value) }) else { return nil }
            var fields: [String: Any] = [:]
            for (index, field) in Mirror(reflecting: payload).children.enumerated() { fields[field.label ?? ".\(index)"] = field.value }
            switch label {
            case "text":
                guard let text = payload as? String else { return nil }
                nodes.append(.text(text))
            case "variable", "unescapedVariable":
                guard let name = fields["name"] as? String, let transforms = fields["transforms"] as? [String],
                      let path = path(name, transforms) else { return nil }
                if label == "variable" {
                    // The default content type (swift-mustache's own HTML escaping) is not reproduced.
                    guard let escaping else { return nil }
                    nodes.append(.value(path, escaping: escaping))
                } else {
                    nodes.append(.value(path, escaping: nil))
                }
            case "section", "invertedSection":
                guard let name = fields["name"] as? String, let transforms = fields["transforms"] as? [String],
                      let path = path(name, transforms), let inner = fields["template"],
                      let body = self.nodes(of: inner, escaping: escaping, partials: &partials) else { return nil }
                nodes.append(.section(path, body, inverted: label == "invertedSection"))
            case "partial":
                // Only a partial on a line of its own at the margin (or inline), with no blocks to inherit.
                guard let name = fields[".0"] as? String, isNilOrEmpty(fields["indentation"]), isNil(fields["inherits"]) else { return nil }
                partials.insert(name)
                nodes.append(.partial(name))
            case "contentType":
                switch payload {
                case is HTMLEscaping: escaping = .html
                case is MarkdownContentType: escaping = .markdown
                default: return nil
                }
                nodes.append(.contentType(escaping!))
            default:
                return nil
            }
        }
        return nodes
    }

    private static let sequenceTransforms: Set<String> = ["first", "last", "index", "even", "odd"]

    private static func path(_ name: String, _ transforms: [String]) -> Path? {
        if !transforms.isEmpty {
            guard name.isEmpty, transforms.count == 1, sequenceTransforms.contains(transforms[0]) else { return nil }
            return .sequence(transforms[0])
        }
        if name == "." { return .current }
        let parts = name.split(separator: ".").map(String.init)
        guard !parts.isEmpty else { return nil }
        return name.first == "." ? .local(parts) : .climb(parts)
    }

    /// A token field as it holds its value: an optional (read through `Mirror`,
    /// so as `Any`) unwrapped, nil when it is `none`.
    private static func unwrapped(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional ? mirror.children.first?.value : value
    }

    private static func isNil(_ value: Any?) -> Bool { unwrapped(value) == nil }

    private static func isNilOrEmpty(_ value: Any?) -> Bool {
        unwrapped(value).map { ($0 as? String)?.isEmpty == true } ?? true
    }
}

/// Fills compiled templates: the same text swift-mustache makes from them.
struct CompiledTemplates: Sendable {
    /// Only templates whose partials are all compiled as well.
    let templates: [String: CompiledTemplate]

    init(_ compiled: [String: CompiledTemplate]) {
        var templates = compiled
        var changed = true
        while changed {
            changed = false
            for (name, template) in templates where !template.partials.allSatisfy({ templates[$0] != nil }) {
                templates[name] = nil
                changed = true
            }
        }
        self.templates = templates
    }

    /// Where an item stands in the list being filled.
    private struct Place {
        var first: Bool
        var last: Bool
        var index: Int

        func value(_ name: String) -> Any? {
            switch name {
            case "first": first
            case "last": last
            case "index": index
            case "even": index & 1 == 0
            case "odd": index & 1 == 1
            default: nil
            }
        }
    }

    func render(_ name: String, _ view: Any) -> String? {
        // Filled as bytes, made a string once.
        renderBytes(name, view).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The template filled, as UTF-8 bytes (for a caller that hands them on as bytes).
    func renderBytes(_ name: String, _ view: Any) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 << 10)
        var stack: [Frame] = [Frame(view)]
        fill(template.nodes, stack: &stack, place: nil, escaping: nil, into: &out)
        return out
    }

    private func fill(_ nodes: [CompiledTemplate.Node], stack: inout [Frame], place: Place?, escaping: CompiledTemplate.Escaping?,
                      into out: inout [UInt8]) {
        var escaping = escaping
        for node in nodes {
            switch node {
            case .text(let text):
                out.append(contentsOf: text.utf8)
            case .value(let path, let valueEscaping):
                guard let value = lookup(path, stack, place) else { continue }
                let text = CompiledTemplates.text(of: value)
                if let valueEscaping {
                    valueEscaping.append(text, to: &out)
                } else {
                    out.append(contentsOf: text.utf8)
                }
            case .section(let path, let body, let inverted):
                let value = lookup(path, stack, place)
                if inverted {
                    invertedSection(value, body, stack: &stack, place: place, escaping: escaping, into: &out)
                } else {
                    section(value, body, stack: &stack, place: place, escaping: escaping, into: &out)
                }
            case .partial(let name):
                // A partial starts with the default content type and no place in a list, as in swift-mustache.
                if let template = templates[name] {
                    fill(template.nodes, stack: &stack, place: nil, escaping: nil, into: &out)
                }
            case .contentType(let type):
                escaping = type
            }
        }
    }

    private func section(_ value: Any?, _ body: [CompiledTemplate.Node], stack: inout [Frame], place: Place?,
                         escaping: CompiledTemplate.Escaping?, into out: inout [UInt8]) {
        switch value {
        case nil:
            return
        case let flag as Bool:
            if flag { fill(body, stack: &stack, place: place, escaping: escaping, into: &out) }
        case let items as [Any]:
            for (index, item) in items.enumerated() {
                stack.append(Frame(item))
                fill(body, stack: &stack, place: Place(first: index == 0, last: index == items.count - 1, index: index),
                     escaping: escaping, into: &out)
                stack.removeLast()
            }
        case let value?:
            // Fields, a fragment, text or a number is the item itself; any other sequence is a list.
            let frame = Frame(value)
            if case .other = frame, let items = value as? any MustacheSequence {
                section(CompiledTemplates.elements(items), body, stack: &stack, place: place, escaping: escaping, into: &out)
            } else {
                stack.append(frame)
                fill(body, stack: &stack, place: nil, escaping: escaping, into: &out)
                stack.removeLast()
            }
        }
    }

    private func invertedSection(_ value: Any?, _ body: [CompiledTemplate.Node], stack: inout [Frame], place: Place?,
                                 escaping: CompiledTemplate.Escaping?, into out: inout [UInt8]) {
        switch value {
        case nil:
            fill(body, stack: &stack, place: place, escaping: escaping, into: &out)
        case let flag as Bool:
            if !flag { fill(body, stack: &stack, place: place, escaping: escaping, into: &out) }
        case let items as [Any]:
            if items.isEmpty {
                stack.append(Frame(items))
                fill(body, stack: &stack, place: nil, escaping: escaping, into: &out)
                stack.removeLast()
            }
        case let value?:
            if let items = value as? any MustacheSequence, CompiledTemplates.elements(items).isEmpty {
                stack.append(Frame(value))
                fill(body, stack: &stack, place: nil, escaping: escaping, into: &out)
                stack.removeLast()
            }
        }
    }

    private func lookup(_ path: CompiledTemplate.Path, _ stack: [Frame], _ place: Place?) -> Any? {
        switch path {
        case .current:
            return stack.last?.value
        case .sequence(let name):
            return place?.value(name)
        case .local(let names):
            return stack.last.flatMap { frame in frame.child(names[0]).flatMap { descend(names.dropFirst(), from: $0) } }
        case .climb(let names):
            for frame in stack.reversed() {
                if let found = frame.child(names[0]) {
                    return descend(names.dropFirst(), from: found)
                }
            }
            return nil
        }
    }

    /// An item of the context stack, told apart once when it is pushed: a
    /// name is looked up in every item from the innermost out, and a cast
    /// from `Any` for each would cost more than the lookup.
    private enum Frame {
        case fields([String: Any])
        case fragment(Fragment)
        /// Text, a flag, a number or a list: nothing has a name in it.
        case nameless(Any)
        case other(Any)

        init(_ value: Any) {
            switch value {
            case let fields as [String: Any]: self = .fields(fields)
            case let fragment as Fragment: self = .fragment(fragment)
            case is String, is Bool, is Int, is Double, is [Any]: self = .nameless(value)
            default: self = .other(value)
            }
        }

        var value: Any {
            switch self {
            case .fields(let fields): fields
            case .fragment(let fragment): fragment
            case .nameless(let value), .other(let value): value
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .fields(let fields): fields[name]
            case .fragment(let fragment): fragment.child(named: name)
            case .nameless: nil
            case .other(let value): CompiledTemplates.child(name, of: value)
            }
        }
    }

    private func descend(_ names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            guard let child = CompiledTemplates.child(name, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// A named field of an item: a field table's entry, a fragment's text or
    /// fields; nothing for text, flags, numbers and lists, which have no names.
    private static func child(_ name: String, of object: Any) -> Any? {
        switch object {
        case let fields as [String: Any]: return fields[name]
        case let fragment as Fragment: return fragment.child(named: name)
        case is String, is Bool, is Int, is Double, is [Any]: return nil
        default:
            if let parent = object as? MustacheParent { return parent.child(named: name) }
            // A value `MustacheBox` left as it was: its stored property, as swift-mustache's `Mirror` lookup finds it.
            guard let match = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
            let mirror = Mirror(reflecting: match)
            guard mirror.displayStyle == .optional else { return match }
            return mirror.children.first?.value
        }
    }

    private static func elements<Items: Sequence>(_ items: Items) -> [Any] { items.map { $0 } }

    /// A value as text: what `String(describing:)` gives, as in swift-mustache.
    private static func text(of value: Any) -> String {
        switch value {
        case let text as String: text
        case let number as Int: String(number)
        default: String(describing: value)
        }
    }
}
