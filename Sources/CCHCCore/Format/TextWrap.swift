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
    package struct Line {
        package var range: Range<Int>
        package var width: Int
    }

    /// The lines of `bytes` (UTF-8) wrapped at `width` (at least 1).
    package static func lines(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> [Line] {
        var lines: [Line] = []
        self.lines(bytes, in: 0..<bytes.count, width: width, into: &lines)
        return lines
    }

    /// Appends the lines of `bytes[range]` wrapped at `width` to `lines` (ranges into `bytes`).
    package static func lines(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, width: Int, into lines: inout [Line]) {
        self.lines(bytes, in: range, width: width, into: &lines, measure: DisplayWidthMeasure.self)
    }

    /// As `lines(_:in:width:into:)`, measuring with `Measure` (a test counts what is measured:
    /// every byte is measured a bounded number of times, so wrapping is linear in the text).
    package static func lines<Measure: TextMeasure>(
        _ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, width: Int, into lines: inout [Line],
        measure: Measure.Type
    ) {
        var paragraphStart = range.lowerBound
        while paragraphStart <= range.upperBound {
            let newline = bytes[paragraphStart..<range.upperBound].firstIndex(of: 0x0A) ?? range.upperBound
            wrapParagraph(bytes, paragraphStart..<newline, width: width, into: &lines, measure: measure)
            paragraphStart = newline + 1
        }
    }

    private static func wrapParagraph<Measure: TextMeasure>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ paragraph: Range<Int>, width: Int, into lines: inout [Line],
        measure: Measure.Type
    ) {
        var current = Line(range: paragraph.lowerBound..<paragraph.lowerBound, width: 0)
        var started = false
        var wordStart = paragraph.lowerBound
        while wordStart <= paragraph.upperBound {
            let wordEnd = bytes[wordStart..<paragraph.upperBound].firstIndex(of: 0x20) ?? paragraph.upperBound
            var word = Line(range: wordStart..<wordEnd, width: Measure.width(bytes[wordStart..<wordEnd]))
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
            // A word longer than the line is cut in pieces; the rest's width is what is left of
            // the word's, so a long word is measured once, not once per piece.
            while word.width > width {
                let head = cut(bytes, word, width, measure: measure)
                lines.append(head)
                word = Line(range: head.range.upperBound..<word.range.upperBound, width: word.width - head.width)
            }
            current = word
        }
        lines.append(trimmed(bytes, current))
    }

    /// `line` without its trailing spaces.
    package static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line) -> Line {
        var line = line
        while line.range.upperBound > line.range.lowerBound && bytes[line.range.upperBound - 1] == 0x20 {
            line.range = line.range.lowerBound..<(line.range.upperBound - 1)
            line.width -= 1
        }
        return line
    }

    /// The longest head of `word` that fits in `width` (at least one character); a character is
    /// a scalar with the zero-width scalars after it.
    private static func cut<Measure: TextMeasure>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ word: Line, _ width: Int, measure: Measure.Type
    ) -> Line {
        var used = 0
        var i = word.range.lowerBound
        while i < word.range.upperBound {
            var end = i
            var characterWidth = 0
            repeat {
                let (scalar, length) =
                    bytes[end] < 0x80 ? (Unicode.Scalar(bytes[end]), 1) : UTF8Scalar.decode(bytes[...], at: end)
                let scalarWidth = Measure.width(scalar)
                if end > i && scalarWidth > 0 { break }
                characterWidth += scalarWidth
                end += length
            } while end < word.range.upperBound
            if used + characterWidth > width && used > 0 { break }
            used += characterWidth
            i = end
        }
        return Line(range: word.range.lowerBound..<i, width: used)
    }
}

/// How wrapping measures text: display width, by default.
package protocol TextMeasure {
    /// The width of UTF-8 bytes (whole scalars).
    static func width(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int
    static func width(_ scalar: Unicode.Scalar) -> Int
}

/// `DisplayWidth`, for wrapping.
package enum DisplayWidthMeasure: TextMeasure {
    @inline(__always) package static func width(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int { DisplayWidth.of(bytes) }
    @inline(__always) package static func width(_ scalar: Unicode.Scalar) -> Int { DisplayWidth.of(scalar) }
}
