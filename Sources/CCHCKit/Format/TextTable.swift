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
        let widths = columnWidths()
        var out: [UInt8] = []
        out.reserveCapacity((widths.reduce(0, +) + 3 * widths.count) * (rows.count * 2 + 3))
        line(columns.map(\.title), widths, header: true, into: &out)
        for (i, width) in widths.enumerated() {
            if i > 0 { out += "-+-".utf8 }
            out += repeatElement(UInt8(ascii: "-"), count: width)
        }
        out.append(0x0A)
        for row in rows { line(row, widths, header: false, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Natural widths, then shrunk until the table fits: numbers never wrap, a header only at
    /// its spaces, and the text column with the most slack gives up a column first.
    func columnWidths() -> [Int] {
        var natural = columns.map { DisplayWidth.of($0.title) }
        var content = columns.map { _ in 0 }
        var minimum = columns.map { c in
            max(c.minWidth, c.title.split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 1)
        }
        for row in rows {
            for (i, cell) in row.enumerated() where i < natural.count {
                let w = DisplayWidth.of(cell)
                natural[i] = Swift.max(natural[i], w)
                content[i] = Swift.max(content[i], w)
                if columns[i].alignment == .right { minimum[i] = Swift.max(minimum[i], w) }
            }
        }
        var widths = natural
        let separators = 3 * (columns.count - 1)
        // First the width only a long header asks for (it wraps to two lines at its spaces), then
        // text cells wrap down to 20 columns, then headers wrap further and text narrower, then
        // numbers too may wrap at their spaces, and last any word may be cut: the table always fits.
        let twoLineHeader = columns.map { (DisplayWidth.of($0.title) + 1) / 2 }
        let early = [
            widths.indices.map { Swift.max(minimum[$0], content[$0], twoLineHeader[$0]) },
            widths.indices.map { Swift.max(minimum[$0], twoLineHeader[$0], Swift.min(content[$0], 20)) },
            widths.indices.map { Swift.max(minimum[$0], twoLineHeader[$0]) }, minimum,
        ]
        for floor in early { squeeze(&widths, to: floor, separators: separators) }
        if widths.reduce(0, +) + separators > maxWidth {
            // Rare: even the minimums do not fit. Only then split every cell into words.
            let longestWord = columns.indices.map { i in
                ([columns[i].title] + rows.compactMap { i < $0.count ? $0[i] : nil })
                    .flatMap { $0.split(separator: " ") }.map { DisplayWidth.of(String($0)) }.max() ?? 1
            }
            squeeze(&widths, to: longestWord, separators: separators)
            squeeze(&widths, to: widths.map { _ in 1 }, separators: separators)
        }
        return widths
    }

    /// Takes a column from the widest above its floor until the table fits or every column is at it.
    private func squeeze(_ widths: inout [Int], to floor: [Int], separators: Int) {
        while widths.reduce(0, +) + separators > maxWidth {
            guard
                let i = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: {
                    widths[$0] - floor[$0] < widths[$1] - floor[$1]
                })
            else { return }
            widths[i] -= 1
        }
    }

    /// One row, wrapped to as many lines as its tallest cell, appended to `out` as UTF-8.
    private func line(_ cells: [String], _ widths: [Int], header: Bool, into out: inout [UInt8]) {
        // Every cell's bytes in one array; wrapped lines are ranges into them.
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for i in widths.indices {
            let start = bytes.count
            if i < cells.count { bytes += cells[i].utf8 }
            ranges.append(start..<bytes.count)
        }
        bytes.withUnsafeBufferPointer { all in
            let buffers = ranges.map { UnsafeBufferPointer(rebasing: all[$0]) }
            let wrapped = widths.indices.map { i in TextWrap.lines(buffers[i], width: Swift.max(1, widths[i])) }
            let height = wrapped.map { $0.count }.max() ?? 1  // a closure: a key path here was not inlined
            for k in 0..<height {
                for i in widths.indices {
                    if i > 0 { out += " | ".utf8 }
                    let piece = k < wrapped[i].count ? wrapped[i][k] : TextWrap.Line(range: 0..<0, width: 0)
                    let pad = repeatElement(UInt8(ascii: " "), count: Swift.max(0, widths[i] - piece.width))
                    let text = UnsafeBufferPointer(rebasing: buffers[i][piece.range])
                    if columns[i].alignment == .right && !header {
                        out += pad
                        out += text
                    } else {
                        out += text
                        out += pad
                    }
                }
                while out.last == 0x20 { out.removeLast() }
                out.append(0x0A)
            }
        }
    }
}
