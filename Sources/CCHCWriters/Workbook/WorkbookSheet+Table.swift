import CCHCDocuments

extension WorkbookWriter.Sheet {
    /// A document's table as a sheet: its columns and rows as the document prints them, each
    /// number kept a number (exactly) shown with the decimals it is printed with, and a score's max (`85,50/100`'s
    /// 100) in a column of its own, `Điểm tối đa`, beside it, unless the table has that column
    /// already (the decision's appendix).
    /// - Parameter width: the width of a column, by its title.
    package init(table: DocTable, name: String, width: (String) -> Int) {
        let hasMaxColumn = table.columns.contains { $0.title == Self.maxTitle }
        let withMax = table.columns.indices.map { i in
            !hasMaxColumn && table.rows.contains { i < $0.cells.count && $0.cells[i].max != nil }
        }
        var header: [String] = []
        for (column, max) in zip(table.columns, withMax) {
            header.append(column.title)
            if max { header.append(Self.maxTitle) }
        }
        let rows = table.rows.map { row in
            zip(row.cells, withMax).flatMap { cell, max -> [WorkbookWriter.Value] in
                let value = Self.value(cell)
                return max ? [value, cell.max.map { .number($0, .general) } ?? .empty] : [value]
            }
        }
        self.init(name: name, header: header, rows: rows, widths: header.map(width))
    }

    /// The title of a column of maxes.
    package static let maxTitle = "Điểm tối đa"

    /// A cell as a workbook value: a number as a number, empty text and a dash (N/A) as nothing.
    private static func value(_ cell: DocCell) -> WorkbookWriter.Value {
        switch cell.kind {
        case .text: return cell.text.isEmpty ? .empty : .text(cell.text)
        case .integer: return cell.value.map { .number($0, .integer) } ?? .empty
        case .decimal(let places): return (cell.exact ?? cell.value).map { .number($0, .decimals(places)) } ?? .empty
        case .rankChange: return cell.value.map { .number($0, .signed) } ?? .empty
        }
    }
}
