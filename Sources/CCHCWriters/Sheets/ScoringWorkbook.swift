import CCHCCore
import CCHCInput
import Foundation

/// A scoring workbook (phiếu chấm điểm) of `cchc sheets`: one sheet `scores` to fill in, a title
/// above a row of captions and the header row scores.csv's names, and the hidden sheet `cchc`
/// that tells `cchc collect` what the workbook is (`ScoringStamp`).
public struct ScoringWorkbook: Sendable {
    public var setup: ScoringSetup
    public var form: ScoringForm
    /// The unit's id, or the lead agency's name.
    public var id: String

    public init(_ setup: ScoringSetup, _ form: ScoringForm, id: String) { (self.setup, self.form, self.id) = (setup, form, id) }

    /// The file's name: the unit's id (`snv.xlsx`), or the lead's name without marks (`so-tu-phap.xlsx`),
    /// each with the round (`so-tu-phap-lan-2.xlsx`).
    public var fileName: String {
        let stem = form.audience == .units ? id : Slug.of(id)
        return stem + (form.round == .only ? "" : "-lan-\(form.round.rawValue)") + ".xlsx"
    }

    /// The workbook: its rows, or `nil` when the id has none (a lead of no appraised criterion).
    public func writer() -> WorkbookWriter? {
        let rows = setup.rows(form, id: id)
        guard !rows.isEmpty else { return nil }
        let columns = self.columns(rows)
        var sheet = WorkbookWriter.Sheet(
            name: "scores", header: columns, rows: [], widths: columns.map { Self.widths[$0] ?? 12 }, landscape: true)
        sheet.title = title(rows)
        sheet.captions = columns.map { ScoringForm.captions[$0] ?? $0 }
        let values = ScoresLookup(setup)
        sheet.rows = rows.map { row in columns.map { cell($0, row, values) } }
        let fill = Set(columns.indices.filter { form.fill.contains(columns[$0]) })
        let fixed = Set(rows.indices.filter { !rows[$0].takesScore })
        let bold = Set(rows.indices.filter { !rows[$0].criterion.isLeaf })
        sheet.form = WorkbookWriter.Form(
            fill: fill, fixed: fixed, bold: bold, validations: validations(columns, header: sheet.headerRow))
        let stamp = ScoringStamp(
            dataset: setup.name, issuer: setup.plan.issuer.name, year: setup.plan.year, form: form, id: id,
            fingerprint: setup.fingerprint(rows), headerRow: sheet.headerRow)
        var hidden = WorkbookWriter.Sheet(
            name: ScoringStamp.sheetName, header: ["key", "value"], rows: stamp.rows.map { [.text($0.key), .text($0.value)] },
            widths: [12, 70], landscape: false, headerLines: 1)
        hidden.hidden = true
        return WorkbookWriter(sheets: [sheet, hidden])
    }

    /// The columns, by scores.csv's names where it has them: who and what, then the framework's
    /// guidance (on a unit's first round, when the framework gives it), then what is shown, then
    /// what is filled.
    private func columns(_ rows: [ScoringRow]) -> [String] {
        var columns = ["unit"] + (form.audience == .leads ? ["unit-name"] : []) + ["code", "name", "max"]
        if form.audience == .units && form.round != .second {
            columns.append("method")
            if rows.contains(where: { !$0.criterion.rule.isEmpty }) { columns.append("rule") }
            if rows.contains(where: { !$0.criterion.evidence.isEmpty }) { columns.append("required") }
        }
        return columns + form.shown + form.fill
    }

    /// One cell of a row.
    private func cell(_ column: String, _ row: ScoringRow, _ values: ScoresLookup) -> WorkbookWriter.Value {
        let c = row.criterion
        switch column {
        case "unit": return .text(row.unit.id)
        case "unit-name": return .text(row.unit.name)
        case "code": return .text(c.code.description)
        case "name": return .text(c.name)
        case "max": return .number(VietnameseNumber.plain(c.max), .general)
        case "method": return .text(Self.methodLabel(c.method))
        case "rule": return c.rule.isEmpty ? .empty : .text(c.rule)
        case "required": return c.evidence.isEmpty ? .empty : .text(c.evidence)
        default:
            if c.isLeaf && c.method.isSurvey && column == "self" { return .text(ScoringForm.surveyMarker) }
            guard form.shown.contains(column), row.takesScore else { return .empty }
            return values.value(row.unit.id, c.code, column)
        }
    }

    /// How a criterion is scored, as the officer says it.
    static func methodLabel(_ method: ScoringMethod) -> String {
        switch method {
        case .thamDinh: return "Thẩm định"
        case .dieuTra: return "Điều tra XHH"
        case .sipas: return "SIPAS"
        }
    }

    /// The score column's validation: a number from 0 to the row's max, or N/A.
    private func validations(_ columns: [String], header: Int) -> [WorkbookWriter.Validation] {
        guard let score = form.scoreColumn, let at = columns.firstIndex(of: score), let max = columns.firstIndex(of: "max") else {
            return []
        }
        let cell = CellReference(column: at + 1, row: header + 1).description
        let top = CellReference(column: max + 1, row: header + 1).description
        return [
            WorkbookWriter.Validation(
                column: at, formula: "OR(\(cell)=\"N/A\",\(cell)=\"-\",AND(ISNUMBER(\(cell)),\(cell)>=0,\(cell)<=\(top)))",
                message:
                    "Điểm là một số từ 0 đến điểm tối đa của tiêu chí (cột Điểm tối đa), hoặc N/A khi tiêu chí không áp dụng đối với đơn vị."
            )
        ]
    }

    static let widths: [String: Int] = [
        "unit": 10, "unit-name": 24, "code": 9, "name": 46, "max": 9, "method": 13, "rule": 36, "required": 30, "self": 11,
        "evidence": 32, "explanation": 28, "round1": 11, "comment1": 28, "response": 30, "appraised": 11, "comment": 28,
    ]
}
