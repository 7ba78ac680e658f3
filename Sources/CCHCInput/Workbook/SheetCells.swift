import CCHCCore

/// Names the cell of a problem found in a sheet. The loaders say which column a problem is in
/// (its `field`, the column's title) and the row it is on, as they do for a CSV file; in a sheet
/// that is a cell, which Excel users find by its address (`scores.xlsx[scores]!E12`).
package enum SheetCells {
    /// The header of each table read from a sheet, by the name it was read under.
    package static func headers(of tables: [CSVTable]) -> [SourceName: [String]] {
        Dictionary(tables.filter(\.file.isSheet).map { ($0.file, $0.header) }, uniquingKeysWith: { a, _ in a })
    }

    /// `diagnostics` with the column of every sheet problem that names one filled in.
    package static func locate(_ diagnostics: DiagnosticEngine, headers: [SourceName: [String]]) -> DiagnosticEngine {
        guard !headers.isEmpty else { return diagnostics }
        var located = DiagnosticEngine()
        located.append(
            contentsOf: diagnostics.diagnostics.map { d in
                guard d.isSheet, d.column == nil, d.line != nil, let header = headers[d.file], let name = d.field,
                    let index = header.firstIndex(where: { $0.lowercased() == name.lowercased() })
                else { return d }
                var cell = d
                cell.column = index + 1  // field 0 is column A
                return cell
            })
        return located
    }

}
