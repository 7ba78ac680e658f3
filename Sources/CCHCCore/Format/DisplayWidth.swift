/// How many terminal columns text takes: one per user-perceived character (a Vietnamese letter
/// with its marks is one), two for East Asian wide characters and emoji.
///
/// Counts Unicode scalars, not grapheme clusters: combining marks, joiners and variation
/// selectors take no column. For NFC text (CCHC normalises every input) that is the grapheme
/// count, several times faster to compute; an emoji joined by ZWJ may be counted wider than it
/// shows, which only makes a line shorter, never longer than promised.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { of($0[...]) }
    }

    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The width of UTF-8 bytes (whole scalars).
    package static func of(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        var width = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte >= 0x20 { width += 1 }
                i += 1
            } else if byte >= 0xC2 && byte <= 0xCB && i + 1 < bytes.endIndex {
                // U+0080–U+02FF (Latin-1 and Latin Extended): one column, the soft hyphen none.
                if !(byte == 0xC2 && bytes[i + 1] == 0xAD) { width += 1 }
                i += 2
            } else if byte == 0xE1 && i + 2 < bytes.endIndex && (0xB8...0xBB).contains(bytes[i + 1]) {
                // U+1E00–U+1EFF (Latin Extended Additional: ạ, ế, ữ…): one column.
                width += 1
                i += 3
            } else {
                let (scalar, length) = UTF8Scalar.decode(bytes, at: i)
                width += of(scalar)
                i += length
            }
        }
        return width
    }

    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 { return 0 }
        // Latin, Latin-1 and Latin Extended (every Vietnamese letter in NFC): one column, but
        // the soft hyphen, which shows nothing.
        if v < 0x300 { return v == 0xAD ? 0 : 1 }
        if (0x1E00...0x1EFF).contains(v) { return 1 }
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

/// Decoding one scalar from valid UTF-8 (a Swift string's bytes always are).
package enum UTF8Scalar {
    package static func decode(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        let value: UInt32
        let length: Int
        if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            length = 3
        } else {
            value =
                (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
