import Foundation

/// HTML and XML escaping of text content and attribute values: the one escaper of every
/// template, the .docx and .xlsx parts, the chart and the PDF browser's font configuration.
package enum Escape {
    /// Appends `text` with `&`, `<`, `>`, `"` and (unless `apostrophe` is false: an .xlsx part,
    /// which writes no attribute in single quotes) `'` escaped. The runs between them are copied
    /// whole: those five are ASCII, so every cut is a character boundary.
    package static func append(_ text: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer, apostrophe: Bool = true) {
        var runStart = 0
        for i in 0..<text.count {
            let entity: StaticString
            switch text[i] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27 where apostrophe: entity = "&#39;"
            default: continue
            }
            if runStart != i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            out.append(entity)
            runStart = i + 1
        }
        if runStart != text.count { out.append(UnsafeBufferPointer(rebasing: text[runStart...])) }
    }

    /// Appends `text` with every line break (LF, CR, VT, FF, NEL, U+2028, U+2029) written as a
    /// space: a value put into a line of the wording stays on that line.
    package static func appendOnOneLine(_ text: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        var runStart = 0
        var i = 0
        while i < text.count {
            let b = text[i]
            var width = 0
            if b == 0xEE, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] <= 0x82 {
                // U+E000-U+E002 mark the wording's items (`WordingScope`): never taken from a value.
                if runStart != i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
                i += 3
                runStart = i
                continue
            } else if b >= 0x0A && b <= 0x0D {
                width = 1
            } else if b == 0xC2, i + 1 < text.count, text[i + 1] == 0x85 {
                width = 2
            } else if b == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 {
                width = 3
            }
            guard width > 0 else {
                i += 1
                continue
            }
            if runStart != i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            out.append(" ")
            i += width
            runStart = i
        }
        if runStart != text.count { out.append(UnsafeBufferPointer(rebasing: text[runStart...])) }
    }

    /// `text` escaped, as a string.
    package static func append(_ text: String, to out: inout String, apostrophe: Bool = true) {
        var bytes = ByteBuffer(capacity: text.utf8.count + 16)
        var text = text
        text.withUTF8 { append($0, to: &bytes, apostrophe: apostrophe) }
        out += bytes.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}
