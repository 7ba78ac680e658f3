/// A cell's address as Excel writes it (`E12`): column letters, then the row number.
public struct CellReference: Equatable, Sendable, CustomStringConvertible {
    /// 1-based column (A = 1).
    public var column: Int
    /// 1-based row, as Excel numbers it.
    public var row: Int

    public init(column: Int, row: Int) { (self.column, self.row) = (column, row) }

    /// Reads `E12` (`$E$12` too); `nil` for anything else.
    public init?(_ text: String) {
        var column = 0
        var row = 0
        var digits = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default: return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        guard column > 0 else { return nil }
        self.init(column: column, row: digits ? row : 0)
    }

    /// The column's letters: 1 → A, 27 → AA.
    public static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.insert(Character(UnicodeScalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(out)
    }

    public var description: String { Self.letters(column) + String(row) }
}
