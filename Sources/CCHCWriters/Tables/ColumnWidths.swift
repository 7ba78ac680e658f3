import CCHCDocuments

/// The width each column of a table takes on the page, from its content (NĐ 30/2020, as docs/formats.md tells):
/// a name takes the room it needs, a number or a short label (`Trung bình`, `Sở Nội vụ`) never
/// wraps and its title takes at most two lines, and a long title wraps word by word over the
/// column its cells need.
package enum ColumnWidths {
    /// One column's share of the table's width and whether its cells stay on one line.
    package struct Column: Equatable {
        /// Percent of the table's width, whole numbers adding up to 100.
        package var percent: Int
        package var nowrap: Bool
        /// Its longest cell and its title's longest word, in characters (what Word's fixed
        /// widths are made from).
        package var widest = 0
        package var longestWord = 0
    }

    /// Cells longer than this wrap: a long description gets a wide column, not the whole table.
    /// The first wide text column is the one the reader looks for (the unit, the criterion, the
    /// task); the notes after it (evidence, comments) wrap sooner.
    package static let longest = 48
    package static let longestNote = 26
    /// A text column whose every cell is at most this long stays on one line.
    package static let short = 18

    /// A text's length in characters: its Unicode scalars (the UTF-8 bytes that start one), one
    /// a letter in NFC Vietnamese. Counting grapheme clusters cost a tenth of rendering a large
    /// table.
    package static func length(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }

    /// The length of a title's longest word, the narrowest its column can be.
    package static func longestWord(_ title: String) -> Int {
        var title = title
        return title.withUTF8 { bytes in
            var (longest, word) = (0, 0)
            for b in bytes {
                if b == 0x20 {
                    word = 0
                } else if b & 0xC0 != 0x80 {
                    word += 1
                    longest = max(longest, word)
                }
            }
            return longest
        }
    }

    package static func of(_ table: DocTable) -> [Column] {
        guard !table.columns.isEmpty else { return [] }
        var named = false
        let needs = table.columns.indices.map { c -> (chars: Int, nowrap: Bool, widest: Int, word: Int) in
            var widest = 0
            for r in table.rows.indices where c < table.rows[r].cells.count {
                widest = max(widest, length(table.rows[r].cells[c].text))
            }
            let word = longestWord(table.columns[c].title)
            let nowrap = table.columns[c].numeric || widest <= short
            var cap = longest
            if !nowrap {
                cap = named ? longestNote : longest
                named = true
            }
            // A number's column is as wide as half its title, so that the title takes two
            // lines, not four or five ("Điểm tự / đánh giá"); the name column gives the room.
            let title = nowrap ? (length(table.columns[c].title) + 1) / 2 + 2 : 0
            return (max(min(widest, cap), word, title, 2), nowrap, widest, word)
        }
        let total = needs.reduce(0) { $0 + $1.chars }
        var percents = needs.map { $0.chars * 100 / total }
        // What rounding down left over goes to the widest column, so the shares add up to 100.
        if let widest = needs.indices.max(by: { needs[$0].chars < needs[$1].chars }) {
            percents[widest] += 100 - percents.reduce(0, +)
        }
        return zip(percents, needs).map { Column(percent: $0, nowrap: $1.nowrap, widest: $1.widest, longestWord: $1.word) }
    }
}
