import PartnerbookModel
import PartnerbookSupport

/// What `CanonicalForm` writes a partner into, member by member: bytes for a
/// fingerprint (`CanonicalBytes`) or a value tree for the redline
/// (`CanonicalTree`). Both forms are defined once, as one walk.
protocol CanonicalSink {
    /// Opens an object: what follows, up to `closeObject`, is its members, each a `key` and a value.
    mutating func openObject()
    /// Closes the innermost object. With `dropIfEmpty`, an object that got
    /// no member is taken out, its key with it (a member of an object only).
    mutating func closeObject(dropIfEmpty: Bool)
    mutating func openArray()
    mutating func closeArray()
    /// The key of the innermost object's next member.
    mutating func key(_ key: String)
    mutating func string(_ text: String)
    /// A number as form 2 writes it (`exact`) or as form 1 does.
    mutating func number(_ value: Double, exact: Bool)
}

extension CanonicalSink {
    mutating func closeObject() { closeObject(dropIfEmpty: false) }

    mutating func member(_ key: String, string: String) {
        self.key(key)
        self.string(string)
    }

    mutating func member(_ key: String, number: Double, exact: Bool) {
        self.key(key)
        self.number(number, exact: exact)
    }

    /// A text, trimmed of white space at both ends; nothing when absent.
    mutating func member(_ key: String, text: String?) {
        guard let text else { return }
        member(key, string: Trim.whitespace(text))
    }

    /// A text with something besides white space in it; nothing otherwise.
    mutating func member(_ key: String, written: String?) {
        guard let written else { return }
        let trimmed = Trim.whitespace(written)
        if !trimmed.isEmpty { member(key, string: trimmed) }
    }

    /// A list of texts, each trimmed.
    mutating func member(_ key: String, list: [Located<String>]) {
        self.key(key)
        openArray()
        for item in list { string(Trim.whitespace(item.value)) }
        closeArray()
    }
}

/// The canonical JSON written as bytes while the partner is walked: no
/// tree is built. Each member is written where it comes; an object whose
/// members came out of key order is put in order when it closes, by moving
/// its members' bytes (an inner object is in order before its parent
/// closes, so it moves as one piece).
struct CanonicalBytes: CanonicalSink {
    private(set) var bytes: [UInt8] = []

    /// A member of an open object: its key and where its bytes start (its
    /// key's opening quote; a comma before it is not its own). It ends
    /// where the next member's comma is, or at the object's end.
    private struct Member {
        var key: String
        var start: Int
    }

    /// An open object or array.
    private struct Open {
        var isObject: Bool
        /// Where its `{` or `[` is.
        var start: Int
        /// Where the key it is the value of starts, with the comma before it (nil in an array and at the top).
        var keyStart: Int?
        /// Where its members start in `members`.
        var firstMember: Int
        var count = 0
    }

    /// The members of every open object, innermost last.
    private var members: [Member] = []
    private var opens: [Open] = []
    /// Where the last key starts, with the comma before it.
    private var keyStart = 0

    init() {
        bytes.reserveCapacity(4096)
        members.reserveCapacity(64)
        opens.reserveCapacity(8)
    }

    /// An item of an array is separated from the one before it.
    private mutating func item() {
        guard let last = opens.indices.last, !opens[last].isObject else { return }
        if opens[last].count > 0 { bytes.append(UInt8(ascii: ",")) }
        opens[last].count += 1
    }

    mutating func key(_ key: String) {
        let last = opens.count - 1
        keyStart = bytes.count
        if opens[last].count > 0 { bytes.append(UInt8(ascii: ",")) }
        opens[last].count += 1
        members.append(Member(key: key, start: bytes.count))
        CanonicalForm.Value.write(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ text: String) {
        item()
        CanonicalForm.Value.write(text, into: &bytes)
    }

    mutating func number(_ value: Double, exact: Bool) {
        item()
        CanonicalForm.write(value, exact: exact, into: &bytes)
    }

    mutating func openArray() {
        item()
        opens.append(Open(isObject: false, start: bytes.count, keyStart: nil, firstMember: members.count))
        bytes.append(UInt8(ascii: "["))
    }

    mutating func closeArray() {
        opens.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func openObject() {
        let inObject = opens.last?.isObject ?? false
        item()
        opens.append(Open(isObject: true, start: bytes.count, keyStart: inObject ? keyStart : nil, firstMember: members.count))
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func closeObject(dropIfEmpty: Bool) {
        let open = opens.removeLast()
        if dropIfEmpty, open.count == 0, let keyStart = open.keyStart {
            bytes.removeSubrange(keyStart...)
            members.removeLast()
            opens[opens.count - 1].count -= 1
            return
        }
        let first = open.firstMember
        var ordered = true
        var index = first + 1
        while ordered, index < members.count {
            ordered = CanonicalForm.Value.precedes(members[index - 1].key, members[index].key)
            index += 1
        }
        if !ordered {
            let ends = (first..<members.count).map { $0 + 1 < members.count ? members[$0 + 1].start - 1 : bytes.count }
            let order = (first..<members.count).sorted { CanonicalForm.Value.precedes(members[$0].key, members[$1].key) }
            var body: [UInt8] = []
            body.reserveCapacity(bytes.count - open.start)
            for (position, member) in order.enumerated() {
                if position > 0 { body.append(UInt8(ascii: ",")) }
                body += bytes[members[member].start..<ends[member - first]]
            }
            bytes.replaceSubrange((open.start + 1)..., with: body)
        }
        members.removeSubrange(first...)
        bytes.append(UInt8(ascii: "}"))
    }
}

/// The canonical form as a `CanonicalForm.Value` tree.
struct CanonicalTree: CanonicalSink {
    private(set) var value: CanonicalForm.Value?

    /// An open object (its members) or array (its items), and the key it is the value of.
    private struct Open {
        var isObject: Bool
        var members: [(String, CanonicalForm.Value)] = []
        var items: [CanonicalForm.Value] = []
        var key: String?
    }

    private var opens: [Open] = []
    private var pendingKey: String?

    private mutating func put(_ value: CanonicalForm.Value) {
        guard let last = opens.indices.last else {
            self.value = value
            return
        }
        if opens[last].isObject {
            opens[last].members.append((pendingKey ?? "", value))
            pendingKey = nil
        } else {
            opens[last].items.append(value)
        }
    }

    mutating func key(_ key: String) { pendingKey = key }
    mutating func string(_ text: String) { put(.string(text)) }
    mutating func number(_ value: Double, exact: Bool) { put(exact ? .exactNumber(value) : .number(value)) }

    mutating func openObject() {
        opens.append(Open(isObject: true, key: pendingKey))
        pendingKey = nil
    }

    mutating func closeObject(dropIfEmpty: Bool) {
        let open = opens.removeLast()
        if dropIfEmpty, open.members.isEmpty, open.key != nil { return }
        pendingKey = open.key
        put(.object(open.members))
    }

    mutating func openArray() {
        opens.append(Open(isObject: false, key: pendingKey))
        pendingKey = nil
    }

    mutating func closeArray() {
        let open = opens.removeLast()
        pendingKey = open.key
        put(.array(open.items))
    }
}
