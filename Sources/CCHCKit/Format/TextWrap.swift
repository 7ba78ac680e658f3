/// Word wrapping by display width; a word longer than the width is cut.
///
/// Words are what lies between single spaces, so runs of spaces survive (an indent, the blank
/// of an unnumbered "Số:      /"); a line's trailing spaces are dropped. Every line is a
/// contiguous piece of the text, so the work is done on byte ranges, without building strings.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var text = text
        return text.withUTF8 { bytes in
            lines(bytes, width: width).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self) }
        }
    }

    /// One wrapped line: where it lies in the text, and how many columns it takes.
    struct Line {
        var range: Range<Int>
        var width: Int
    }

    /// The lines of `bytes` (UTF-8) wrapped at `width` (at least 1).
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [Line] {
        var lines: [Line] = []
        self.lines(bytes, in: 0..<bytes.count, width: width, into: &lines)
        return lines
    }

    /// Appends the lines of `bytes[range]` wrapped at `width` to `lines` (ranges into `bytes`).
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, width: Int, into lines: inout [Line]) {
        var paragraphStart = range.lowerBound
        while paragraphStart <= range.upperBound {
            let newline = bytes[paragraphStart..<range.upperBound].firstIndex(of: 0x0A) ?? range.upperBound
            wrapParagraph(bytes, paragraphStart..<newline, width: width, into: &lines)
            paragraphStart = newline + 1
        }
    }

    private static func wrapParagraph(
        _ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, width: Int, into lines: inout [Line]
    ) {
        var current = Line(range: paragraph.lowerBound..<paragraph.lowerBound, width: 0)
        var started = false
        var wordStart = paragraph.lowerBound
        while wordStart <= paragraph.upperBound {
            let wordEnd = bytes[wordStart..<paragraph.upperBound].firstIndex(of: 0x20) ?? paragraph.upperBound
            var word = Line(range: wordStart..<wordEnd, width: DisplayWidth.of(bytes[wordStart..<wordEnd]))
            wordStart = wordEnd + 1
            if !started || current.width + 1 + word.width <= width {
                current =
                    started
                    ? Line(range: current.range.lowerBound..<word.range.upperBound, width: current.width + 1 + word.width)
                    : word
                started = true
                if current.width <= width { continue }
                word = current
            } else {
                lines.append(trimmed(bytes, current))
            }
            while word.width > width {
                let head = cut(bytes, word, width)
                lines.append(head)
                let rest = head.range.upperBound..<word.range.upperBound
                word = Line(range: rest, width: DisplayWidth.of(bytes[rest]))
            }
            current = word
        }
        lines.append(trimmed(bytes, current))
    }

    /// `line` without its trailing spaces.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Line {
        var line = line
        while line.range.upperBound > line.range.lowerBound && bytes[line.range.upperBound - 1] == 0x20 {
            line.range = line.range.lowerBound..<(line.range.upperBound - 1)
            line.width -= 1
        }
        return line
    }

    /// The longest head of `word` that fits in `width` (at least one character); a character is
    /// a scalar with the zero-width scalars after it.
    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Line, _ width: Int) -> Line {
        var used = 0
        var i = word.range.lowerBound
        while i < word.range.upperBound {
            var end = i
            var characterWidth = 0
            repeat {
                let (scalar, length) =
                    bytes[end] < 0x80 ? (Unicode.Scalar(bytes[end]), 1) : UTF8Scalar.decode(bytes[...], at: end)
                if end > i && DisplayWidth.of(scalar) > 0 { break }
                characterWidth += DisplayWidth.of(scalar)
                end += length
            } while end < word.range.upperBound
            if used + characterWidth > width && used > 0 { break }
            used += characterWidth
            i = end
        }
        return Line(range: word.range.lowerBound..<i, width: used)
    }
}
