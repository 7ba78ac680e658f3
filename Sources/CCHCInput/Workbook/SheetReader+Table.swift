import CCHCCore
import Foundation

extension SheetReader {
    /// The rows of a sheet as a table: the header is the first non-empty row, or, when rows of
    /// title stand above it, the first of the sheet's first ten filled rows that has a cell
    /// `headerHint` (`unit`); blank rows are skipped, and each field stands at its column (field 0
    /// is column A). The rows are built in chunks on every core; problems come in row order.
    package static func table(
        _ rows: [(line: Int, cells: [Cell])], file: SourceName, headerHint: String? = nil, diagnostics: inout DiagnosticEngine
    ) -> CSVTable? {
        guard let firstFilled = rows.firstIndex(where: isFilled) else {
            diagnostics.error(file, "the sheet is empty; expected a header row, e.g. unit | code | self | appraised")
            return nil
        }
        let hinted = headerHint.flatMap { hint in
            rows[firstFilled...].lazy.filter(isFilled).prefix(10).first { row in
                row.cells.contains { $0.text.trimmedSpaces.lowercased() == hint }
            }?.line
        }
        let headerAt = hinted.flatMap { line in rows.firstIndex { $0.line == line } } ?? firstFilled
        let first = rows[headerAt]
        let width = first.cells.filter { !$0.text.trimmedSpaces.isEmpty }.map(\.column).max() ?? 0
        var header = [String](repeating: "", count: width)
        for cell in first.cells where cell.column <= width { header[cell.column - 1] = nfc(cell.text).trimmedSpaces }
        let body = rows[(headerAt + 1)...]
        // Every row gets a field per column up to the header's last title: a title far to the
        // right over many rows would make millions of empty fields.
        guard width == 0 || body.count <= maxFields / width else {
            diagnostics.error(
                file,
                "holds \(body.count) rows under a header reaching column \(CellReference.letters(width)) (\(width) columns); expected a table of at most \(maxFields) cells: delete the columns right of the table, or move the title at \(CellReference(column: width, row: first.line)) into it"
            )
            return nil
        }
        CSVReader.reportRepeatedColumns(header, file: file, line: first.line, diagnostics: &diagnostics)
        let shape = Shape(
            header: header, headerLine: first.line, code: header.firstIndex { $0.lowercased() == "code" }.map { $0 + 1 })
        let chunk = 4096
        let chunks = Parallel.map((body.count + chunk - 1) / chunk) { k -> Built in
            let start = body.startIndex + k * chunk
            return build(body[start..<min(body.endIndex, start + chunk)], shape, file: file)
        }
        var table = CSVTable(file: file, header: header, rows: [], malformed: [], separator: ",")
        table.headerLine = first.line
        table.rows.reserveCapacity(body.count)
        for built in chunks {
            table.rows += built.rows
            table.malformed += built.malformed
            diagnostics.append(contentsOf: built.problems)
        }
        return table
    }

    /// The most fields a sheet's table may have (rows × columns of its header): 2²⁵, ten times the
    /// national scores table.
    package static let maxFields = 1 << 25

    /// What every row is built against: the header and where the codes are.
    package struct Shape: Sendable {
        package var header: [String]
        package var headerLine: Int
        /// The column of `code` (1-based), whose cells must be text.
        package var code: Int?
    }

    /// Rows built from one chunk of a sheet.
    package struct Built: Sendable {
        package var rows: [CSVTable.Row] = []
        package var malformed: [CSVTable.Row] = []
        package var problems: [Diagnostic] = []
    }

    package static func isFilled(_ row: (line: Int, cells: [Cell])) -> Bool {
        row.cells.contains { !$0.text.trimmedSpaces.isEmpty }
    }

    /// The table rows of a chunk of sheet rows: blank rows skipped, each cell at its column.
    package static func build(_ rows: ArraySlice<(line: Int, cells: [Cell])>, _ shape: Shape, file: SourceName) -> Built {
        var built = Built()
        var found = DiagnosticEngine()
        let width = shape.header.count
        built.rows.reserveCapacity(rows.count)
        for row in rows where isFilled(row) {
            var fields = [String](repeating: "", count: width)
            var fits = true
            for cell in row.cells {
                guard cell.column <= width else {
                    if !cell.text.trimmedSpaces.isEmpty {
                        found.warning(
                            file, line: row.line, column: cell.column,
                            "holds '\(cell.text.prefix(40))' in a column with no title in the header row (row \(shape.headerLine)), so it is not read; expected a title above every column you fill"
                        )
                    }
                    continue
                }
                if cell.column == shape.code, cell.isNumber, cell.text.contains(".") {
                    found.error(
                        file, line: row.line, column: cell.column,
                        field: "code",
                        "the cell holds the number \(cell.text), not a code: Excel turns a code typed as \(cell.text)0 into the number \(cell.text); expected the codes as text: format the column as Text and type them again, or type a ' before each code (e.g. '1.10)"
                    )
                }
                if cell.text.utf8.count > CSVReader.maxCellBytes {
                    found.error(
                        file, line: row.line, column: cell.column,
                        field: "\(shape.header[cell.column - 1])",
                        "a cell of \(cell.text.utf8.count) bytes; expected at most \(CSVReader.maxCellBytes) (1 MB)"
                    )
                    fits = false
                }
                fields[cell.column - 1] = nfc(cell.text)
            }
            let record = CSVTable.Row(line: row.line, fields: fields)
            if fits { built.rows.append(record) } else { built.malformed.append(record) }
        }
        built.problems = found.diagnostics
        return built
    }

    /// Text in NFC, normalised only when it may not be already.
    package static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }  // ASCII: ids, codes, numbers
        return TextDecoder.isNFCByQuickCheck(ArraySlice(text.utf8)) ? text : text.precomposedStringWithCanonicalMapping
    }
}
