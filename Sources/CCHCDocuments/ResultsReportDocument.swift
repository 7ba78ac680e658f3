import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Báo cáo kết quả: overview, ranking per group with a chart, each field analysed (average, best
/// and worst unit, the weakest fields), comparison with last year by index and by rank, Tồn tại,
/// hạn chế and Kiến nghị, đề xuất drawn from the data, and the units to reward (README, "The documents"). Its
/// sentences are in `wording/bao-cao-ket-qua.mustache`; the analysis is in `ReportAnalysis`.
package struct ResultsReportDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.report)
        let secretariat = parts.secretariat
        let groups = parts.results.groups
        let analyses = groups.map { ReportAnalysis(group: $0, parts: parts) }
        let words = try parts.sentences(.report, values(analyses))
        let subject = try words.one("subject")
        let header = DocumentHeader(
            parentOrgan: parts.shortAuthority, issuerLines: [secretariat.uppercased()], organName: secretariat,
            organId: "", number: meta?.number, symbol: meta?.symbol ?? "BC-\(DocumentParts.initials(secretariat))",
            place: p.place,
            date: meta?.date.flatMap(PlanDate.init), fallbackYear: p.year + 1,
            subject: meta?.title ?? subject, attached: "")
        // Each group's sentences, written for it inside {{#groups}}: taken by the group, never by
        // their place, so a line the officer adds or removes cannot shift them to another group.
        let perGroup = { (name: String) throws(TemplateError) in
            try words.perItem(name, of: "groups", count: groups.count)
        }
        let (summaries, charts, legends) = (try perGroup("groupSummary"), try perGroup("chartTitle"), try perGroup("fieldLegend"))
        let rankingTitles = try perGroup("rankingTable")
        let (comparisons, awards) = (try perGroup("groupComparison"), try perGroup("groupAwards"))
        let (weakFields, shortcomings, fell) = (
            try perGroup("weakFields"), try perGroup("lostCriteria"), try perGroup("unitsFell")
        )
        let (leadProposals, fellProposals) = (try perGroup("leadProposal"), try perGroup("fellProposal"))
        var body: [Block] = []
        var section = 0
        func heading(_ text: String) {
            section += 1
            body.append(.heading(level: 1, label: Numbering.label(level: 1, section), text: text))
        }
        func items(_ lines: [String]) -> [Block] { lines.filter { !$0.isEmpty }.map(Block.item) }
        heading(try words.one("overviewHeading"))
        body.append(.paragraph(try words.one("overview")))
        body += items(summaries)
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
            // Each field's analysis, written for it inside {{#fields}} of this group.
            body += items(
                try words.perItem("fieldAnalysis", of: "fields", count: analyses[i].fields.count, within: ("groups", i)))
            if !weakFields[i].isEmpty { body.append(.paragraph(weakFields[i])) }
        }
        if analyses.contains(where: { !$0.compared.isEmpty }) {
            heading(try words.one("comparisonHeading"))
            let title = try words.one("comparisonTable")
            for (i, g) in groups.enumerated() where !analyses[i].compared.isEmpty {
                body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
                body += items([comparisons[i]])
                body.append(.table(comparisonTable(analyses[i], title: title)))
            }
        }
        heading(try words.one("shortcomingsHeading"))
        let lostTitle = try words.one("lostTable")
        for (i, g) in groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: g.name))
            body += items([fell[i], shortcomings[i]])
            body.append(.table(lostTable(analyses[i], title: lostTitle)))
        }
        heading(try words.one("proposalsHeading"))
        body += items(leadProposals + fellProposals)
        body += items(words.all("proposal"))
        if groups.contains(where: { !$0.awarded.isEmpty }) { body += items(awards) }
        body.append(.paragraph(try words.one("closing")))
        return OfficialDocument(
            kind: .report, path: DocumentKind.report.fileName, unit: nil, year: p.year, header: header, bases: [],
            body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.report, defaults: words.all("recipient")), appendices: [])
    }

    /// What the report's sentences take: counts, names and indexes already written as the
    /// documents print them, one object per group.
    private func values(_ analyses: [ReportAnalysis]) -> TemplateObject {
        let groups = parts.results.groups
        let total = groups.reduce(0) { $0 + $1.units.count }
        return [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat),
            "issuerName": .text(parts.plan.issuer.name), "unitCount": .text(String(total)),
            "nextYear": .text(String(parts.plan.year + 1)),
            "groupCounts": .text(groups.map { "\($0.units.count) \(Sentence.inner($0.name))" }.joined(separator: "; ")),
            "groups": .list(zip(groups, analyses).map { .object(groupValues($0, $1)) }),
        ]
    }

    private func groupValues(_ g: GroupResult, _ a: ReportAnalysis) -> TemplateObject {
        // The best and the worst are of the units that have an index (one all N/A has none).
        let (top, bottom) = (g.units.first { $0.index != nil }, g.units.last { $0.index != nil })
        var object: TemplateObject = [
            "name": .text(g.name), "nameInSentence": .text(Sentence.inner(g.name)), "hasIndex": .bool(a.average != nil),
            "average": .text(parts.index(a.average)), "best": .text(top?.name ?? ""),
            "bestIndex": .text(parts.index(top?.index)), "worst": .text(bottom?.name ?? ""),
            "worstIndex": .text(parts.index(bottom?.index)),
        ]
        object["fields"] = .list(
            a.fields.enumerated().map { i, f in
                .object([
                    "code": .text(f.code.description), "name": .text(f.name), "last": .bool(i == a.fields.count - 1),
                    "average": .text(parts.index(f.average)), "best": .text(f.best?.name ?? ""),
                    "bestIndex": .text(parts.index(f.best?.index)), "worst": .text(f.worst?.name ?? ""),
                    "worstIndex": .text(parts.index(f.worst?.index)), "hasIndex": .bool(f.average != nil),
                ])
            })
        object["weakFields"] = .text(
            a.weakest.map { "lĩnh vực \($0.code) – \(Sentence.inner($0.name)) (\(parts.index($0.average))%)" }
                .joined(separator: "; "))
        object["weakLeads"] = .text(
            a.weakestLeads.map { "\($0.lead) (lĩnh vực \($0.codes.map(\.description).joined(separator: ", ")))" }
                .joined(separator: ", "))
        let changes = a.compared
        let up = changes.filter { ($0.rankChange ?? 0) > 0 }.count
        let down = changes.filter { ($0.rankChange ?? 0) < 0 }.count
        object["hasChanges"] = .bool(!changes.isEmpty)
        object["up"] = .text(String(up))
        object["down"] = .text(String(down))
        object["same"] = .text(String(changes.count - up - down))
        let best = changes.max { ($0.rankChange ?? 0) < ($1.rankChange ?? 0) }.flatMap { ($0.rankChange ?? 0) > 0 ? $0 : nil }
        let worst = changes.min { ($0.rankChange ?? 0) < ($1.rankChange ?? 0) }.flatMap { ($0.rankChange ?? 0) < 0 ? $0 : nil }
        object["mostUp"] = .text(best?.name ?? "")
        object["mostUpChange"] = .text(best.map(change) ?? "")
        object["mostDown"] = .text(worst?.name ?? "")
        object["mostDownChange"] = .text(worst.map(change) ?? "")
        let fell = changes.filter { ($0.rankChange ?? 0) < 0 }
        object["fellCount"] = .text(fell.isEmpty ? "" : String(fell.count))
        object["fell"] = .text(fell.map { "\($0.name) (\(change($0)))" }.joined(separator: "; "))
        object["fellNames"] = .text(fell.map(\.name).joined(separator: ", "))
        object["lostCriteria"] = .text(
            a.mostLost.map {
                "tiêu chí \($0.code) – \($0.name) (\($0.units)/\(g.units.count) đơn vị bị mất điểm, bình quân \(parts.score($0.average)) điểm mỗi đơn vị)"
            }.joined(separator: "; "))
        let awarded = g.units.filter { g.awarded.contains($0.id) }.map { "\($0.name) (\(parts.index($0.index))%)" }
        object["awarded"] = .text(awarded.joined(separator: "; "))
        return object
    }

    /// "tăng 3 bậc, chỉ số tăng 2,15 điểm" from a unit's change of rank and index.
    private func change(_ u: UnitResult) -> String {
        var words = [RankChange.text(u.rankChange)]
        if let previous = u.previousIndex, let index = u.index {
            let d = index - previous
            words.append(
                d == 0
                    ? "chỉ số không đổi" : "chỉ số \(d > 0 ? "tăng" : "giảm") \(parts.score(d > 0 ? d : previous - index)) điểm")
        }
        return words.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// Two tables, so that each fits a page: the index per field, then the rank per field.
    private func fieldBlocks(_ g: GroupResult, legend: String, titles: (index: String, rank: String)) -> [Block] {
        guard let first = g.units.first else { return [] }
        let codes = first.fields.map(\.code)
        let slug = RankingTables(parts: parts).slug(g.name)
        func field(_ u: UnitResult, _ code: CriterionCode) -> FieldResult? { u.fields.first { $0.code == code } }
        let indexRows = g.units.map { u in DocRow([.text(u.name)] + codes.map { parts.scoreCell(field(u, $0)?.index) }) }
        let rankRows = g.units.map { u in DocRow([.text(u.name)] + codes.map { .integer(field(u, $0)?.rank) }) }
        let columns = [DocColumn("Đơn vị")] + codes.map { DocColumn("LV \($0)", numeric: true) }
        return [
            .paragraph(legend),
            .table(DocTable(id: "fields-index-\(slug)", title: titles.index, columns: columns, rows: indexRows)),
            .table(DocTable(id: "fields-rank-\(slug)", title: titles.rank, columns: columns, rows: rankRows)),
        ]
    }

    /// Last year beside this year, for every unit with last year's result: index, its change in
    /// points, rank, and the change of rank in words.
    private func comparisonTable(_ a: ReportAnalysis, title: String) -> DocTable {
        let rows = a.compared.map { u in
            DocRow([
                .text(u.name), parts.scoreCell(u.previousIndex), parts.scoreCell(u.index),
                parts.scoreCell(u.index.flatMap { i in u.previousIndex.map { i - $0 } }), .integer(u.previousRank),
                .integer(u.rank), .text(RankChange.text(u.rankChange)),
            ])
        }
        return DocTable(
            id: "comparison-\(RankingTables(parts: parts).slug(a.group.name))", title: title,
            columns: [
                DocColumn("Đơn vị"), DocColumn("Chỉ số năm trước", numeric: true), DocColumn("Chỉ số năm nay", numeric: true),
                DocColumn("Chênh lệch chỉ số", numeric: true), DocColumn("Thứ hạng năm trước", numeric: true),
                DocColumn("Thứ hạng năm nay", numeric: true), DocColumn("Thay đổi thứ hạng"),
            ],
            rows: rows)
    }

    /// Lost points summed over the group's units, per criterion, the largest first.
    private func lostTable(_ a: ReportAnalysis, title: String) -> DocTable {
        let rows = a.lost.prefix(10).map { l in
            DocRow([
                .text(l.code.description), .text(l.name), parts.maxCell(l.max), .integer(l.units), parts.scoreCell(l.points),
                parts.scoreCell(l.average),
            ])
        }
        return DocTable(
            id: "lost-\(RankingTables(parts: parts).slug(a.group.name))", title: title,
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Số đơn vị bị mất điểm", numeric: true),
                DocColumn("Tổng điểm bị mất", numeric: true), DocColumn("Bình quân mỗi đơn vị", numeric: true),
            ],
            rows: Array(rows))
    }
}
