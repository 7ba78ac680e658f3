import Foundation

/// Turns the bytes of an input file into NFC text, or says precisely why it cannot.
///
/// Accepts UTF-8 with or without a BOM. Rejects UTF-16/32 (named by their BOM or by their NUL
/// pattern), other binary content and bytes that are not UTF-8 (often a Windows-1258 or TCVN3 export).
public enum TextDecoder {
    public static func decode(_ data: Data, file: SourceName, diagnostics: inout DiagnosticEngine) -> String? {
        let bytes = [UInt8](data)
        if let encoding = unicodeEncodingFromBOM(bytes) {
            diagnostics.error(
                file, line: 1, "the file is encoded as \(encoding); expected UTF-8 (in Excel: Save As → \"CSV UTF-8\")")
            return nil
        }
        if let nul = bytes.firstIndex(of: 0) {
            let line = lineNumber(of: nul, in: bytes)
            let hint = looksLikeUTF16(bytes) ? "the file looks like UTF-16 without a BOM" : "binary content"
            diagnostics.error(file, line: line, "NUL byte found (\(hint)); expected UTF-8 text")
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(body)
            let line = lineNumber(of: offset, in: bytes)
            diagnostics.error(
                file, line: line,
                String(
                    format: "byte 0x%02X is not valid UTF-8 (the file may be Windows-1258 or TCVN3); expected UTF-8 text",
                    bytes[offset]))
            return nil
        }
        return isNFCByQuickCheck(body) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// UTF-8 bytes in NFC: as they are when the quick check finds them NFC (cchc's own output
    /// is: every input is normalised as it is read), or normalised.
    package static func nfc(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.withUnsafeBufferPointer(isNFCByQuickCheck) { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    /// Whether UTF-8 text is certainly NFC without normalising it: it holds only scalars below
    /// U+0300 (ASCII, Latin-1, Latin Extended A/B, IPA), U+1E00–U+1EFF (precomposed Vietnamese
    /// letters) and the punctuation and operators of `isPunctuationOrOperator`, none of which NFC
    /// changes or combines with what follows. A combining mark or any other script sends the
    /// text through Foundation's normalisation.
    /// Normalising a 12 MB national scores.csv took a fifth of loading it.
    package static func isNFCByQuickCheck(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isNFCByQuickCheck($0) }
    }

    package static func isNFCByQuickCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let end = bytes.count
        var i = 0
        while i < end {
            // Eight ASCII bytes at a time: most of a document's XML is.
            if i + 8 <= end, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = base[i]
            if b < 0x80 {
                i += 1
            } else if b < 0xCC {
                i += 2  // U+0080–U+02FF
            } else if b == 0xE1, i + 1 < end, (0xB8...0xBB).contains(base[i + 1]) {
                i += 3  // U+1E00–U+1EFF
            } else if b == 0xE2, i + 2 < end, isPunctuationOrOperator(base[i + 1], base[i + 2]) {
                i += 3  // U+2010–U+206F, U+2190–U+22FF
            } else {
                return false
            }
        }
        return true
    }

    /// Whether `E2 second third` is in General Punctuation from U+2010 (dashes, quotes, the
    /// ellipsis; U+2000 and U+2001 are left out, NFC changes them), Arrows or Mathematical
    /// Operators (≥, −): none has a decomposition NFC applies or combines with what precedes it.
    private static func isPunctuationOrOperator(_ second: UInt8, _ third: UInt8) -> Bool {
        switch second {
        case 0x80: third >= 0x90  // U+2010–U+203F
        case 0x81: third <= 0xAF  // U+2040–U+206F
        case 0x86: third >= 0x90  // U+2190–U+21BF
        case 0x87...0x8B: true  // U+21C0–U+22FF
        default: false
        }
    }

    package static func unicodeEncodingFromBOM(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32 (little-endian)" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32 (big-endian)" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        return nil
    }

    package static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(200)
        let zeros = sample.filter { $0 == 0 }.count
        return sample.count >= 4 && zeros * 3 >= sample.count
    }

    package static func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The offset (from the start of the whole file) of the first byte that breaks UTF-8.
    package static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.startIndex
    }
}
