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

    /// Reads `line` of a rendered wording: its text without marks, and the scope it stands in
    /// (the scope where its first character stands), `stack` carried from line to line.
    package static func read(_ line: Substring, _ stack: inout [Item]) -> (text: String, scope: WordingScope) {
        var text = String.UnicodeScalarView()
        var scope: WordingScope?
        var scalars = line.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s {
            case beginMark:
                var name = ""
                var number = ""
                while let c = scalars.next(), c != indexMark { name.unicodeScalars.append(c) }
                while let c = scalars.next(), c != indexMark { number.unicodeScalars.append(c) }
                stack.append(Item(list: name, index: Int(number) ?? 0))
            case endMark:
                _ = stack.popLast()
            default:
                if scope == nil && s != " " && s != "\t" { scope = WordingScope(stack) }
                text.append(s)
            }
        }
        return (String(text), scope ?? WordingScope(stack))
    }
}
