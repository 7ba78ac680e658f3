import Foundation

/// The ranking tables the report and the decision's appendices share.
struct RankingTables {
    let parts: DocumentParts

    /// The decision's appendix columns: STT, Đơn vị, Điểm tự đánh giá, Điểm thẩm định, Điểm điều tra
    /// XHH, Tổng điểm, Chỉ số (%), Xếp hạng, Xếp loại, Tăng/giảm bậc.
    func appendixTable(_ group: GroupResult) -> DocTable {
        let rows = group.units.enumerated().map { i, u in
            DocRow([
                .integer(i + 1), .text(u.name), .number(u.selfTotal, decimals: parts.precision),
                .number(subtotal(u, [.thamDinh]), decimals: parts.precision),
                .number(subtotal(u, [.dieuTra, .sipas]), decimals: parts.precision),
                .number(u.total, decimals: parts.precision, max: u.max),
                .number(u.index, decimals: parts.precision, minDecimals: parts.precision),
                .integer(u.rank), .text(u.band ?? ""), .text(RankChange.text(u.rankChange)),
            ])
        }
        return DocTable(
            id: "ranking-\(slug(group.name))", title: "",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Đơn vị"), DocColumn("Điểm tự đánh giá", numeric: true),
                DocColumn("Điểm thẩm định", numeric: true), DocColumn("Điểm điều tra XHH", numeric: true),
                DocColumn("Tổng điểm", numeric: true), DocColumn("Chỉ số (%)", numeric: true),
                DocColumn("Xếp hạng", numeric: true),
                DocColumn("Xếp loại"), DocColumn("Tăng/giảm bậc"),
            ],
            rows: rows)
    }

    /// The report's ranking table: rank, unit, total/max, index, subtotals by method, change.
    func reportTable(_ group: GroupResult, title: String) -> DocTable {
        let methods = ScoringMethod.allCases.filter { m in group.units.contains { $0.byMethod.contains { $0.method == m } } }
        let rows = group.units.map { u in
            var cells: [DocCell] = [
                .integer(u.rank), .text(u.name),
                outOf(u.total, u.max),
                .number(u.index, decimals: parts.precision, minDecimals: parts.precision),
            ]
            for m in methods {
                let s = u.byMethod.first { $0.method == m }
                cells.append(s.map { outOf($0.score, $0.max) } ?? .number(nil))
            }
            cells.append(.text(u.band ?? ""))
            cells.append(.text(RankChange.arrow(u.rankChange)))
            return DocRow(cells)
        }
        return DocTable(
            id: "report-ranking-\(slug(group.name))", title: title,
            columns: [
                DocColumn("Xếp hạng", numeric: true), DocColumn("Đơn vị"), DocColumn("Tổng điểm", numeric: true),
                DocColumn("Chỉ số (%)", numeric: true),
            ] + methods.map { DocColumn($0.title, numeric: true) }
                + [DocColumn("Xếp loại"), DocColumn("So với năm trước")],
            rows: rows)
    }

    func subtotal(_ u: UnitResult, _ methods: [ScoringMethod]) -> Points? {
        let s = u.byMethod.filter { methods.contains($0.method) }
        return s.isEmpty ? nil : s.reduce(0) { $0 + $1.score }
    }

    /// A score beside its max, `85,5/100`, valued exactly.
    private func outOf(_ score: Points, _ max: Points) -> DocCell {
        DocCell(
            text: "\(parts.number(score))/\(parts.number(max))", value: VietnameseNumber.plain(score),
            max: VietnameseNumber.plain(max), numeric: true)
    }

    func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "vi"))
            .replacingOccurrences(of: "đ", with: "d")
        return folded.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined().split(separator: "-").joined(separator: "-")
    }
}
