import Foundation

/// A font's codes and the text each shows: its ToUnicode CMap's `bfchar` and `bfrange` entries.
struct FontMap {
    /// Bytes per code: 2 for a Type0 font (Identity-H), 1 otherwise.
    let width: Int
    private var text: [Int: String] = [:]

    init(width: Int) { self.width = width }

    /// Reads the `bfchar` and `bfrange` sections of a ToUnicode CMap.
    mutating func read(_ cmap: [UInt8]) {
        var lexer = PDFLexer(cmap)
        var section = ""
        var operands: [PDFValue] = []
        while let value = lexer.next() {
            guard case .keyword(let word) = value else {
                operands.append(value)
                continue
            }
            switch word {
            case "beginbfchar", "beginbfrange": section = word
            case "endbfchar":
                for pair in stride(from: 0, to: operands.count - 1, by: 2) {
                    if case .string(let code) = operands[pair], case .string(let target) = operands[pair + 1] {
                        text[Self.code(code)] = Self.utf16(target)
                    }
                }
            case "endbfrange":
                for triple in stride(from: 0, to: operands.count - 2, by: 3) {
                    addRange(operands[triple], operands[triple + 1], operands[triple + 2])
                }
            default: break
            }
            if word.hasPrefix("end") || word == section { operands.removeAll() }
        }
    }

    private mutating func addRange(_ low: PDFValue, _ high: PDFValue, _ target: PDFValue) {
        guard case .string(let a) = low, case .string(let b) = high else { return }
        let (first, last) = (Self.code(a), Self.code(b))
        guard first <= last, last - first < 65536 else { return }
        switch target {
        case .string(let start):
            guard var units = Self.units(start) else { return }
            for code in first...last {
                text[code] = String(decoding: units, as: UTF16.self)
                units[units.count - 1] &+= 1
            }
        case .array(let targets):
            for (code, item) in zip(first...last, targets) {
                if case .string(let t) = item { text[code] = Self.utf16(t) }
            }
        default: return
        }
    }

    /// The text of `bytes` shown in this font, code by code.
    func decode(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i + width <= bytes.count {
            let code = Self.code(bytes[i..<(i + width)])
            out += text[code] ?? "\u{FFFD}"
            i += width
        }
        return out
    }

    private static func code<C: Collection<UInt8>>(_ bytes: C) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }

    private static func units(_ bytes: [UInt8]) -> [UInt16]? {
        guard !bytes.isEmpty, bytes.count % 2 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    private static func utf16(_ bytes: [UInt8]) -> String {
        units(bytes).map { String(decoding: $0, as: UTF16.self) } ?? ""
    }
}

/// The strings a content stream shows (`Tj`, `TJ`, `'`, `"`), each in the font `Tf` chose, with
/// every space and line break left out.
enum ContentText {
    static func append(_ content: [UInt8], fonts: [String: FontMap], to out: inout String) {
        var lexer = PDFLexer(content)
        var operands: [PDFValue] = []
        var font: FontMap?
        func show(_ value: PDFValue?) {
            guard case .string(let bytes)? = value, let font else { return }
            out += font.decode(bytes).filter { !$0.isWhitespace }
        }
        while let value = lexer.next() {
            guard case .keyword(let op) = value else {
                operands.append(value)
                continue
            }
            switch op {
            case "Tf": font = operands.first?.name.flatMap { fonts[$0] }
            case "Tj", "'": show(operands.last)
            case "\"": show(operands.last)
            case "TJ":
                if case .array(let items)? = operands.last { for item in items { show(item) } }
            default: break
            }
            operands.removeAll()
        }
    }
}
