import Foundation
import PartnerbookKit
import PartnerbookModel
import PartnerbookSupport
import PartnerbookLoad
import PartnerbookRules
import PartnerbookRender
import PartnerbookOutput

/// Finds live markup in generated HTML or SVG: tags the pipeline never writes,
/// event-handler attributes, and URL attributes with an unsafe scheme.
/// Attributes are parsed (quoted values are values), so escaped text inside a
/// value, such as an alt text that mentions `onclick=`, is not a finding.
package enum LiveMarkup {
    /// Every element the templates, cmark-gfm and the chart writer emit.
    package static let known: Set<String> = [
        "html", "head", "meta", "title", "link", "style", "body", "a", "header", "nav", "ol", "ul", "li", "span", "div", "p",
        "main", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "strong", "em",
        "code", "pre", "blockquote", "img", "input", "del", "section", "dl", "dt", "dd", "form", "label", "button",
        "details", "summary", "script", "br", "hr", "!doctype",
        "svg", "desc", "rect", "line", "text", "path", "circle",
    ]
    package static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "data"]

    package struct Tag {
        package var closing: Bool
        package var name: String
        package var attributes: [(name: String, value: String)]
        package var raw: String
    }

    package static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "<" else { i += 1; continue }
            var j = i + 1
            let closing = j < chars.count && chars[j] == "/"
            if closing { j += 1 }
            var name = ""
            while j < chars.count, !chars[j].isWhitespace, chars[j] != ">", chars[j] != "/" { name.append(chars[j]); j += 1 }
            var attributes: [(String, String)] = []
            while j < chars.count, chars[j] != ">" {
                if chars[j].isWhitespace || chars[j] == "/" { j += 1; continue }
                var attribute = ""
                while j < chars.count, !chars[j].isWhitespace, chars[j] != "=", chars[j] != ">" { attribute.append(chars[j]); j += 1 }
                var value = ""
                if j < chars.count, chars[j] == "=" {
                    j += 1
                    if j < chars.count, chars[j] == "\"" || chars[j] == "'" {
                        let quote = chars[j]; j += 1
                        while j < chars.count, chars[j] != quote { value.append(chars[j]); j += 1 }
                        j += 1
                    } else {
                        while j < chars.count, !chars[j].isWhitespace, chars[j] != ">" { value.append(chars[j]); j += 1 }
                    }
                }
                attributes.append((attribute.lowercased(), value))
            }
            tags.append(Tag(closing: closing, name: name.lowercased(), attributes: attributes, raw: String(chars[i..<min(j + 1, chars.count)])))
            i = j + 1
        }
        return tags
    }

    /// Decodes the character references a browser would before reading a URL.
    package static func unescape(_ value: String) -> String {
        var out = value
        for (entity, char) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out
    }

    package static func problems(in text: String, path: String) -> [String] {
        var problems: [String] = []
        for tag in tags(in: text) {
            if !known.contains(tag.name) { problems.append("\(path): unexpected element <\(tag.name)>: \(tag.raw)") }
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") { problems.append("\(path): event handler \(attribute.name): \(tag.raw)") }
                if urlAttributes.contains(attribute.name), !CMark.isSafeURL(unescape(attribute.value)) {
                    problems.append("\(path): unsafe URL in \(attribute.name): \(tag.raw)")
                }
            }
            if tag.name == "script", !tag.closing, !(tag.attributes.count == 1 && tag.attributes[0] == ("src", "assets/directory.js")) {
                problems.append("\(path): a script that is not the directory's own: \(tag.raw)")
            }
        }
        return problems
    }
}
