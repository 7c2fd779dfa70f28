import Mustache

/// An item of a page's list whose text was filled once, when its partner was
/// rendered, and kept in the build cache with the partner's key: a page that
/// lists ten thousand partners is then their fragments joined, not ten
/// thousand fillings of the partial again.
///
/// In `TemplateSet.pages` the fragment partial (`{{> card.html}}`) is
/// `{{{fragment}}}`, which this item answers with its text. A page template
/// that writes the item out itself (an `index.html` made before `card.html`
/// existed) still reads the item's own fields by name.
struct Fragment: MustacheParent {
    /// The name the partial's stand-in reads.
    static let key = "fragment"

    let text: String
    /// The item's fields, boxed as the templates read them; made only when asked.
    let fields: () -> [String: Any]

    func child(named name: String) -> Any? {
        name == Fragment.key ? text : fields()[name]
    }
}

/// A listing's card that the store kept cannot be read back.
package struct StoredCardError: Error, CustomStringConvertible {
    package var description: String
}
