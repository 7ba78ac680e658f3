import CCHCCore

/// Numbers as the documents print them: the plan's decimals, a dash where nothing applies.
extension DocumentParts {
    /// A score as printed: `85,58`.
    package func number(_ d: Points?) -> String { d.map { VietnameseNumber.format($0, maxDecimals: precision) } ?? "-" }

    /// A score as printed in a score column or a sentence: always the plan's decimals (`85,50`),
    /// so that a column never shows `91,7` beside `91,63`.
    package func score(_ d: Points?) -> String { index(d) }

    /// A score in a table: the plan's decimals, the exact value beside it.
    package func scoreCell(_ d: Points?, max: Points? = nil) -> DocCell {
        .number(d, decimals: precision, minDecimals: precision, max: max)
    }

    /// A difference in a table (chênh lệch): the plan's decimals, a rise with its sign (`+1,25`,
    /// `-0,50`, `0,00`), so that a reader never takes a rise for a score.
    package func differenceCell(_ d: Points?) -> DocCell {
        var cell = scoreCell(d)
        if let d, d > 0 { cell.text = "+" + cell.text }
        return cell
    }

    /// A max (điểm tối đa) in a table, as the framework gives it (`1,5`, `13`); a dash where
    /// nothing applies.
    package func maxCell(_ d: Points?) -> DocCell { .number(d, decimals: precision) }

    /// An index as printed in tables: `85,50`.
    package func index(_ d: Points?) -> String {
        d.map { VietnameseNumber.format($0, maxDecimals: precision, minDecimals: precision) } ?? "-"
    }
}
