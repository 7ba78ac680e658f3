/// The rows of a table as a template reads them (`{{#rows}}{{#strong}}…{{/strong}}{{#cells}}{{text}}
/// {{/cells}}{{/rows}}`), held in three flat arrays instead of an object per row and per cell: a
/// national render's tables hold millions of cells, and an object each was a fifth of building
/// a document's values, allocating and freeing them.
///
/// A template sees exactly what objects would show it: a row has its named fields and `cells`
/// (a list), a cell its named fields; a name neither has is looked up in the enclosing sections.
public final class TemplateRows: Sendable {
    /// The fields of every row, and of every cell, by name.
    package let rowNames: [String]
    package let cellNames: [String]
    /// Row `r`'s field `k` at `r * rowNames.count + k`; cell `i`'s (counted over the table) at
    /// `i * cellNames.count + k`.
    package let rowValues: [TemplateValue]
    package let cellValues: [TemplateValue]
    /// Row `r`'s cells are `firstCell[r]..<firstCell[r + 1]`.
    package let firstCell: [Int]

    /// - Parameters:
    ///   - firstCell: the index of each row's first cell, and after them the number of cells.
    public init(
        rowNames: [String], rowValues: [TemplateValue], cellNames: [String], cellValues: [TemplateValue], firstCell: [Int]
    ) {
        precondition(firstCell.count >= 1 && rowValues.count == (firstCell.count - 1) * rowNames.count)
        precondition(cellValues.count == firstCell[firstCell.count - 1] * cellNames.count)
        (self.rowNames, self.rowValues, self.cellNames, self.cellValues, self.firstCell) =
            (rowNames, rowValues, cellNames, cellValues, firstCell)
    }

    /// The number of rows.
    public var count: Int { firstCell.count - 1 }

    /// Field `name` of row `r`: `cells`, or one of `rowNames`.
    func field(ofRow r: Int, _ name: String) -> TemplateValue? {
        if name == "cells" { return .cells(self, r) }
        guard let k = Self.position(of: name, in: rowNames) else { return nil }
        return rowValues[r * rowNames.count + k]
    }

    /// Field `name` of cell `i`.
    func field(ofCell i: Int, _ name: String) -> TemplateValue? {
        guard let k = Self.position(of: name, in: cellNames) else { return nil }
        return cellValues[i * cellNames.count + k]
    }

    /// Where `name` is among `names`; names of another length are passed over without comparing.
    private static func position(of name: String, in names: [String]) -> Int? {
        let length = name.utf8.count
        for k in names.indices where names[k].utf8.count == length && names[k] == name { return k }
        return nil
    }
}
