import CCHCCore
import Foundation

/// Reads one sheet of a workbook as a table, the way CSVReader reads a CSV file: the first
/// non-empty row is the header, blank rows are skipped, every cell is text as the officer typed
/// or saw it. Each row's `line` is its Excel row number, and each field stands at its column
/// (field 0 is column A), so a message can name the cell (`scores.xlsx[scores]!E12`).
package enum SheetReader {
    /// One cell as stored: its column and its value as text.
    package struct Cell {
        package var column: Int
        package var text: String
        /// The cell holds a number (not text that looks like one).
        package var isNumber: Bool
    }

    /// One `<c>` element as stored, before its value is read: what both sheet readers (the
    /// libxml2 reference and the byte scanner) produce.
    package struct RawCell: Equatable {
        package var column: Int
        package var type: CellType
        /// `s`: the cell style.
        package var style: Int?
        /// `<v>`, `<is>` (its text) and `<f>`.
        package var value: String?
        package var inline: String?
        package var formula: String?
    }

    /// A cell's type (`t`): a number when it has none.
    package enum CellType: Equatable {
        /// `s`: an index into the shared strings.
        case shared
        /// `inlineStr`: the text in `<is>`.
        case inline
        /// `str`: a formula's text result; `e`: an error (`#DIV/0!`), read as its text.
        case string
        case error
        /// `b`: 0 or 1.
        case boolean
        /// `d`: an ISO 8601 date.
        case date
        /// `n`, or no `t`, or one no program writes: a number.
        case number

        package init(_ t: String?) {
            switch t {
            case "s": self = .shared
            case "inlineStr": self = .inline
            case "str": self = .string
            case "e": self = .error
            case "b": self = .boolean
            case "d": self = .date
            default: self = .number
            }
        }
    }

    /// The rows of a sheet as stored: each row's number and its cells.
    package typealias RawRows = [(line: Int, cells: [RawCell])]

    /// Reads `sheet` of `workbook`, naming it `file` in messages. `nil` when nothing can be read.
    /// - Parameters:
    ///   - required: an optional table (previous, targets) may be an empty sheet.
    ///   - headerHint: a column the header row has (`unit`): rows above it (a title) are left out.
    package static func table(
        _ workbook: Workbook, _ sheet: Workbook.Sheet, file: SourceName, required: Bool, headerHint: String? = nil,
        diagnostics: inout DiagnosticEngine
    ) -> CSVTable? {
        var rows: [(line: Int, cells: [Cell])]
        do {
            let part = try workbook.part(sheet.part)
            rows = try read(part, workbook, file, &diagnostics)
        } catch {
            diagnostics.error(file, error.message)
            return nil
        }
        if !required && !rows.contains(where: { row in row.cells.contains { !$0.text.trimmedSpaces.isEmpty } }) { return nil }
        return table(rows, file: file, headerHint: headerHint, diagnostics: &diagnostics)
    }

    /// The cells of a sheet part. The scanner reads the form Excel, LibreOffice and openpyxl
    /// write, a large sheet in two halves at once; anything else (prefixed names, comments,
    /// CDATA) goes to libxml2, the reference.
    private static func read(_ part: Data, _ workbook: Workbook, _ file: SourceName, _ diagnostics: inout DiagnosticEngine)
        throws(WorkbookError) -> [(line: Int, cells: [Cell])]
    {
        let halves = part.count >= scannerSplitSize ? 2 : 1
        if let pieces = SheetScanner.pieces(part, count: halves) {
            let read = Parallel.map(pieces.count) { k -> (rows: [(line: Int, cells: [Cell])], found: [Diagnostic])? in
                guard let raw = SheetScanner.rows(part, pieces[k]) else { return nil }
                var found = DiagnosticEngine()
                return (convert(raw, workbook, file, &found), found.diagnostics)
            }
            if read.allSatisfy({ $0 != nil }) {
                for piece in read { diagnostics.append(contentsOf: piece!.found) }
                return read.flatMap { $0!.rows }
            }
        }
        return convert(try rows(part), workbook, file, &diagnostics)
    }

    /// Excel's last row and column.
    package static let lastRow = 1_048_576
    package static let lastColumn = 16_384

    /// The number of a `<row>`: its `r`, or the one after `previous` when it has none.
    package static func rowNumber(_ r: String?, after previous: Int) throws(WorkbookError) -> Int {
        guard let r else {
            guard previous < lastRow else { throw .rowAfterLast }
            return previous + 1
        }
        guard r.utf8.count <= 7, r.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(r), n >= 1, n <= lastRow else {
            throw .rowNumber(r)
        }
        return n
    }

    /// The column of a `<c>`: from its `r`, or the one after `previous` when it has none.
    package static func columnNumber(_ r: String?, after previous: Int, row: Int) throws(WorkbookError) -> Int {
        guard let r else {
            guard previous < lastColumn else { throw .beyondLastColumn(row: row) }
            return previous + 1
        }
        guard let reference = CellReference(r) else { throw .cellReference(r, row: row) }
        return reference.column
    }

    /// Whether a stored cell holds anything: an empty `<c/>` is kept only as the place it takes.
    package static func holdsSomething(_ cell: RawCell) -> Bool { cell.value != nil || cell.inline != nil || cell.formula != nil }

    /// The part size from which the scanner reads a sheet in two halves.
    package static let scannerSplitSize = 1 << 20

    /// Stored cells as the officer typed or saw them.
    package static func convert(_ raw: RawRows, _ workbook: Workbook, _ file: SourceName, _ diagnostics: inout DiagnosticEngine)
        -> [(line: Int, cells: [Cell])]
    {
        raw.map { row in (row.line, row.cells.compactMap { cell($0, line: row.line, workbook, file, &diagnostics) }) }
    }

    /// The reference reader: the sheet's `<row>` and `<c>` elements through libxml2. Cells
    /// without an `r` follow the one before (some writers leave it out), as rows without one
    /// follow theirs.
    package static func rows(_ part: Data) throws(WorkbookError) -> RawRows {
        guard let stream = XMLStream(part) else { throw .unreadablePart("worksheet") }
        var rows: RawRows = []
        var line = 0
        var column = 0
        var cells: [RawCell] = []
        var inSheetData = false
        while try stream.next() {
            switch stream.node {
            case .element where stream.named("sheetData"):
                inSheetData = !stream.isEmptyElement
            case .endElement where stream.named("sheetData"):
                inSheetData = false
            case .element where inSheetData && stream.named("row"):
                line = try rowNumber(stream.attribute("r"), after: line)
                column = 0
                cells = []
                if stream.isEmptyElement { rows.append((line, [])) }
            case .endElement where inSheetData && stream.named("row"):
                rows.append((line, cells))
            case .element where inSheetData && stream.named("c"):
                let a = stream.attributes(["r", "t", "s"])
                column = try columnNumber(a[0], after: column, row: line)
                var cell = RawCell(column: column, type: CellType(a[1]), style: a[2].flatMap { Int($0) })
                try children(of: stream, into: &cell)
                if holdsSomething(cell) { cells.append(cell) }
            default: break
            }
        }
        return rows
    }

    /// The `<v>`, `<is>` and `<f>` children of a `<c>` element, read up to its end.
    private static func children(of stream: XMLStream, into cell: inout RawCell) throws(WorkbookError) {
        if stream.isEmptyElement { return }
        let depth = stream.depth
        while try stream.next() {
            if stream.node == .endElement && stream.depth == depth { return }
            guard stream.node == .element else { continue }
            if stream.named("v") {
                cell.value = try stream.elementText()
            } else if stream.named("is") {
                cell.inline = try stream.elementText(skipping: "rPh")
            } else if stream.named("f") {
                cell.formula = try stream.elementText()
            }
        }
    }

    /// A stored cell as the officer typed or saw it; `nil` for an empty cell or one in error
    /// (reported).
    package static func cell(
        _ raw: RawCell, line: Int, _ workbook: Workbook, _ file: SourceName, _ diagnostics: inout DiagnosticEngine
    )
        -> Cell?
    {
        let at = CellReference(column: raw.column, row: line)
        let value = raw.value
        switch raw.type {
        case .inline:
            return Cell(column: at.column, text: ExcelValue.unescaped(raw.inline ?? ""), isNumber: false)
        case _ where value == nil:
            if let formula = raw.formula {
                diagnostics.error(
                    file, line: at.row, column: at.column,
                    "the formula =\(formula) has no saved result (the file was written by a program that does not compute formulas); expected a value: open the file in Excel or LibreOffice Calc, save it, and run again"
                )
            }
            return nil
        case .shared:
            guard let index = value.flatMap({ Int($0) }), workbook.sharedStrings.indices.contains(index) else {
                diagnostics.error(
                    file, line: at.row, column: at.column,
                    "refers to a text the workbook does not hold; expected a cell saved by Excel")
                return nil
            }
            return Cell(column: at.column, text: workbook.sharedStrings[index], isNumber: false)
        case .string, .error:
            return Cell(column: at.column, text: ExcelValue.unescaped(value ?? ""), isNumber: false)
        case .boolean:
            return Cell(column: at.column, text: value == "1" ? "TRUE" : "FALSE", isNumber: false)
        case .date:
            return Cell(column: at.column, text: isoDate(value ?? ""), isNumber: false)
        case .number:
            return number(value ?? "", style: raw.style, at: at, workbook, file, &diagnostics)
        }
    }

    /// A number cell: a date when its style shows one, else the shortest decimal of its value.
    private static func number(
        _ stored: String, style: Int?, at: CellReference, _ workbook: Workbook, _ file: SourceName,
        _ diagnostics: inout DiagnosticEngine
    ) -> Cell? {
        if let style, workbook.dateStyles.indices.contains(style), workbook.dateStyles[style] {
            switch ExcelValue.date(stored, date1904: workbook.date1904) {
            case .success(let text): return Cell(column: at.column, text: text, isNumber: false)
            case .failure(.nonExistent1900):
                diagnostics.error(
                    file, line: at.row, column: at.column,
                    "holds the date 29/02/1900, which does not exist (Excel counts it for compatibility with Lotus 1-2-3); expected a real date, e.g. 01/03/1900"
                )
                return nil
            case .failure:
                break  // not a serial: read below as the number it is
            }
        }
        guard let text = ExcelValue.number(stored) else {
            diagnostics.error(
                file, line: at.row, column: at.column, "holds '\(stored)', which is not a number; expected a cell saved by Excel")
            return nil
        }
        return Cell(column: at.column, text: text, isNumber: true)
    }

    /// `2019-06-05T00:00:00` (a `d` cell, ISO 8601) as `05/06/2019`.
    private static func isoDate(_ text: String) -> String {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3 else { return text }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }
}
