import CCHCCore
import Foundation

extension CellText {
    /// Reports every cell of `table` (header included) that holds what documents cannot carry,
    /// at its row and column, and writes the line breaks of fields that may hold several lines
    /// one way (`normalisedLines`).
    package static func check(_ table: inout CSVTable, diagnostics: inout DiagnosticEngine) {
        for (i, title) in table.header.enumerated() {
            if let problem = problem(title, multiline: false) {
                diagnostics.error(
                    table.file, line: table.headerLine,
                    "column \(i + 1) of the header: " + message(problem, column: "title", value: title))
            }
        }
        let multiline = table.header.map { multilineColumns.contains($0.lowercased()) }
        for r in table.rows.indices {
            let row = table.rows[r]
            for (i, field) in row.fields.enumerated() {
                let lines = i < multiline.count && multiline[i]
                guard let problem = problem(field, multiline: lines) else {
                    if lines { table.rows[r].fields[i] = normalisedLines(field) }
                    continue
                }
                let column = i < table.header.count ? table.header[i] : "\(i + 1)"
                diagnostics.error(table.file, line: row.line, field: column, message(problem, column: column, value: field))
            }
        }
    }
}
