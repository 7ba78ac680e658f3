import CCHCCore
import CCHCInput

extension ScoringWorkbook {
    /// The lines above the table: the year and issuer, what the workbook is and for whom, the
    /// deadline, what to fill.
    func title(_ rows: [ScoringRow]) -> [String] {
        let plan = setup.plan
        var lines = ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM \(plan.year) — \(plan.issuer.name.uppercased())"]
        switch (form.audience, form.round) {
        case (.units, .second):
            lines.append("Giải trình, bổ sung sau thẩm định lần 1 của: \(rows.first?.unit.name ?? id)")
        case (.units, _):
            lines.append("Phiếu tự đánh giá, chấm điểm\(form.roundSuffix) của: \(rows.first?.unit.name ?? id)")
        case (.leads, _):
            let fields = Set(rows.map { $0.criterion.code.description.split(separator: ".")[0] })
                .sorted { Int($0) ?? 0 < Int($1) ?? 0 }.joined(separator: ", ")
            lines.append("Phiếu thẩm định\(form.roundSuffix) của: \(id) (lĩnh vực \(fields))")
        }
        lines.append("Hạn gửi lại: " + (deadline.map { VietnameseDate.long($0, fallbackYear: plan.year) } ?? "theo Kế hoạch"))
        lines.append(
            "Chỉ điền các ô nền vàng. Điểm là một số từ 0 đến điểm tối đa, hoặc N/A khi tiêu chí không áp dụng; không thêm, xóa dòng, không sửa các cột khác."
        )
        return lines
    }

    /// The last day the workbook is to come back (plan.yaml `deadlines`).
    var deadline: PlanDate? {
        let d = setup.plan.deadlines
        let text: String?
        switch (form.audience, form.round) {
        case (.units, .second): text = d?.response ?? setup.plan.documents?.appraisal?.deadline
        case (.units, _): text = d?.selfAssessment
        case (.leads, .second): text = d?.appraisalRound2
        case (.leads, _): text = d?.appraisal
        }
        return text.flatMap(PlanDate.init)
    }
}

/// The scores table's cells by unit, code and column, as a workbook shows them: a score as a
/// number, N/A and text as text (read through the index `collect` merges into).
struct ScoresLookup {
    private let table: ScoresMerge

    init(_ setup: ScoringSetup) { table = ScoresMerge(setup.scores, setup) }

    func value(_ unit: String, _ code: CriterionCode, _ column: String) -> WorkbookWriter.Value {
        let text = table.cell(unit, code, column)
        if text.isEmpty { return .empty }
        if ScoringForm.scoreColumns.contains(column), case .success(let points) = NumberParser.points(text) {
            return .number(VietnameseNumber.plain(points), .general)
        }
        return .text(text)
    }
}
