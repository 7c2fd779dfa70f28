import PartnerbookModel

/// Reads the YAML that content files are written in, without libyaml, and
/// builds the same tree libyaml's events would (`YAMLComposer.State`):
/// block mappings and lists, `{ }` and `[ ]`, plain and quoted scalars on
/// one line, `>` and `|` texts whose lines share one indentation,
/// comments. Anything else (anchors, tags, directives, `---`, tabs, an empty
/// value, a text continued on the next line, an escape other than `\"`,
/// `\\`, `\/`, `\n`, `\t`, any syntax error) and it gives up: `compose`
/// returns nil and libyaml reads the file, so every message about a file
/// that is not plain YAML is libyaml's.
///
/// Why by hand: libyaml copies every character through a decoding buffer
/// and allocates every token; it was a third of a cold `check` of 100,000
/// partners. This reads each byte once, in place. That the trees agree is
/// tested on the example, the fuzz corpus, the hostile files, the YAML test
/// suite's inputs and thousands of mutations of them (YAMLReadersTests).
enum CommonYAML {
    /// The tree, or nil when the file is not in the subset (or breaks a limit):
    /// then libyaml reads it.
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<YAMLTree, YAMLComposer.Failure>? {
        guard let ascii = Reader.plainText(bytes) else { return nil }
        var reader = Reader(bytes: bytes, ascii: ascii)
        var state = YAMLComposer.State()
        do {
            try reader.document(&state)
        } catch {
            return nil
        }
        guard case .success(let tree) = state.finish() else { return nil }
        return .success(tree)
    }

    /// Not in the subset (or a limit): libyaml reads the file instead.
    struct GiveUp: Error {}

    /// Where the reading is: the tree it builds is passed to each step, so
    /// that this holds nothing reference counted (a copy of it costs nothing,
    /// and none shares the tree's arrays while they grow).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// No byte above 0x7F: a column is a byte count.
        let ascii: Bool
        var pos = 0
        /// 0-based line of `pos`, and the offset its line starts at.
        var line = 0
        var lineStart = 0

        init(bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) {
            self.bytes = bytes
            self.ascii = ascii
        }

        // MARK: Bytes

