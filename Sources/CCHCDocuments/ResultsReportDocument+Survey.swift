import CCHCCore
import CCHCInput
import CCHCTemplate
import Foundation

extension ResultsReportDocument {
    /// Phụ lục "Kết quả điều tra xã hội học", when the survey's points come from the raw forms:
    /// per unit, the forms returned by each group, and each survey criterion's percentage, max and
    /// points (survey-results.csv holds each group's percentage too).
    func surveyAppendix(_ words: Sentences) throws(TemplateError) -> [Appendix] {
        guard let forms = parts.dataset.surveyForms, !forms.points.isEmpty else { return [] }
        let units = Dictionary(grouping: forms.rows.filter { $0.group == "*" }, by: \.unit)
        var rows: [DocRow] = []
        for unit in parts.dataset.units {
            guard let leaves = units[unit.id] else { continue }
            let framework = parts.dataset.framework(of: unit)
            let returned = forms.respondents[unit.id] ?? [:]
            let count = returned.values.reduce(0, +)
            let byGroup = VietnameseCollation.sorted(Array(returned.keys)).map { "\($0): \(returned[$0]!)" }.joined(
                separator: "; ")
            for (i, leaf) in leaves.sorted(by: { $0.code < $1.code }).enumerated() {
                let criterion = framework[leaf.code]
                rows.append(
                    DocRow([
                        .text(i == 0 ? unit.name : ""), .text(i == 0 ? "\(count) (\(byGroup))" : ""),
                        .text(leaf.code.description),
                        .text(criterion?.name ?? ""), .number(Points(leaf.percent).roundedHalfUp(2), decimals: 2, minDecimals: 2),
                        parts.maxCell(criterion?.max), parts.scoreCell(forms.points[unit.id]?[leaf.code]),
                    ]))
            }
        }
        let columns = [
            DocColumn("Đơn vị"), DocColumn("Số phiếu thu về (theo nhóm)"), DocColumn("Mã"), DocColumn("Tiêu chí"),
            DocColumn("Tỷ lệ (%)", numeric: true), DocColumn("Điểm tối đa", numeric: true), DocColumn("Điểm", numeric: true),
        ]
        return [
            Appendix(
                label: try words.one("surveyLabel"), title: try words.one("surveyTitle"),
                attached: try words.one("surveyAttached"),
                blocks: [.table(DocTable(id: "survey-forms", title: "", columns: columns, rows: rows))], landscape: true)
        ]
    }
}
