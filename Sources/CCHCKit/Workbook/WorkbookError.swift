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
        }
    }
}
