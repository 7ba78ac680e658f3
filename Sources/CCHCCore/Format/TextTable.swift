/// A plain-text table aligned by display width, long cells wrapped at word boundaries, never
/// wider than `maxWidth` columns.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// The narrowest the column may be squeezed to when the table is too wide.
        public var minWidth: Int

        public init(_ title: String, _ alignment: Alignment = .left, minWidth: Int = 4) {
            self.title = title
            self.alignment = alignment
            self.minWidth = minWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]] = []
    public var maxWidth: Int

    public init(_ columns: [Column], maxWidth: Int = 100) {
        self.columns = columns
        self.maxWidth = maxWidth
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by `\n`, ending with a newline.
    public func render() -> String {
        var out = ByteBuffer()
        render(into: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The table appended to `out` as UTF-8, ending with a newline.
    package func render(into out: inout ByteBuffer) {
        let cells = Cells(self)
        let widths = columnWidths(cells)
        cells.bytes.withUnsafeBufferPointer { all in
            var scratch = LineScratch()
            line(cells, row: 0, widths, header: true, all, &scratch, into: &out)
            for (i, width) in widths.enumerated() {
                if i > 0 { out.append("-+-") }
                out.append(repeating: UInt8(ascii: "-"), count: width)
            }
            out.append(0x0A)
            for row in 1..<cells.rowCount { line(cells, row: row, widths, header: false, all, &scratch, into: &out) }
        }
    }

    /// Every cell of the table (the titles first, as row 0) in one UTF-8 buffer, each with its
    /// byte range, display width and whether it holds a line break, all indexed by
    /// `index(row, column)`: one allocation for the table instead of several per row.
    package struct Cells {
        package var bytes: [UInt8] = []
        package var ranges: [Range<Int>] = []
        package var widths: [Int] = []
        package var breaks: [Bool] = []
        package let columnCount: Int
        /// The rows, titles included (kept apart: a table may have no column).
        package private(set) var rowCount = 0

        package init(_ table: TextTable) {
            columnCount = table.columns.count
            add(table.columns.map(\.title))
            for row in table.rows { add(row) }
        }

        private mutating func add(_ row: [String]) {
            for i in 0..<columnCount {
                let start = bytes.count
                if i < row.count { bytes += row[i].utf8 }
                let range = start..<bytes.count
                let (width, hasBreak) = bytes.withUnsafeBufferPointer { all in
                    (DisplayWidth.of(all[range]), all[range].contains(0x0A))
                }
                ranges.append(range)
                breaks.append(hasBreak)
                widths.append(width)
            }
            rowCount += 1
        }

        package func index(_ row: Int, _ column: Int) -> Int { row * columnCount + column }
        package func width(_ row: Int, _ column: Int) -> Int { widths[index(row, column)] }
    }

    /// The wrapped lines of one row's cells, kept from row to row.
    package struct LineScratch {
        package var lines: [TextWrap.Line] = []
        package var starts: [Int] = []
    }

    /// Natural widths, then shrunk until the table fits: numbers never wrap, a header only at
    /// its spaces, and the text column with the most slack gives up a column first.
    private func columnWidths(_ cells: Cells) -> [Int] {
        let titles = columns.indices.map { cells.width(0, $0) }
        var natural = titles
        var content = columns.map { _ in 0 }
        var minimum = columns.map { c in max(c.minWidth, Self.longestWord(c.title) ?? 1) }
        for (r, row) in rows.enumerated() {
            for i in row.indices where i < natural.count {
                let w = cells.width(r + 1, i)
                natural[i] = Swift.max(natural[i], w)
                content[i] = Swift.max(content[i], w)
                if columns[i].alignment == .right { minimum[i] = Swift.max(minimum[i], w) }
            }
        }
        var widths = natural
        let separators = 3 * (columns.count - 1)
        // First the width only a long header asks for (it wraps to two lines at its spaces), then
        // text cells wrap down to 20 columns, then headers wrap to three lines before a name goes
        // below 20 (a unit's name is what the reader looks for), then text narrower, then numbers
        // too may wrap at their spaces, and last any word may be cut: the table always fits.
        let twoLineHeader = titles.map { ($0 + 1) / 2 }
        let threeLineHeader = titles.map { ($0 + 2) / 3 }
        let early = [
            widths.indices.map { Swift.max(minimum[$0], content[$0], twoLineHeader[$0]) },
            widths.indices.map { Swift.max(minimum[$0], twoLineHeader[$0], Swift.min(content[$0], 20)) },
            widths.indices.map { Swift.max(minimum[$0], threeLineHeader[$0], Swift.min(content[$0], 20)) },
            widths.indices.map { Swift.max(minimum[$0], threeLineHeader[$0], Swift.min(content[$0], 14)) },
            widths.indices.map { Swift.max(minimum[$0], threeLineHeader[$0]) }, minimum,
        ]
        for floor in early { squeeze(&widths, to: floor, separators: separators) }
        if widths.reduce(0, +) + separators > maxWidth {
            // Rare: even the minimums do not fit. Only then split every cell into words.
            let longestWord = columns.indices.map { i in
                ([columns[i].title] + rows.compactMap { i < $0.count ? $0[i] : nil }).compactMap(Self.longestWord).max() ?? 1
            }
            squeeze(&widths, to: longestWord, separators: separators)
            squeeze(&widths, to: widths.map { _ in 1 }, separators: separators)
        }
        return widths
    }

    /// Takes a column from the widest above its floor until the table fits or every column is at it.
    private func squeeze(_ widths: inout [Int], to floor: [Int], separators: Int) {
        var total = widths.reduce(0, +) + separators
        while total > maxWidth {
            // The first of the columns with the most slack above its floor.
            var widest: Int?
            for i in widths.indices where widths[i] > floor[i] {
                if let w = widest, widths[w] - floor[w] >= widths[i] - floor[i] { continue }
                widest = i
            }
            guard let i = widest else { return }
            widths[i] -= 1
            total -= 1
        }
    }

    /// The display width of the longest space-separated word of `text`; `nil` when it has none.
    package static func longestWord(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var longest: Int?
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.count
                if end > start { longest = Swift.max(longest ?? 0, DisplayWidth.of(bytes[start..<end])) }
                start = end + 1
            }
            return longest
        }
    }

    /// One row, wrapped to as many lines as its tallest cell, appended to `out` as UTF-8. A cell
    /// that fits its column on one line (most) is not wrapped at all.
    private func line(
        _ cells: Cells, row: Int, _ widths: [Int], header: Bool, _ all: UnsafeBufferPointer<UInt8>,
        _ scratch: inout LineScratch, into out: inout ByteBuffer
    ) {
        scratch.lines.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        var height = 1
        for i in widths.indices {
            let k = cells.index(row, i)
            let range = cells.ranges[k]
            let width = Swift.max(1, widths[i])
            scratch.starts.append(scratch.lines.count)
            if !cells.breaks[k] && cells.widths[k] <= width {
                scratch.lines.append(TextWrap.trimmed(all, TextWrap.Line(range: range, width: cells.widths[k])))
            } else {
                let before = scratch.lines.count
                TextWrap.lines(all, in: range, width: width, into: &scratch.lines)
                height = Swift.max(height, scratch.lines.count - before)
            }
        }
        scratch.starts.append(scratch.lines.count)
        let last = widths.count - 1
        for k in 0..<height {
            for i in widths.indices {
                if i > 0 { out.append(" | ") }
                let first = scratch.starts[i]
                let piece = first + k < scratch.starts[i + 1] ? scratch.lines[first + k] : TextWrap.Line(range: 0..<0, width: 0)
                let pad = Swift.max(0, widths[i] - piece.width)
                let text = UnsafeBufferPointer(rebasing: all[piece.range])
                if columns[i].alignment == .right && !header {
                    out.append(repeating: 0x20, count: pad)
                    out.append(text)
                } else {
                    out.append(text)
                    if i < last { out.append(repeating: 0x20, count: pad) }  // a line's trailing spaces are dropped below
                }
            }
            out.trimTrailing(0x20)
            out.append(0x0A)
        }
    }
}