        static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":")
        static let dash = UInt8(ascii: "-"), comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
        static let backslash = UInt8(ascii: "\\")

        /// The byte at `offset`, 0 past the end (the text holds no NUL).
        @inline(__always) func at(_ offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

        /// Whether the text is one libyaml reads as it is: no control
        /// character but the line feed, no tab, no CR, no byte-order mark, no
        /// Unicode line break (U+0085, U+2028, U+2029), no noncharacter U+FFFE
        /// or U+FFFF, valid UTF-8. Nil if not; else whether it is plain ASCII.
        static func plainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
            var ascii = true
            var offset = 0
            let count = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            // Eight bytes at a time: a word with no byte below 0x20, none at 0x7F and none above it is clean.
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while offset < count {
                if offset + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    let below = (word &- ones &* 0x20) & ~word & highs
                    let plus = word &+ ones   // 0x7F becomes 0x80
                    if below == 0, (word | plus) & highs == 0 {
                        offset += 8
                        continue
                    }
                }
                let byte = bytes[offset]
                if byte < 0x80 {
                    guard byte >= 0x20 && byte != 0x7F || byte == newline else { return nil }
                    offset += 1
                    continue
                }
                ascii = false
                guard let (scalar, length) = decode(bytes, at: offset) else { return nil }
                guard scalar >= 0xA0, scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF, scalar != 0xFFFE, scalar != 0xFFFF else {
                    return nil
                }
                offset += length
            }
            return ascii
        }

        /// The Unicode scalar starting at `offset` and its length in bytes, or nil if not valid UTF-8.
        static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int)? {
            let lead = bytes[offset]
            let length: Int, minimum: UInt32
            var value: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
            default: return nil
            }
            guard offset + length <= bytes.count else { return nil }
            for index in 1..<length {
                let byte = bytes[offset + index]
                guard byte & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, length)
        }

        /// Where `offset` is, as libyaml marks it (1-based line and character column).
        func position(_ offset: Int) -> SourcePosition {
            var column = offset - lineStart
            if !ascii {
                column = 0
                for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
            }
            return SourcePosition(line: line + 1, column: column + 1)
        }

        /// The text of `start..<end`.
        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        // MARK: Lines

        /// Moves past a line feed at `pos`.
        mutating func newLine() {
            pos += 1
            line += 1
            lineStart = pos
        }

        /// From the start of a line, past blank and comment lines, to the
        /// first character of the next line with content; its indentation, or
        /// nil at the end of the file.
        mutating func nextContent() throws(GiveUp) -> Int? {
            while pos < bytes.count {
                var first = pos
                while at(first) == Self.space { first += 1 }
                switch at(first) {
                case Self.newline:
                    pos = first
                    newLine()
                case Self.hash:
                    pos = first
                    while pos < bytes.count, bytes[pos] != Self.newline { pos += 1 }
                    if pos < bytes.count { newLine() }
                case 0 where first >= bytes.count:
                    pos = first
                    return nil
                default:
                    let indent = first - pos
                    if indent == 0 {
                        // A directive or a document marker.
                        let byte = at(first)
                        if byte == UInt8(ascii: "%") { throw GiveUp() }
                        if byte == Self.dash || byte == UInt8(ascii: "."), at(first + 1) == byte, at(first + 2) == byte { throw GiveUp() }
                    }
                    pos = first
                    return indent
                }
            }
            return nil
        }

        /// After a value: spaces, a comment after a space, and the line's end.
        mutating func endOfLine() throws(GiveUp) {
            let start = pos
            while at(pos) == Self.space { pos += 1 }
            if at(pos) == Self.hash {
                guard pos > start else { throw GiveUp() }
                while pos < bytes.count, bytes[pos] != Self.newline { pos += 1 }
            }
            if pos >= bytes.count { return }
            guard bytes[pos] == Self.newline else { throw GiveUp() }
            newLine()
        }

        /// Whether the line ends at `pos` (after spaces): nothing but a comment follows.
        func lineEnds() -> Bool {
            var offset = pos
            while at(offset) == Self.space { offset += 1 }
            let byte = at(offset)
            return offset >= bytes.count || byte == Self.newline || (byte == Self.hash && offset > pos)
        }

        /// A `-` that opens a list item: followed by a space, a line feed or the end.
        func atItem() -> Bool {
            at(pos) == Self.dash && (at(pos + 1) == Self.space || at(pos + 1) == Self.newline || pos + 1 >= bytes.count)
        }

        // MARK: Block structure

        mutating func document(_ state: inout YAMLComposer.State) throws(GiveUp) {
            guard let indent = try nextContent() else { throw GiveUp() }
            let after = atItem() ? try sequence(indent, &state) : try mapping(indent, &state)
            guard after == nil else { throw GiveUp() }
        }

        /// A block mapping whose keys start at column `indent`; the indentation
        /// of the next line with content after it (nil at the end).
        mutating func mapping(_ indent: Int, _ state: inout YAMLComposer.State) throws(GiveUp) -> Int? {
            try check(state.open(isMapping: true, flow: false, anchor: nil, at: position(pos), start: pos, opensBrace: false))
            while true {
                try key(&state)
                let next: Int?
                if lineEnds() {
                    // The value starts on a line below: a mapping or a list (an empty value is left to libyaml).
                    try endOfLine()
                    guard let below = try nextContent() else { throw GiveUp() }
                    if below > indent {
                        next = atItem() ? try sequence(below, &state) : try mapping(below, &state)
                    } else if below == indent, atItem() {
                        next = try sequence(below, &state)
                    } else {
                        throw GiveUp()
                    }
                } else {
                    while at(pos) == Self.space { pos += 1 }
                    next = try inlineValue(within: indent, &state)
                }
                guard let next, next >= indent else {
                    state.close(bytes, end: pos)
                    return next
                }
                // Deeper than its keys: a text continued, or an error; a `-` at the keys' column: an error.
                guard next == indent, !atItem() else { throw GiveUp() }
            }
        }

        /// A block list whose `-` stand at column `indent` (the column of the
        /// mapping around it, for a list written without indentation).
        mutating func sequence(_ indent: Int, _ state: inout YAMLComposer.State) throws(GiveUp) -> Int? {
            try check(state.open(isMapping: false, flow: false, anchor: nil, at: position(pos), start: pos, opensBrace: false))
            while true {
                pos += 1
                // An item on the lines below, an empty one, or a list in a list: libyaml's.
                if lineEnds() { throw GiveUp() }
                while at(pos) == Self.space { pos += 1 }
                if atItem() { throw GiveUp() }
                let column = pos - lineStart
                let next = try startsKey() ? try mapping(column, &state) : try inlineValue(within: indent, &state)
                guard let next, next >= indent else {
                    state.close(bytes, end: pos)
                    return next
                }
                guard next == indent else { throw GiveUp() }
                guard atItem() else {
                    // The next key of the mapping the list was written under, unindented.
                    state.close(bytes, end: pos)
                    return next
                }
            }
        }

        /// Whether the item at `pos` is a mapping's first key (`key: ...`).
        func startsKey() throws(GiveUp) -> Bool {
            var end: Int
            switch at(pos) {
            case Self.quote, Self.apostrophe:
                end = try quotedEnd(pos).end + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "|"), UInt8(ascii: ">"):
                return false
            default:
                guard plainStarts() else { throw GiveUp() }
                end = plainEnd(pos, flow: false)
            }
            while at(end) == Self.space { end += 1 }
            return at(end) == Self.colon && blankOrEnd(end + 1)
        }

        /// A mapping key and its `:`.
        mutating func key(_ state: inout YAMLComposer.State) throws(GiveUp) {
            let start = pos
            _ = try scalar(flow: false, &state)
            while at(pos) == Self.space { pos += 1 }
            // libyaml looks no further than 1,024 characters for a key's colon.
            guard at(pos) == Self.colon, blankOrEnd(pos + 1), pos - start < 1000 else { throw GiveUp() }
            pos += 1
        }

        /// A value written on its key's or its `-`'s line: a scalar, a `{ }`
        /// or `[ ]`, or a `>` or `|` text. `within` is the column of the
        /// innermost block collection. The indentation of the next line with
        /// content (nil at the end).
        mutating func inlineValue(within indent: Int, _ state: inout YAMLComposer.State) throws(GiveUp) -> Int? {
            switch at(pos) {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                try flow(&state)
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                try blockText(within: indent, &state)
                return try nextContent()
            default:
                _ = try scalar(flow: false, &state)
            }
            // Anything after it but a comment (`key: a: b`, `"a" b`) is libyaml's.
            try endOfLine()
            return try nextContent()
        }

        // MARK: Scalars

        func blankOrEnd(_ offset: Int) -> Bool {
            offset >= bytes.count || bytes[offset] == Self.space || bytes[offset] == Self.newline
        }

        /// Whether a plain scalar may start at `pos`: not an indicator (a `-`
        /// only before a letter or digit).
        func plainStarts() -> Bool {
            let byte = at(pos)
            switch byte {
            case Self.dash:
                let next = at(pos + 1)
                return (next >= 0x30 && next <= 0x39) || ((next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A)
            case UInt8(ascii: "?"), Self.colon, Self.comma, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                 Self.hash, UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
                 Self.apostrophe, Self.quote, UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), Self.space, Self.newline, 0:
                return false
            default:
                return true
            }
        }

        /// The end of the plain scalar starting at `start`, on its line: before a `: `, a ` #`, trailing spaces, the line's end, and in
        /// a `{ }` or `[ ]` before `,[]{}`. A `:` right before one of `,?[]{}`
        /// in a `{ }` or `[ ]` is libyaml's error: the scalar ends before it.
        func plainEnd(_ start: Int, flow: Bool) -> Int {
            var end = start
            var offset = start
            scan: while offset < bytes.count {
                let byte = bytes[offset]
                switch byte {
                case Self.space:
                    var next = offset
                    while at(next) == Self.space { next += 1 }
                    let after = at(next)
                    if after == Self.newline || after == Self.hash || next >= bytes.count { break scan }
                    offset = next
                    continue scan
                case Self.newline:
                    break scan
                case Self.colon:
                    let next = at(offset + 1)
                    if blankOrEnd(offset + 1) { break scan }
                    if flow, next == Self.comma || next == UInt8(ascii: "?") || next == UInt8(ascii: "[") || next == UInt8(ascii: "]")
                        || next == UInt8(ascii: "{") || next == UInt8(ascii: "}") {
                        end = offset
                        break scan
                    }
                case Self.comma, UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    if flow { break scan }
                default:
                    break
                }
                offset += 1
                end = offset
            }
            return end
        }

        /// Where the quoted scalar starting at `start` closes (on its line),
        /// and whether it holds an escape or a doubled `'`.
        func quotedEnd(_ start: Int) throws(GiveUp) -> (end: Int, escaped: Bool) {
            let mark = bytes[start]
            var escaped = false
            var offset = start + 1
            while true {
                guard offset < bytes.count else { throw GiveUp() }
                let byte = bytes[offset]
                if byte == Self.newline { throw GiveUp() }
                if mark == Self.quote {
                    if byte == Self.quote { return (offset, escaped) }
                    if byte == Self.backslash {
                        escaped = true
                        offset += 2
                        continue
                    }
                } else if byte == Self.apostrophe {
                    if at(offset + 1) == Self.apostrophe {
                        escaped = true
                        offset += 2
                        continue
                    }
                    return (offset, escaped)
                }
                offset += 1
            }
        }

        /// A quoted scalar on one line; `pos` moves past its closing quote.
        mutating func quoted() throws(GiveUp) -> String {
            let mark = bytes[pos]
            let start = pos + 1
            let (offset, escaped) = try quotedEnd(pos)
            pos = offset + 1
            let plainRun = !escaped
            if plainRun { return text(start, offset) }
            var out: [UInt8] = []
            out.reserveCapacity(offset - start)
            var index = start
            while index < offset {
                let byte = bytes[index]
                if mark == Self.apostrophe, byte == Self.apostrophe {
                    out.append(byte)
                    index += 2
                    continue
                }
                if mark == Self.quote, byte == Self.backslash {
                    switch bytes[index + 1] {
                    case Self.quote: out.append(Self.quote)
                    case Self.backslash: out.append(Self.backslash)
                    case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "n"): out.append(Self.newline)
                    case UInt8(ascii: "t"): out.append(0x09)
                    default: throw GiveUp()
                    }
                    index += 2
                    continue
                }
                out.append(byte)
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        /// A `>` or `|` text whose lines all start at one column, deeper than
        /// `within`; `pos` moves to the start of the line after it.
        mutating func blockText(within indent: Int, _ state: inout YAMLComposer.State) throws(GiveUp) {
            let start = pos, at = position(pos)
            let literal = bytes[pos] == UInt8(ascii: "|")
            pos += 1
            var chomp = 0
            if self.at(pos) == Self.dash {
                chomp = -1
                pos += 1
            } else if self.at(pos) == UInt8(ascii: "+") {
                chomp = 1
                pos += 1
            }
            guard blankOrEnd(pos) || self.at(pos) == Self.hash else { throw GiveUp() }
            try endOfLine()
            // The first line sets the indentation; a blank line before it is libyaml's.
            var first = pos
            while self.at(first) == Self.space { first += 1 }
            let column = first - pos
            guard first < bytes.count, bytes[first] != Self.newline, column > indent, column >= 1 else { throw GiveUp() }
            var out: [UInt8] = []
            var breaks = 0
            var broken = false
            var lines = 0
            while pos < bytes.count {
                var content = pos
                while self.at(content) == Self.space { content += 1 }
                let spaces = content - pos
                if content >= bytes.count || bytes[content] == Self.newline {
                    // A blank line; one with more spaces than the text's indentation is libyaml's.
                    guard spaces <= column else { throw GiveUp() }
                    guard content < bytes.count else { break }
                    breaks += 1
                    pos = content
                    newLine()
                    continue
                }
                if spaces < column { break }
                guard spaces == column else { throw GiveUp() }
                if lines > 0 {
                    if literal || breaks > 0 {
                        if literal { out.append(Self.newline) }
                        out.append(contentsOf: repeatElement(Self.newline, count: breaks))
                    } else {
                        out.append(Self.space)
                    }
                }
                breaks = 0
                var end = content
                while end < bytes.count, bytes[end] != Self.newline { end += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[content..<end]))
                lines += 1
                pos = end
                broken = end < bytes.count
                if broken { newLine() }
            }
            if chomp != -1, broken { out.append(Self.newline) }
            if chomp == 1 { out.append(contentsOf: repeatElement(Self.newline, count: breaks)) }
            try check(state.scalar(String(decoding: out, as: UTF8.self), style: literal ? .literal : .folded, anchor: nil,
                                   at: at, start: start, end: pos))
        }

        // MARK: Flow collections

        /// Spaces, line ends and comments inside `{ }` or `[ ]`. After a
        /// plain scalar a line's end must lead to a `,` or the closer (a
        /// text continued on the next line is libyaml's). A directive or a
        /// document marker at a line's start, or the file's end: libyaml's.
        mutating func flowSpaces(afterPlain: Bool = false, closer: UInt8 = 0) throws(GiveUp) {
            var crossed = false
            while true {
                let start = pos
                while at(pos) == Self.space { pos += 1 }
                var byte = at(pos)
                if byte == Self.hash {
                    guard pos > start || pos == lineStart else { throw GiveUp() }
                    while pos < bytes.count, bytes[pos] != Self.newline { pos += 1 }
                    byte = at(pos)
                }
                guard pos < bytes.count else { throw GiveUp() }
                guard byte == Self.newline else { break }
                newLine()
                crossed = true
                let first = at(pos)
                if first == UInt8(ascii: "%") || ((first == Self.dash || first == UInt8(ascii: ".")) && at(pos + 1) == first && at(pos + 2) == first) {
                    throw GiveUp()
                }
            }
            if afterPlain, crossed, at(pos) != Self.comma, at(pos) != closer { throw GiveUp() }
        }

        /// A `{ }` or `[ ]`, with what it holds.
        mutating func flow(_ state: inout YAMLComposer.State) throws(GiveUp) {
            let start = pos
            let isMapping = bytes[pos] == UInt8(ascii: "{")
            let closer = UInt8(ascii: isMapping ? "}" : "]")
            try check(state.open(isMapping: isMapping, flow: true, anchor: nil, at: position(pos), start: start, opensBrace: true))
            pos += 1
            try flowSpaces()
            if at(pos) == closer {
                pos += 1
                state.close(bytes, end: pos)
                return
            }
            while true {
                if isMapping {
                    let key = pos
                    _ = try scalar(flow: true, &state)
                    while at(pos) == Self.space { pos += 1 }
                    guard at(pos) == Self.colon, at(pos + 1) == Self.space, pos - key < 1000 else { throw GiveUp() }
                    pos += 1
                    try flowSpaces()
                }
                var plain = false
                switch at(pos) {
                case UInt8(ascii: "{"), UInt8(ascii: "["): try flow(&state)
                default: plain = try scalar(flow: true, &state)
                }
                try flowSpaces(afterPlain: plain, closer: closer)
                let byte = at(pos)
                if byte == Self.comma {
                    pos += 1
                    try flowSpaces()
                    // A comma before the closer: libyaml's.
                    if at(pos) == closer { throw GiveUp() }
                    continue
                }
                guard byte == closer else { throw GiveUp() }
                pos += 1
                state.close(bytes, end: pos)
                return
            }
        }

        /// The quoted or plain scalar at `pos` (ended as inside `{ }` or
        /// `[ ]` when `flow`), added to the tree; whether it was plain.
        mutating func scalar(flow: Bool, _ state: inout YAMLComposer.State) throws(GiveUp) -> Bool {
            let start = pos, at = position(pos)
            let value: String, style: YAMLTree.ScalarStyle
            switch self.at(pos) {
            case Self.quote, Self.apostrophe:
                style = self.at(pos) == Self.quote ? .doubleQuoted : .singleQuoted
                value = try quoted()
            default:
                guard plainStarts() else { throw GiveUp() }
                pos = plainEnd(pos, flow: flow)
                guard pos > start else { throw GiveUp() }
                value = text(start, pos)
                style = .plain
            }
            try check(state.scalar(value, style: style, anchor: nil, at: at, start: start, end: pos))
            return style == .plain
        }

        /// A limit the composer refused at: libyaml reads the file, and says so where it must.
        func check(_ refusal: YAMLComposer.Failure?) throws(GiveUp) {
            if refusal != nil { throw GiveUp() }
        }
    }
}
