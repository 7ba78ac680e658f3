import CCHCCore
import Foundation

/// A scoring workbook as it came back: what its hidden sheet says it is, and its table of scores
/// (read like any sheet: title rows above the header left out, cells as the officer typed them).
public struct ReturnedWorkbook: Sendable {
    /// The file as the officer named it on the command line (`Nhan/so-tu-phap.xlsx`).
    public var file: String
    public var stamp: ScoringStamp
    /// The sheet `scores`, named `file[scores]` in messages.
    public var table: CSVTable

    /// Reads `url`, or says at the file why it is not a scoring workbook of cchc.
    public static func read(_ url: URL, label: String, diagnostics: inout DiagnosticEngine) -> ReturnedWorkbook? {
        let file = SourceName(label)
        guard
            let data = DatasetFiles.read(
                url.lastPathComponent, in: url.deletingLastPathComponent(), required: true, diagnostics: &diagnostics)
        else { return nil }
        let book: Workbook
        do { book = try Workbook(data) } catch {
            diagnostics.error(file, "\(error.message); expected a scoring workbook (.xlsx) written by `cchc sheets`")
            return nil
        }
        guard let stampSheet = book.sheets.first(where: { $0.name.lowercased() == ScoringStamp.sheetName }),
            let keys = SheetReader.table(
                book, stampSheet, file: SourceName(label, sheet: stampSheet.name), required: true, headerHint: "key",
                diagnostics: &diagnostics)
        else {
            diagnostics.error(
                file,
                "has no hidden sheet '\(ScoringStamp.sheetName)', so it is not a workbook `cchc sheets` wrote; expected a scoring workbook sent out by the secretariat, returned with its sheets as they were"
            )
            return nil
        }
        let pairs = Dictionary(
            keys.rows.map { (keys.value($0, 0), keys.value($0, 1)) }, uniquingKeysWith: { first, _ in first })
        let stamp: ScoringStamp
        do { stamp = try ScoringStamp(rows: pairs) } catch {
            let what = error == .notAScoringWorkbook ? "does not say it is a scoring workbook" : "lost its '\(Self.key(error))'"
            diagnostics.error(
                SourceName(label, sheet: stampSheet.name),
                "\(what); expected the sheet as `cchc sheets` wrote it: send the unit a new workbook")
            return nil
        }
        guard
            let sheet = book.sheets.first(where: { $0.name.lowercased() == "scores" })
                ?? book.sheets.first(where: { !$0.hidden && $0.name.lowercased() != ScoringStamp.sheetName }),
            let table = SheetReader.table(
                book, sheet, file: SourceName(label, sheet: sheet.name), required: true, headerHint: "unit",
                diagnostics: &diagnostics)
        else { return nil }
        return ReturnedWorkbook(file: label, stamp: stamp, table: table)
    }

    private static func key(_ problem: ScoringStamp.StampProblem) -> String {
        if case .missing(let key) = problem { return key }
        return "kind"
    }

    /// The workbook's name in messages: its file and the sheet of scores.
    public var source: SourceName { table.file }

    /// Who sent it, as the report says: "snv" or "Sở Tư pháp", with the round.
    public var sender: String { stamp.id + stamp.form.roundSuffix }
}
