import Foundation
import PartnerbookModel
import PartnerbookSupport
import PartnerbookRules
/// Turns a view (plain structs, arrays, optionals, text and numbers) into
/// nested `[String: Any]` dictionaries once, before rendering.
///
/// swift-mustache resolves a key on a struct by building a `Mirror` of it on
/// every lookup; for documents with hundreds of lookups that was about half
/// of a build's time. Dictionaries conform to its `MustacheParent` and answer
/// in O(1). A nil optional is left out, which is what a `Mirror` lookup
/// gives too (the name is then looked up in the enclosing context).
///
/// A view struct lists its own fields (`MustacheFields`, generated into
/// Views/ViewFields.swift by scripts/generate-view-fields), so boxing builds
/// no `Mirror` either; arrays and optionals are unwrapped through the two
/// small protocols below. The `Mirror` walk is left for any other type, and
/// gives the same tree (a test compares the two on every example document).
package enum MustacheBox {
    /// `PARTNERBOOK_BOXING=reflection` boxes every view through the `Mirror`
    /// walk instead; a test builds the example both ways and compares bytes.
    static let reflectionOnly = ProcessInfo.processInfo.environment["PARTNERBOOK_BOXING"] == "reflection"

    /// A view as the dictionary the templates read.
    static func view(_ view: Any) -> [String: Any] {
        (reflectionOnly ? reflected(view) : box(view)) as? [String: Any] ?? [:]
    }

    static func box(_ value: Any) -> Any? {
        switch value {
        case let text as String:
            // U+F8FF starts the extension sentinel; content never carries it through.
            return box(text)
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        case let fragment as Fragment: return fragment
        case let view as MustacheFields: return view.mustacheFields()
        case let list as BoxableList: return list.boxedElements()
        case let optional as BoxableOptional: return optional.boxedWrapped()
        default: return reflected(value)
        }
    }

    /// An optional field: nil is left out.
    static func box<Wrapped>(optional value: Wrapped?) -> Any? {
        value.flatMap { box($0) }
    }

    // The generated field lists call `box` with each field's static type, so
    // these overloads (chosen by the compiler over `box(_: Any)`) box text,
    // views and lists of views without a dynamic cast per field.

    static func box(_ text: String) -> Any? {
        ByteText.contains(byte: 0xEF, in: text) ? ByteText.replacing("\u{F8FF}", with: "", in: text) : text
    }

    static func box(_ flag: Bool) -> Any? { flag }
    static func box(_ number: Int) -> Any? { number }

    static func box<View: MustacheFields>(_ view: View) -> Any? { view.mustacheFields() }

    static func box<View: MustacheFields>(_ list: [View]) -> Any? { list.map { $0.mustacheFields() as Any } }

    static func box(_ list: [String]) -> Any? { list.compactMap { box($0) } }

    static func box(optional text: String?) -> Any? { text.flatMap { box($0) } }

    static func box<View: MustacheFields>(optional view: View?) -> Any? { view.map { $0.mustacheFields() } }

    /// The `Mirror` walk: for a type that does not list its fields.
    static func reflected(_ value: Any) -> Any? {
        // Text loses the sentinel as in `box`; numbers and flags have no
        // display style and come back as they are (`default` below).
        if let text = value as? String { return box(text) }
        if let fragment = value as? Fragment { return fragment }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.flatMap { reflected($0.value) }
        case .collection?, .set?:
            return mirror.children.compactMap { reflected($0.value) }
        case .struct?, .class?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let boxed = reflected(child.value) { fields[label] = boxed }
            }
            return fields
        default:
            return value
        }
    }
}

/// A type that hands its stored fields to the templates by name, each boxed.
protocol MustacheFields {
    func mustacheFields() -> [String: Any]
}

protocol BoxableList {
    func boxedElements() -> [Any]
}

extension Array: BoxableList {
    func boxedElements() -> [Any] { compactMap { MustacheBox.box($0) } }
}

protocol BoxableOptional {
    func boxedWrapped() -> Any?
}

extension Optional: BoxableOptional {
    func boxedWrapped() -> Any? { flatMap { MustacheBox.box($0) } }
}
