/// How many terminal columns text takes: one per user-perceived character (a Vietnamese letter
/// with its marks is one), two for East Asian wide characters and emoji.
///
/// Counts Unicode scalars, not grapheme clusters: combining marks, joiners and variation
/// selectors take no column. For NFC text (CCHC normalises every input) that is the grapheme
/// count, several times faster to compute; an emoji joined by ZWJ may be counted wider than it
/// shows, which only makes a line shorter, never longer than promised.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var width = 0
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            for byte in text.utf8 where byte >= 0x20 { width += 1 }
            return width
        }
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 { return 0 }
        if v < 0x7F { return 1 }
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0x200B...0x200F).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return isWide(v) ? 2 : 1
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
