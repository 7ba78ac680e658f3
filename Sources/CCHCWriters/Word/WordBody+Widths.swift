import CCHCDocuments
import Foundation

/// How wide a Word table's columns are: Word's fixed layout does not widen a column for its
/// content as a browser does, so the widths are set from the content here.
extension WordBody {
    /// Twips a character of 12 pt text takes, on average (a bold title's letters, with their
    /// marks, a little more), and a cell's margins.
    package static let characterWidth = 125
    package static let titleCharacterWidth = 160
    package static let cellMargins = 200

    /// Each column's width in twips, adding up to `total`. Word's fixed layout does not widen a
    /// column for its content as a browser does: a number or short label (`ColumnWidths` says
    /// which never wrap) gets the width its longest cell and its title's longest word need, and
    /// the text columns share what is left in `ColumnWidths`' proportions.
    package static func columnWidths(_ t: DocTable, total: Int) -> [Int] {
        let shares = ColumnWidths.of(t)
        let needs = shares.map { max(max($0.widest, 1) * characterWidth, $0.longestWord * titleCharacterWidth) + cellMargins }
        let fixed = shares.indices.filter { shares[$0].nowrap }
        let flexible = shares.indices.filter { !shares[$0].nowrap }
        let fixedWidth = max(1, fixed.reduce(0) { $0 + needs[$1] })
        // The text columns keep at least a quarter of the line; the others shrink (and wrap)
        // when they need more than the rest, or share all of it when there is no text column.
        let room = flexible.isEmpty ? total : min(fixedWidth, total * 3 / 4)
        var widths = needs
        if fixedWidth != room { for c in fixed { widths[c] = needs[c] * room / fixedWidth } }
        let flexibleShare = flexible.reduce(0) { $0 + max(1, shares[$1].percent) }
        let left = total - fixed.reduce(0) { $0 + widths[$1] }
        for c in flexible { widths[c] = left * max(1, shares[c].percent) / flexibleShare }
        let last = flexible.max(by: { widths[$0] < widths[$1] }) ?? widths.indices.last
        if let last { widths[last] += total - widths.reduce(0, +) }
        return widths
    }

    /// `percents` of `width`, in whole twips adding up to `width`.
    package static func twips(_ percents: [Int], of width: Int) -> [Int] {
        var out = percents.map { $0 * width / 100 }
        if !out.isEmpty { out[out.count - 1] += width - out.reduce(0, +) }
        return out
    }
}
