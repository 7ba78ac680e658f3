import Foundation

/// Báo cáo kết quả: overview, ranking per group with a chart, results by field, comparison with
/// last year, units to reward, and where points were lost most.
struct ResultsReportDocument {
    let parts: DocumentParts

    func build() throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.report)
        let secretariat = parts.secretariat
        let groups = parts.results.groups
        let words = try parts.sentences(.report, values)
        let subject = try words.one("subject")
        let header = DocumentHeader(
            parentOrgan: parts.shortAuthority, issuerLines: [secretariat.uppercased()], organName: secretariat,
            organId: "", number: meta?.number, symbol: meta?.symbol ?? "BC-\(DocumentParts.initials(secretariat))",
            place: p.place,
            date: meta?.date.flatMap(PlanDate.init), fallbackYear: p.year + 1,
            subject: meta?.title ?? subject, attached: "")
        // One line per group of each of these, in group order.
        let perGroup = { (name: String) in
            words.all(name) + Array(repeating: "", count: Swift.max(0, groups.count - words.all(name).count))
        }
        let (summaries, charts, legends) = (perGroup("groupSummary"), perGroup("chartTitle"), perGroup("fieldLegend"))
        let rankingTitles = perGroup("rankingTable")
        let (comparisons, awards) = (perGroup("groupComparison"), perGroup("groupAwards"))
        var body: [Block] = []
        var section = 0
        func heading(_ text: String) {
            section += 1
            body.append(.heading(level: 1, label: Numbering.label(level: 1, section), text: text))
        }
        heading(try words.one("overviewHeading"))
        body.append(.paragraph(try words.one("overview")))
        body += summaries.filter { !$0.isEmpty }.map(Block.item)
        heading(try words.one("rankingHeading"))
        for (i, g) in groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body.append(.table(RankingTables(parts: parts).reportTable(g, title: rankingTitles[i])))
            body.append(
                .chart(
                    BarChart(
                        title: charts[i], bars: g.units.map { BarChart.Bar(label: $0.name, value: $0.index ?? 0) },
                        decimals: parts.precision)))
        }
        heading(try words.one("fieldsHeading"))
        let titles = (try words.one("fieldsIndexTable"), try words.one("fieldsRankTable"))
        for (i, g) in groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body += fieldBlocks(g, legend: legends[i], titles: titles)
        }
        if groups.contains(where: { $0.units.contains { $0.previousRank != nil } }) {
            heading(try words.one("comparisonHeading"))
            body += comparisons.filter { !$0.isEmpty }.map(Block.item)
        }
        if groups.contains(where: { !$0.awarded.isEmpty }) {
            heading(try words.one("awardsHeading"))
            body += awards.filter { !$0.isEmpty }.map(Block.item)
        }
        heading(try words.one("lostHeading"))
        let lostTitle = try words.one("lostTable")
        for (i, g) in groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body.append(.table(lostTable(g, title: lostTitle)))
        }
        body.append(.paragraph(try words.one("closing")))
        return OfficialDocument(
            kind: .report, path: DocumentKind.report.fileName, unit: nil, year: p.year, header: header, bases: [],
            body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.report, defaults: words.all("recipient")), appendices: [])
    }

    /// What the report's sentences take: counts, names and indexes already written as the
    /// documents print them, one object per group.
    private var values: TemplateObject {
        let groups = parts.results.groups
        let total = groups.reduce(0) { $0 + $1.units.count }
        return [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat),
            "unitCount": .text(String(total)),
            "groupCounts": .text(groups.map { "\($0.units.count) \($0.name)" }.joined(separator: "; ")),
            "groups": .list(groups.map { .object(groupValues($0)) }),
        ]
    }

    private func groupValues(_ g: GroupResult) -> TemplateObject {
        let indexes = g.units.compactMap(\.index)
        var object: TemplateObject = ["name": .text(g.name), "hasIndex": .bool(!indexes.isEmpty && !g.units.isEmpty)]
        if let best = g.units.first, let worst = g.units.last, !indexes.isEmpty {
            let average = indexes.reduce(0, +).divided(by: indexes.count, roundedTo: parts.precision)
            object["average"] = .text(parts.index(average))
            object["best"] = .text(best.name)
            object["bestIndex"] = .text(parts.index(best.index))
            object["worst"] = .text(worst.name)
            object["worstIndex"] = .text(parts.index(worst.index))
        }
        let fields = g.units.first?.fields ?? []
        object["fields"] = .list(
            fields.enumerated().map { i, f in
                .object(["code": .text(f.code.description), "name": .text(f.name), "last": .bool(i == fields.count - 1)])
            })
        let changes = g.units.compactMap { u in u.rankChange.map { (u, $0) } }
        let up = changes.filter { $0.1 > 0 }.count
        let down = changes.filter { $0.1 < 0 }.count
        object["hasChanges"] = .bool(!changes.isEmpty)
        object["up"] = .text(String(up))
        object["down"] = .text(String(down))
        object["same"] = .text(String(changes.count - up - down))
        let best = changes.max(by: { $0.1 < $1.1 }).flatMap { $0.1 > 0 ? $0 : nil }
        let worst = changes.min(by: { $0.1 < $1.1 }).flatMap { $0.1 < 0 ? $0 : nil }
        object["mostUp"] = .text(best?.0.name ?? "")
        object["mostUpChange"] = .text(best.map { RankChange.text($0.1) } ?? "")
        object["mostDown"] = .text(worst?.0.name ?? "")
        object["mostDownChange"] = .text(worst.map { RankChange.text($0.1) } ?? "")
        let awarded = g.units.filter { g.awarded.contains($0.id) }.map { "\($0.name) (\(parts.index($0.index))%)" }
        object["awarded"] = .text(awarded.joined(separator: "; "))
        return object
    }

    /// Two tables, so that each fits a page: the index per field, then the rank per field.
    private func fieldBlocks(_ g: GroupResult, legend: String, titles: (index: String, rank: String)) -> [Block] {
        guard let first = g.units.first else { return [] }
        let codes = first.fields.map(\.code)
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
            .paragraph(legend),
            .table(DocTable(id: "fields-index-\(slug)", title: titles.index, columns: columns, rows: indexRows)),
            .table(DocTable(id: "fields-rank-\(slug)", title: titles.rank, columns: columns, rows: rankRows)),
        ]
    }

    /// Lost points summed over the group's units, per criterion, the largest first.
    private func lostTable(_ g: GroupResult, title: String) -> DocTable {
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
            id: "lost-\(RankingTables(parts: parts).slug(g.name))", title: title,
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Số đơn vị bị mất điểm", numeric: true),
                DocColumn("Tổng điểm bị mất", numeric: true), DocColumn("Bình quân mỗi đơn vị", numeric: true),
            ],
            rows: rows)
    }
}
