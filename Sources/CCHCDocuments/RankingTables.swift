import CCHCCompute
import CCHCCore
import Foundation

/// The ranking tables the report and the decision's appendices share. A column's title means one
/// thing everywhere (NĐ 30/2020, as docs/formats.md tells): `Điểm điều tra XHH` holds the `dieu-tra` criteria only,
/// `Điểm SIPAS` the `sipas` ones, `Tổng điểm` their sum with `Điểm thẩm định`.
package struct RankingTables {
    /// The plan's decimals, which every score and index of the tables is printed with.
    package let precision: Int

    package init(parts: DocumentParts) { precision = parts.precision }

    /// The tables of results computed to `precision` decimals (results.xlsx takes the decision's).
    package init(precision: Int) { self.precision = precision }

    /// A score or an index in the plan's decimals; a dash for none.
    private func scoreCell(_ d: Points?, max: Points? = nil) -> DocCell {
        .number(d, decimals: precision, minDecimals: precision, max: max)
    }

    /// The methods some unit of the group is scored by, in the framework's order of methods.
    package func methods(_ group: GroupResult) -> [ScoringMethod] {
        ScoringMethod.allCases.filter { m in group.units.contains { $0.byMethod.contains { $0.method == m } } }
    }

    /// The decision's appendix columns: STT, Đơn vị, Điểm tối đa (the max that applies to the
    /// unit, so that its index can be checked), Điểm tự đánh giá, Điểm thẩm định, Điểm điều tra
    /// XHH, Điểm SIPAS (each method only when the group has it), Tổng điểm, Chỉ số (%), Xếp hạng,
    /// Xếp loại and, with last year's results, Tăng/giảm bậc.
    package func appendixTable(_ group: GroupResult) -> DocTable {
        let methods = methods(group)
        let hasPrevious = group.units.contains { $0.previousRank != nil }
        let rows = group.units.enumerated().map { i, u in
            var cells: [DocCell] = [.integer(i + 1), .text(u.name), .number(u.max, decimals: precision)]
            if methods.contains(.thamDinh) { cells.append(scoreCell(u.selfTotal)) }
            cells += methods.map { m in scoreCell(u.byMethod.first { $0.method == m }?.score) }
            cells += [
                scoreCell(u.total, max: u.max), scoreCell(u.index), .integer(u.rank), .text(u.band ?? ""),
            ]
            if hasPrevious { cells.append(.rankChange(u.rankChange)) }
            return DocRow(cells)
        }
        var columns = [DocColumn("STT", numeric: true), DocColumn("Đơn vị"), DocColumn("Điểm tối đa", numeric: true)]
        if methods.contains(.thamDinh) { columns.append(DocColumn("Điểm tự đánh giá", numeric: true)) }
        columns += methods.map { DocColumn($0.title, numeric: true) }
        columns += [
            DocColumn("Tổng điểm", numeric: true), DocColumn("Chỉ số (%)", numeric: true), DocColumn("Xếp hạng", numeric: true),
            DocColumn("Xếp loại"),
        ]
        if hasPrevious { columns.append(DocColumn("Tăng/giảm bậc")) }
        return DocTable(id: "ranking-\(slug(group.name))", title: "", columns: columns, rows: rows)
    }

    /// The report's ranking table: rank, unit, total/max, index, subtotals by method and band
    /// (the change from last year has a section and a table of its own: the unit's name keeps
    /// the room on a portrait page).
    package func reportTable(_ group: GroupResult, title: String) -> DocTable {
        let methods = methods(group)
        let rows = group.units.map { u in
            var cells: [DocCell] = [.integer(u.rank), .text(u.name), outOf(u.total, u.max), scoreCell(u.index)]
            for m in methods {
                cells.append(u.byMethod.first { $0.method == m }.map { outOf($0.score, $0.max) } ?? .number(nil))
            }
            cells.append(.text(u.band ?? ""))
            return DocRow(cells)
        }
        return DocTable(
            id: "report-ranking-\(slug(group.name))", title: title,
            columns: [
                DocColumn("Xếp hạng", numeric: true), DocColumn("Đơn vị"), DocColumn("Tổng điểm", numeric: true),
                DocColumn("Chỉ số (%)", numeric: true),
            ] + methods.map { DocColumn($0.title, numeric: true) } + [DocColumn("Xếp loại")],
            rows: rows)
    }

    /// A score beside its max, `85,50/100`: the score in the plan's decimals, valued exactly.
    private func outOf(_ score: Points, _ max: Points) -> DocCell {
        DocCell(
            text: "\(VietnameseNumber.format(score, maxDecimals: precision, minDecimals: precision))/"
                + VietnameseNumber.format(max, maxDecimals: precision),
            value: VietnameseNumber.plain(score, decimals: precision), max: VietnameseNumber.plain(max), numeric: true,
            kind: .decimal(places: precision), exact: VietnameseNumber.plain(score))
    }

    package func slug(_ s: String) -> String { Slug.of(s) }
}
