import Foundation

/// Báo cáo kết quả: overview, ranking per group with a chart, results by field, comparison with
/// last year, units to reward, and where points were lost most.
struct ResultsReportDocument {
    let parts: DocumentParts

    func build() -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.report)
        let secretariat = parts.secretariat
        let header = DocumentHeader(
            parentOrgan: parts.shortAuthority, issuerLines: [secretariat.uppercased()], organName: secretariat,
            organId: "", number: meta?.number, symbol: meta?.symbol ?? "BC-\(DocumentParts.initials(secretariat))",
            place: p.place,
            date: meta?.date.flatMap(PlanDate.init), fallbackYear: p.year + 1,
            subject: meta?.title ?? "Kết quả xác định Chỉ số cải cách hành chính năm \(p.year)", attached: "")
        var body: [Block] = []
        var section = 0
        func heading(_ text: String) {
            section += 1
            body.append(.heading(level: 1, label: Numbering.label(level: 1, section), text: text))
        }
        heading("TỔNG QUAN")
        body += overview()
        heading("KẾT QUẢ XẾP HẠNG")
        for (i, g) in parts.results.groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body.append(.table(RankingTables(parts: parts).reportTable(g)))
            body.append(
                .chart(
                    BarChart(
                        title: "Chỉ số CCHC năm \(p.year) — \(g.name)",
                        bars: g.units.map { BarChart.Bar(label: $0.name, value: $0.index ?? 0) }, decimals: parts.precision)))
        }
        heading("KẾT QUẢ THEO LĨNH VỰC")
        for (i, g) in parts.results.groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body += fieldBlocks(g)
        }
        if parts.results.groups.contains(where: { $0.units.contains { $0.previousRank != nil } }) {
            heading("SO SÁNH VỚI NĂM TRƯỚC")
            body += comparison()
        }
        if parts.results.groups.contains(where: { !$0.awarded.isEmpty }) {
            heading("ĐỀ NGHỊ KHEN THƯỞNG")
            body += awards()
        }
        heading("NHỮNG TIÊU CHÍ BỊ MẤT ĐIỂM NHIỀU NHẤT")
        for (i, g) in parts.results.groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body.append(.table(lostTable(g)))
        }
        body.append(
            .paragraph("Trên đây là báo cáo kết quả xác định Chỉ số cải cách hành chính năm \(p.year) của \(secretariat)."))
        return OfficialDocument(
            kind: .report, path: DocumentKind.report.fileName, unit: nil, year: p.year, header: header, bases: [],
            body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: Signer(competence: nil, body: nil, position: "GIÁM ĐỐC", name: "")),
            recipients: parts.recipients(.report, defaults: ["Ủy ban nhân dân tỉnh (báo cáo)"]), appendices: [])
    }

    private func overview() -> [Block] {
        let groups = parts.results.groups
        let total = groups.reduce(0) { $0 + $1.units.count }
        let list = groups.map { "\($0.units.count) \($0.name)" }.joined(separator: "; ")
        var blocks: [Block] = [
            .paragraph(
                "Năm \(parts.plan.year), \(total) cơ quan, đơn vị được đánh giá, xếp hạng Chỉ số cải cách hành chính, gồm: \(list)."
            )
        ]
        for g in groups {
            let indexes = g.units.compactMap(\.index)
            guard let best = g.units.first, let worst = g.units.last, !indexes.isEmpty else { continue }
            let average = indexes.reduce(0, +).divided(by: indexes.count, roundedTo: parts.precision)
            blocks.append(
                .item(
                    "\(g.name): chỉ số bình quân \(parts.index(average))%; cao nhất là \(best.name) (\(parts.index(best.index))%), thấp nhất là \(worst.name) (\(parts.index(worst.index))%)."
                ))
        }
        return blocks
    }

    /// Two tables, so that each fits a page: the index per field, then the rank per field.
    private func fieldBlocks(_ g: GroupResult) -> [Block] {
        guard let first = g.units.first else { return [] }
        let codes = first.fields.map(\.code)
        let legend = first.fields.map { "Lĩnh vực \($0.code): \($0.name)" }.joined(separator: "; ")
        let slug = RankingTables(parts: parts).slug(g.name)
        func field(_ u: UnitResult, _ code: CriterionCode) -> FieldResult? { u.fields.first { $0.code == code } }
        let indexRows = g.units.map { u in
            DocRow(
                [.text(u.name)]
                    + codes.map { .number(field(u, $0)?.index, decimals: parts.precision, minDecimals: parts.precision) })
        }
        let rankRows = g.units.map { u in DocRow([.text(u.name)] + codes.map { .integer(field(u, $0)?.rank) }) }
        let columns = [DocColumn("Đơn vị")] + codes.map { DocColumn("LV \($0)", numeric: true) }
        return [
            .paragraph(legend + "."),
            .table(
                DocTable(id: "fields-index-\(slug)", title: "Chỉ số (%) theo từng lĩnh vực", columns: columns, rows: indexRows)),
            .table(DocTable(id: "fields-rank-\(slug)", title: "Thứ hạng theo từng lĩnh vực", columns: columns, rows: rankRows)),
        ]
    }

    private func comparison() -> [Block] {
        parts.results.groups.compactMap { g in
            let changes = g.units.compactMap { u in u.rankChange.map { (u, $0) } }
            guard !changes.isEmpty else { return nil }
            let up = changes.filter { $0.1 > 0 }.count
            let down = changes.filter { $0.1 < 0 }.count
            var text =
                "\(g.name): \(up) đơn vị tăng bậc, \(down) đơn vị giảm bậc, \(changes.count - up - down) đơn vị giữ nguyên thứ hạng"
            if let best = changes.max(by: { $0.1 < $1.1 }), best.1 > 0 {
                text += "; tăng nhiều nhất là \(best.0.name) (\(RankChange.text(best.1)))"
            }
            if let worst = changes.min(by: { $0.1 < $1.1 }), worst.1 < 0 {
                text += "; giảm nhiều nhất là \(worst.0.name) (\(RankChange.text(worst.1)))"
            }
            return .item(text + ".")
        }
    }

    private func awards() -> [Block] {
        parts.results.groups.filter { !$0.awarded.isEmpty }.map { g in
            let names = g.units.filter { g.awarded.contains($0.id) }.map { "\($0.name) (\(parts.index($0.index))%)" }
            return .item("\(g.name): \(names.joined(separator: "; ")).")
        }
    }

    /// Lost points summed over the group's units, per criterion, the largest first.
    private func lostTable(_ g: GroupResult) -> DocTable {
        struct Key: Hashable {
            var framework: String
            var position: Int
        }
        var lost: [Key: (Criterion, Points, Int)] = [:]
        for u in g.units {
            guard let framework = parts.dataset.frameworks[u.framework] else { continue }
            for (i, c) in framework.criteria.enumerated() where c.isLeaf {
                guard let s = u.scores.final[i], c.max > s else { continue }
                let key = Key(framework: u.framework, position: i)
                let (_, sum, n) = lost[key] ?? (c, 0, 0)
                lost[key] = (c, sum + c.max - s, n + 1)
            }
        }
        // Most points first, then by code, then by framework: never in the dictionary's order.
        let top = lost.sorted { a, b in
            if a.value.1 > b.value.1 { return true }
            if b.value.1 > a.value.1 { return false }
            if a.value.0.code != b.value.0.code { return a.value.0.code < b.value.0.code }
            return a.key.framework < b.key.framework
        }.map(\.value).prefix(10)
        let rows = top.map { c, sum, n in
            DocRow([
                .text(c.code.description), .text(c.name), .number(c.max), .integer(n), .number(sum),
                .number(sum.divided(by: n, roundedTo: parts.precision), decimals: parts.precision),
            ])
        }
        return DocTable(
            id: "lost-\(RankingTables(parts: parts).slug(g.name))", title: "Mười tiêu chí bị mất nhiều điểm nhất",
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Số đơn vị bị mất điểm", numeric: true),
                DocColumn("Tổng điểm bị mất", numeric: true), DocColumn("Bình quân mỗi đơn vị", numeric: true),
            ],
            rows: rows)
    }
}
