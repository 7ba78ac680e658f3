import CCHCCore
import Foundation

/// The fast path of `SheetReader`: reads a sheet part's bytes directly, in the one form that
/// Excel, LibreOffice Calc and openpyxl write (`<row>`, `<c>`, `<v>`, `<f>`, `<is><t>`, the five
/// entities and character references). On anything else (a namespace prefix, a comment, CDATA,
/// rich text in an inline string) it gives up and returns `nil`, and libxml2's reader, the
/// reference, reads the part. `WorkbookScannerTests` compares the two on every workbook the
/// tests have.
package enum SheetScanner {
    /// The rows of the part; `nil` when it is not in the form this reads.
    package static func rows(_ part: Data) -> SheetReader.RawRows? {
        guard let pieces = pieces(part, count: 1) else { return nil }
        return rows(part, pieces[0])
    }

    /// The byte ranges of `<sheetData>`'s content, cut in up to `count` pieces at row starts that
    /// carry their number (`<row r="`), so each piece can be read on its own core; `nil` when
    /// the part is not in the form this reads. An empty `<sheetData/>` is one empty piece.
    package static func pieces(_ part: Data, count: Int) -> [Range<Int>]? {
        part.withUnsafeBytes { raw -> [Range<Int>]? in
            var scanner = ByteScanner(raw.bindMemory(to: UInt8.self))
            guard scanner.find("<sheetData"), scanner.isNameEnd(scanner.i), let empty = scanner.skipAttributes() else {
                return nil
            }
            let start = scanner.i
            if empty { return [start..<start] }
            guard let end = scanner.last("</sheetData>"), end >= start else { return nil }
            var cuts = [start]
            for k in 1..<max(count, 1) {
                scanner.i = max(cuts.last!, start + (end - start) * k / count)
                guard scanner.find("<row r=\""), scanner.i - 8 < end else { break }
                cuts.append(scanner.i - 8)
            }
            return zip(cuts, cuts.dropFirst() + [end]).map { $0..<$1 }
        }
    }

    /// The rows in one piece of `<sheetData>`; `nil` when it is not in the form this reads.
    package static func rows(_ part: Data, _ piece: Range<Int>) -> SheetReader.RawRows? {
        part.withUnsafeBytes { raw in
            var scanner = ByteScanner(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<piece.upperBound]))
            scanner.i = piece.lowerBound
            return scanner.rows()
        }
    }
}

/// A cursor over the bytes of a sheet part.
private struct ByteScanner {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0
    /// The most cells a row had so far: room reserved for the next.
    var width = 8

    init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

    static let lt = UInt8(ascii: "<")
    static let gt = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let amp = UInt8(ascii: "&")

    /// The rows from `i` to the end of the bytes (the end of `<sheetData>`'s content).
    mutating func rows() -> SheetReader.RawRows? {
        var rows: SheetReader.RawRows = []
        var line = 0
        while true {
            skipSpace()
            if i == b.count { return rows }
            guard at("<row"), isNameEnd(i + 4) else { return nil }
            i += 4
            var r: Int?
            var given = false
            guard
                let empty = attributes({ name, value in
                    if name == .r { (given, r) = (true, Self.integer(value)) }
                })
            else { return nil }
            // A number outside Excel's rows is left to the reference reader, which names it.
            if given {
                guard let r, r >= 1, r <= SheetReader.lastRow else { return nil }
                line = r
            } else {
                guard line < SheetReader.lastRow else { return nil }
                line += 1
            }
            if empty {
                rows.append((line, []))
                continue
            }
            guard let cells = rowCells() else { return nil }
            rows.append((line, cells))
        }
    }

    /// The cells of a row, up to and including `</row>`.
    mutating func rowCells() -> [SheetReader.RawCell]? {
        var cells: [SheetReader.RawCell] = []
        cells.reserveCapacity(width)
        var column = 0
        while true {
            skipSpace()
            if at("</row>") {
                i += 6
                width = max(width, cells.count)
                return cells
            }
            guard at("<c"), isNameEnd(i + 2) else { return nil }
            i += 2
            var (reference, type, style): (Int?, SheetReader.CellType, Int?) = (nil, .number, nil)
            var given = false
            guard
                let empty = attributes({ name, value in
                    switch name {
                    case .r: (given, reference) = (true, Self.column(value))
                    case .t: type = Self.type(value)
                    case .s: style = Self.integer(value)
                    case .other: break
                    }
                })
            else { return nil }
            if given {
                guard let reference else { return nil }
                column = reference
            } else {
                guard column < SheetReader.lastColumn else { return nil }
                column += 1
            }
            var cell = SheetReader.RawCell(column: column, type: type, style: style)
            if !empty {
                guard cellChildren(&cell) else { return nil }
            }
            if SheetReader.holdsSomething(cell) { cells.append(cell) }
        }
    }

    /// `<v>`, `<f>` and `<is><t>` up to and including `</c>`.
    mutating func cellChildren(_ cell: inout SheetReader.RawCell) -> Bool {
        while true {
            skipSpace()
            if at("</c>") {
                i += 4
                return true
            }
            if at("<v"), isNameEnd(i + 2) {
                i += 2
                guard let text = element("</v>") else { return false }
                cell.value = text
            } else if at("<f"), isNameEnd(i + 2) {
                i += 2
                guard let text = element("</f>") else { return false }
                cell.formula = text
            } else if at("<is>") {
                i += 4
                skipSpace()
                guard at("<t"), isNameEnd(i + 2) else { return false }
                i += 2
                guard let text = element("</t>") else { return false }
                skipSpace()
                guard at("</is>") else { return false }
                i += 5
                cell.inline = text
            } else {
                return false
            }
        }
    }

