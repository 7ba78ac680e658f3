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
        var out = ""
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-") + "\n"
        out += line(columns.map(\.title), widths, header: true)
        out += rule
        for row in rows { out += line(row, widths, header: false) }
        return out
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

    private func line(_ cells: [String], _ widths: [Int], header: Bool) -> String {
        let wrapped = widths.indices.map { i in TextWrap.wrap(i < cells.count ? cells[i] : "", width: widths[i]) }
        let height = wrapped.map(\.count).max() ?? 1
        var out = ""
        for k in 0..<height {
            var parts: [String] = []
            for i in widths.indices {
                let text = k < wrapped[i].count ? wrapped[i][k] : ""
                let pad = String(repeating: " ", count: Swift.max(0, widths[i] - DisplayWidth.of(text)))
                parts.append(columns[i].alignment == .right && !header ? pad + text : text + pad)
            }
            out += trimTrailing(parts.joined(separator: " | ")) + "\n"
        }
        return out
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Word wrapping by display width; a word longer than the width is cut.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Empty words keep runs of spaces (an indent, the blank of an unnumbered "Số:      /").
            var current = ""
            var currentWidth = 0
            var started = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if !started || currentWidth + 1 + w <= width {
                    current += started ? " " + word : word
                    currentWidth += (started ? 1 : 0) + w
                    started = true
                    if currentWidth <= width { continue }
                    word = current
                    w = currentWidth
                    (current, currentWidth) = ("", 0)
                } else {
                    lines.append(trimTrailing(current))
                }
                while w > width {
                    let (head, rest) = cut(word, width)
                    lines.append(head)
                    word = rest
                    w = DisplayWidth.of(word)
                }
                (current, currentWidth) = (word, w)
            }
            lines.append(trimTrailing(current))
        }
        return lines
    }

    private static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }

    private static func cut(_ word: String, _ width: Int) -> (String, String) {
        var head = ""
        var w = 0
        var index = word.startIndex
        while index < word.endIndex {
            let cw = DisplayWidth.of(word[index])
            if w + cw > width && w > 0 { break }
            head.append(word[index])
            w += cw
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
