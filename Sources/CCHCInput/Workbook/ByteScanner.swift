import CCHCCore
import Foundation

/// A cursor over the bytes of a sheet part.
struct ByteScanner {
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
}
