import Foundation

/// A value of a PDF's object syntax, as `PDFLexer` reads it: enough to read what a browser
/// prints (its page tree, fonts and content streams), not a general PDF reader.
package indirect enum PDFValue: Equatable {
    case number(Double)
    case name(String)
    /// A literal `(…)` or hex `<…>` string's bytes.
    case string([UInt8])
    case array([PDFValue])
    case dictionary([String: PDFValue])
    /// `N G R`: the object numbered N.
    case reference(Int)
    /// An operator of a content stream, or `true`, `null`, `obj`, `stream`…
    case keyword(String)

    package subscript(key: String) -> PDFValue? {
        if case .dictionary(let entries) = self { return entries[key] }
        return nil
    }

    package var name: String? {
        if case .name(let n) = self { return n }
        return nil
    }

    package var integer: Int? {
        if case .number(let n) = self, n >= 0, n < 1e12 { return Int(n) }
        return nil
    }
}

/// Reads `PDFValue`s from PDF bytes, one after another.
package struct PDFLexer {
    private let bytes: [UInt8]
    package private(set) var position: Int
    private let end: Int
    /// How deep arrays and dictionaries are nested here: a file that nests deeper than any
    /// browser does (a received archive's PDF may be hostile) reads as ending there.
    private var depth = 0
    private static let maxDepth = 64

    package init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        (self.bytes, position, self.end) = (bytes, start, min(end ?? bytes.count, bytes.count))
    }

    /// The next value, or nil at the end (or at a `>>`/`]` that closes nothing).
    package mutating func next() -> PDFValue? {
        skipSpace()
        guard position < end else { return nil }
        let b = bytes[position]
        switch b {
        case UInt8(ascii: "/"): return .name(word(from: position + 1))
        case UInt8(ascii: "("): return .string(literal())
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { return nil }
            position += 1
            depth += 1
            defer { depth -= 1 }
            var items: [PDFValue] = []
            while let item = nextUntil(UInt8(ascii: "]")) { items.append(item) }
            return .array(items)
        case UInt8(ascii: "<"):
            if position + 1 < end, bytes[position + 1] == UInt8(ascii: "<") {
                guard depth < Self.maxDepth else { return nil }
                depth += 1
                defer { depth -= 1 }
                return dictionary()
            }
            return .string(hex())
        case UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            position += 1
            return .keyword(String(UnicodeScalar(b)))
        default:
            let text = word(from: position)
            guard let number = Double(text) else { return .keyword(text) }
            return reference(after: number) ?? .number(number)
        }
    }

    /// The next value before `closer` (consumed), or nil once it is reached.
    private mutating func nextUntil(_ closer: UInt8) -> PDFValue? {
        skipSpace()
        guard position < end else { return nil }
        if bytes[position] == closer {
            position += 1
            return nil
        }
        return next()
    }

    private mutating func dictionary() -> PDFValue {
        position += 2
        var entries: [String: PDFValue] = [:]
        while true {
            skipSpace()
            guard position < end else { break }
            if bytes[position] == UInt8(ascii: ">") {
                position = min(end, position + 2)
                break
            }
            guard case .name(let key)? = next(), let value = next() else { break }
            entries[key] = value
        }
        return .dictionary(entries)
    }

    /// `N G R` when the number just read is followed by a generation and `R`.
    private mutating func reference(after number: Double) -> PDFValue? {
        let saved = position
        skipSpace()
        let generation = word(from: position)
        skipSpace()
        if Int(generation) != nil, position < end, bytes[position] == UInt8(ascii: "R"),
            position + 1 >= end || Self.isDelimiterOrSpace(bytes[position + 1])
        {
            position += 1
            return .reference(Int(number))
        }
        position = saved
        return nil
    }

    /// A run of regular characters from `start`; the position moves past it.
    private mutating func word(from start: Int) -> String {
        var i = start
        while i < end, !Self.isDelimiterOrSpace(bytes[i]) { i += 1 }
        position = max(i, start + (start == position ? 1 : 0))
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func literal() -> [UInt8] {
        var out: [UInt8] = []
        var depth = 0
        position += 1
        while position < end {
            let b = bytes[position]
            position += 1
            switch b {
            case UInt8(ascii: "\\"):
                guard position < end else { return out }
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(e - 0x30)
                    for _ in 0..<2 where position < end && (0x30...0x37).contains(bytes[position]) {
                        value = value * 8 + Int(bytes[position] - 0x30)
                        position += 1
                    }
                    out.append(UInt8(value & 0xFF))
                case 0x0A, 0x0D: continue
                default: out.append(e)
                }
            case UInt8(ascii: "("):
                depth += 1
                out.append(b)
            case UInt8(ascii: ")"):
                if depth == 0 { return out }
                depth -= 1
                out.append(b)
            default: out.append(b)
            }
        }
        return out
    }

    private mutating func hex() -> [UInt8] {
        position += 1
        var digits: [UInt8] = []
        while position < end, bytes[position] != UInt8(ascii: ">") {
            if let d = Self.hexDigit(bytes[position]) { digits.append(d) }
            position += 1
        }
        position += 1
        if digits.count % 2 == 1 { digits.append(0) }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    private mutating func skipSpace() {
        while position < end {
            let b = bytes[position]
            if b == UInt8(ascii: "%") {
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else if Self.isSpace(b) {
                position += 1
            } else {
                return
            }
        }
    }

    private static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - 0x30
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - 0x57
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - 0x37
        default: nil
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0 }

    private static func isDelimiterOrSpace(_ b: UInt8) -> Bool {
        isSpace(b) || "()<>[]{}/%".utf8.contains(b)
    }
}
