import CCHCCore

/// Where a sentence of the wording was written: the item of each list section it stands in
/// (`groups` 2, `fields` 5). The wording's template marks the output of each item with private-use
/// characters (U+E000 name:index U+E001 … U+E002) that no value can hold, and `Wording` reads
/// them back, so that a group's sentence is that group's whatever lines the officer adds or removes.
public struct WordingScope: Hashable, Sendable {
    /// Each list section the sentence stands in, outermost first, with the item's index.
    public var items: [Item]

    public struct Item: Hashable, Sendable {
        public var list: String
        public var index: Int
    }

    public init(_ items: [Item] = []) { self.items = items }

    /// The index of the item of `list` the sentence stands in, `nil` when it is outside that section.
    public func index(in list: String) -> Int? { items.last { $0.list == list }?.index }

    package static let beginMark: Unicode.Scalar = "\u{E000}"
    package static let indexMark: Unicode.Scalar = "\u{E001}"
    package static let endMark: Unicode.Scalar = "\u{E002}"

    /// Marks the start of item `index` of `list` in `out`.
    package static func begin(_ list: String, _ index: Int, _ out: inout ByteBuffer) {
        out.append("\u{E000}")
        var name = list
        name.withUTF8 { out.append($0) }
        out.append("\u{E001}")
        var number = String(index)
        number.withUTF8 { out.append($0) }
        out.append("\u{E001}")
    }

    /// Marks the end of the item begun last.
    package static func end(_ out: inout ByteBuffer) { out.append("\u{E002}") }

    /// Reads `line` of a rendered wording: its text without marks (into `text`), and the scope
    /// it stands in (the scope where its first character stands), `stack` carried from line to
    /// line. The marks are three-byte UTF-8 sequences (EE 80 80–82) no other character's bytes
    /// contain, so the line is read as bytes.
    package static func read(_ line: UnsafeBufferPointer<UInt8>, _ stack: inout [Item], into text: inout [UInt8]) -> WordingScope
    {
        text.removeAll(keepingCapacity: true)
        var scope: WordingScope?
        var i = 0
        func mark(at i: Int) -> UInt8? {
            guard i + 2 < line.count, line[i] == 0xEE, line[i + 1] == 0x80, (0x80...0x82).contains(line[i + 2]) else {
                return nil
            }
            return line[i + 2]
        }
        /// The bytes from `i` up to the next index mark, `i` moved past it.
        func field(_ i: inout Int) -> String {
            let start = i
            while i < line.count && mark(at: i) != 0x81 { i += 1 }
            defer { i = Swift.min(i + 3, line.count) }
            return String(decoding: UnsafeBufferPointer(rebasing: line[start..<i]), as: UTF8.self)
        }
        while i < line.count {
            switch mark(at: i) {
            case 0x80:
                i += 3
                let name = field(&i)
                let number = field(&i)
                stack.append(Item(list: name, index: Int(number) ?? 0))
            case 0x82:
                i += 3
                _ = stack.popLast()
            default:
                let b = line[i]
                if scope == nil && b != 0x20 && b != 0x09 { scope = WordingScope(stack) }
                text.append(b)
                i += 1
            }
        }
        return scope ?? WordingScope(stack)
    }
}