    /// The text of an element whose name was just read: its attributes skipped, then its text
    /// up to `end`; `""` for an empty element.
    mutating func element(_ end: StaticString) -> String? {
        guard let empty = skipAttributes() else { return nil }
        if empty { return "" }
        let start = i
        while i < b.count && b[i] != Self.lt { i += 1 }
        guard at(end) else { return nil }
        let text = decode(start, i)
        i += end.utf8CodeUnitCount
        return text
    }

    /// The attributes a sheet reader looks at; every other is `.other`.
    enum Attribute { case r, s, t, other }

    /// Reads attributes up to `>` or `/>`, giving each (name, raw value bytes) to `found`;
    /// whether the element was empty (`/>`), or `nil` if malformed. Values are not decoded: the
    /// ones read (`r`, `s`, `t`) hold no entity in a well-formed sheet, and one that does is
    /// not a number, a cell reference or a type, so it reads as none.
    mutating func attributes(_ found: (Attribute, UnsafeBufferPointer<UInt8>) -> Void) -> Bool? {
        while true {
            skipSpace()
            guard i < b.count else { return nil }
            if b[i] == Self.gt {
                i += 1
                return false
            }
            if b[i] == Self.slash {
                guard i + 1 < b.count, b[i + 1] == Self.gt else { return nil }
                i += 2
                return true
            }
            let nameStart = i
            while i < b.count && b[i] != UInt8(ascii: "=") && !isSpace(b[i]) && b[i] != Self.gt { i += 1 }
            let name: Attribute =
                i - nameStart != 1
                ? .other
                : b[nameStart] == UInt8(ascii: "r")
                    ? .r
                    : b[nameStart] == UInt8(ascii: "s")
                        ? .s
                        : b[nameStart] == UInt8(ascii: "t") ? .t : .other
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            skipSpace()
            guard i < b.count, b[i] == Self.quote || b[i] == Self.apostrophe else { return nil }
            let q = b[i]
            i += 1
            let valueStart = i
            while i < b.count && b[i] != q && b[i] != Self.lt { i += 1 }
            guard i < b.count, b[i] == q else { return nil }
            found(name, UnsafeBufferPointer(rebasing: b[valueStart..<i]))
            i += 1
        }
    }

    /// A whole number written in decimal digits, or `nil`.
    static func integer(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !v.isEmpty, v.count < 10 else { return nil }
        var n = 0
        for c in v {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    /// The column of a cell reference (`E12` → 5), as `CellReference` reads it.
    static func column(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
        var column = 0
        var digits = false
        for c in v {
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(c - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                continue
            case UInt8(ascii: "$"): continue
            default: return CellReference(String(decoding: v, as: UTF8.self))?.column  // the rare forms
            }
            if column > 16_384 { return nil }
        }
        return column > 0 ? column : nil
    }

    /// A cell type (`t`) as the reference reader reads it, without making a string.
    static func type(_ v: UnsafeBufferPointer<UInt8>) -> SheetReader.CellType {
        switch v.count {
        case 1:
            switch v[0] {
            case UInt8(ascii: "s"): return .shared
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .date
            default: return .number
            }
        case 3 where v.elementsEqual("str".utf8): return .string
        case 9 where v.elementsEqual("inlineStr".utf8): return .inline
        default: return .number
        }
    }

    mutating func skipAttributes() -> Bool? { attributes { _, _ in } }

    /// Text between two offsets with its entities and character references read, and line ends
    /// normalised as an XML parser does (CR LF and a lone CR become LF); `nil` for an entity this
    /// does not know.
    func decode(_ start: Int, _ end: Int) -> String? {
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        guard slice.contains(where: { $0 == Self.amp || $0 == 0x0D }) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var k = start
        while k < end {
            let c = b[k]
            if c == 0x0D {
                out.append(0x0A)
                k += (k + 1 < end && b[k + 1] == 0x0A) ? 2 : 1
                continue
            }
            guard c == Self.amp else {
                out.append(c)
                k += 1
                continue
            }
            guard let semicolon = (k..<min(end, k + 12)).first(where: { b[$0] == UInt8(ascii: ";") }) else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[(k + 1)..<semicolon]), as: UTF8.self)
            let scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            case _ where name.hasPrefix("#x"): scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            case _ where name.hasPrefix("#"): scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
            default: scalar = nil
            }
            guard let scalar else { return nil }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Where the last occurrence of `text` starts.
    func last(_ text: StaticString) -> Int? {
        let n = text.utf8CodeUnitCount
        var k = b.count - n
        while k >= 0 {
            if b[k] == text.utf8Start[0] && (0..<n).allSatisfy({ b[k + $0] == text.utf8Start[$0] }) { return k }
            k -= 1
        }
        return nil
    }

    /// Moves past the first occurrence of `text`, leaving `i` just after it.
    mutating func find(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        let first = text.utf8Start[0]
        while i + n <= b.count {
            if b[i] == first && at(text) {
                i += n
                return true
            }
            i += 1
        }
        return false
    }

    /// Whether the bytes at `i` are `text`.
    func at(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        for k in 0..<n where b[i + k] != text.utf8Start[k] { return false }
        return true
    }

    /// Whether a name ends at `k` (`<c ` or `<c>`, not `<cols`).
    func isNameEnd(_ k: Int) -> Bool { k < b.count && (isSpace(b[k]) || b[k] == Self.gt || b[k] == Self.slash) }

    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }

    mutating func skipSpace() { while i < b.count && isSpace(b[i]) { i += 1 } }
}
