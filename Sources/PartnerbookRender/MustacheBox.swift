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
package enum MustacheBox {
    static func box(_ value: Any) -> Any? {
        switch value {
        case let text as String:
            // U+F8FF starts the extension sentinel; content never carries it through.
            return text.utf8.contains(0xEF) ? ByteText.replacing("\u{F8FF}", with: "", in: text) : text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional?:
            return mirror.children.first.flatMap { box($0.value) }
        case .collection?, .set?:
            return mirror.children.compactMap { box($0.value) }
        case .struct?, .class?:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let boxed = box(child.value) { fields[label] = boxed }
            }
            return fields
        default:
            return value
        }
    }
}
