import CCHCCore
import Foundation

/// Why a workbook (.xlsx) cannot be read at all. Problems with single cells are diagnostics of
/// the table, not errors of the workbook.
public enum WorkbookError: Error, Equatable, Sendable {
    /// The file is an Excel 97–2003 workbook (.xls), a binary format cchc does not read.
    case legacyExcel
    /// The file is not a ZIP container, so not an .xlsx at all.
    case notAZip
    /// A part the workbook needs is missing (e.g. `xl/workbook.xml`).
    case missingPart(String)
    /// A part is not well-formed XML (the line is the part's, as libxml2 counts it).
    case malformedPart(line: Int)
    /// A part found in the container could not be extracted (damaged or too large).
    case unreadablePart(String)
    /// The workbook has no sheet to read.
    case noSheets
    /// A part inflates to more than a table file may hold (512 MB).
    case partTooLarge(String)
    /// Two entries of the container share one name: programs disagree on which one is the part.
    case duplicateEntry(String)
    /// A row's `r` is not a row number Excel has (1 to 1.048.576).
    case rowNumber(String)
    /// A row without `r` would follow row 1.048.576.
    case rowAfterLast
    /// A cell's `r` is not a cell address (`E12`).
    case cellReference(String, row: Int)
    /// A cell would stand beyond column XFD (16.384).
    case beyondLastColumn(row: Int)

    /// What went wrong and how to fix it, in the officer's words.
    public var message: String {
        let save = "open it in Excel or LibreOffice Calc and save it as an Excel workbook (.xlsx)"
        switch self {
        case .legacyExcel: return "is an Excel 97-2003 workbook (.xls); \(save)"
        case .notAZip: return "is not an Excel workbook (.xlsx) (it is not a ZIP container); \(save)"
        case .missingPart(let part): return "is not a complete Excel workbook: it has no \(part); \(save)"
        case .malformedPart(let line): return "holds damaged XML (line \(line) of a part); \(save)"
        case .unreadablePart(let part): return "has a part that cannot be read (\(part)); \(save)"
        case .noSheets: return "has no sheet; expected a sheet with a header row"
        case .partTooLarge(let part):
            return
                "has a part (\(part)) larger than \(DatasetFiles.maxFileBytes >> 20) MB once unpacked; expected a workbook of at most that much data (a table this large is not one cchc reads)"
        case .duplicateEntry(let part):
            return "holds the part \(part) twice, so programs may read different sheets from it; \(save)"
        case .rowNumber(let text):
            return
                "has a row numbered '\(CellText.shown(String(text.prefix(24))))'; expected rows 1 to 1048576, as Excel numbers them; \(save)"
        case .rowAfterLast:
            return "has a row after row 1048576, Excel's last; \(save)"
        case .cellReference(let text, let row):
            return
                "row \(row) has a cell at '\(CellText.shown(String(text.prefix(24))))', which is not a cell address; expected addresses such as E12; \(save)"
        case .beyondLastColumn(let row):
            return "row \(row) has a cell beyond column XFD, Excel's last (16384); \(save)"
        }
    }
}
