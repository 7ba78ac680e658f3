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
            organId: "", number: meta?.number, symbol: symbol,
            place: p.place,
            date: meta?.date.flatMap(PlanDate.init), fallbackYear: p.year + 1,
            subject: meta?.title ?? subject, attached: "")
        var body = ReportBody()
        try overviewAndRanking(words, analyses, &body)
        try fieldSections(words, analyses, &body)
        try comparisonAndShortcomings(words, analyses, &body)
        try proposals(words, &body)
        return OfficialDocument(
            kind: .report, path: DocumentKind.report.fileName, unit: nil, year: p.year, header: header, bases: [],
            body: DocumentParts.closing(body.blocks),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.report, defaults: words.all("recipient"), words: words),
            appendices: try surveyAppendix(words))
    }

    /// The report's ký hiệu: plan.yaml's, or BC- and the secretariat's.
    var symbol: String { parts.meta(.report)?.symbol ?? "BC-\(IssuerSymbol.derive(parts.secretariat))" }

    /// The blocks of the report as they are added, its sections numbered I, II, …
    private struct ReportBody {
        var blocks: [Block] = []
        var section = 0

        mutating func heading(_ text: String) {
            section += 1
            blocks.append(.heading(level: 1, label: Numbering.label(level: 1, section), text: text))
        }

        /// A group's heading within a section: "1. Sở, ban, ngành".
        mutating func group(_ i: Int, _ g: GroupResult) { blocks.append(.heading(level: 2, label: "\(i + 1).", text: g.name)) }

        /// The non-empty sentences, each as an item.
        mutating func items(_ lines: [String]) { blocks += lines.filter { !$0.isEmpty }.map(Block.item) }
    }

    /// A sentence written once per group inside {{#groups}}: taken by the group, never by its
    /// place, so a line the officer adds or removes cannot shift it to another group.
    private func perGroup(_ words: Sentences, _ name: String) throws(TemplateError) -> [String] {
        try words.perItem(name, of: "groups", count: parts.results.groups.count)
    }

    /// I. Overview, with a summary of each group; II. each group's ranking with its chart.
    private func overviewAndRanking(_ words: Sentences, _ analyses: [ReportAnalysis], _ body: inout ReportBody)
        throws(TemplateError)
    {
        let groups = parts.results.groups
        body.heading(try words.one("overviewHeading"))
        body.blocks.append(.paragraph(try words.one("overview")))
        body.items(try perGroup(words, "groupSummary"))
        body.heading(try words.one("rankingHeading"))
        let (rankingTitles, charts) = (try perGroup(words, "rankingTable"), try perGroup(words, "chartTitle"))
        let ties = try perGroup(words, "groupTies")
        for (i, g) in groups.enumerated() {
            body.group(i, g)
            body.blocks.append(.table(RankingTables(parts: parts).reportTable(g, title: rankingTitles[i])))
            if !ties[i].isEmpty { body.blocks.append(.paragraph(ties[i])) }
            body.blocks.append(
                .chart(
                    BarChart(
                        title: charts[i], bars: g.units.map { BarChart.Bar(label: $0.name, value: $0.index ?? 0) },
                        decimals: parts.precision, average: analyses[i].average)))
        }
    }

    /// Each group's fields: the two tables, each field's analysis, the weakest fields.
    private func fieldSections(_ words: Sentences, _ analyses: [ReportAnalysis], _ body: inout ReportBody) throws(TemplateError) {
        body.heading(try words.one("fieldsHeading"))
        let titles = (try words.one("fieldsIndexTable"), try words.one("fieldsRankTable"))
        let (legends, weakFields) = (try perGroup(words, "fieldLegend"), try perGroup(words, "weakFields"))
        for (i, g) in parts.results.groups.enumerated() {
            body.group(i, g)
            body.blocks += fieldBlocks(g, legend: legends[i], titles: titles)
            if !weakFields[i].isEmpty { body.blocks.append(.paragraph(weakFields[i])) }
            // What pulls each weak field down and who leads it, written for it inside
            // {{#weakFields}} of this group.
            body.items(
                try words.perItem(
                    "weakFieldAnalysis", of: "weakFields", count: analyses[i].weakest.count, within: ("groups", i)))
        }
    }

    /// The comparison with last year (when some unit has last year's result), then Tồn tại, hạn chế.
    private func comparisonAndShortcomings(
        _ words: Sentences, _ analyses: [ReportAnalysis], _ body: inout ReportBody
    ) throws(TemplateError) {
        let groups = parts.results.groups
        let comparisons = try perGroup(words, "groupComparison")
        let despite = try perGroup(words, "fellDespiteRise")
        if analyses.contains(where: { !$0.compared.isEmpty }) {
            body.heading(try words.one("comparisonHeading"))
            let title = try words.one("comparisonTable")
            for (i, g) in groups.enumerated() where !analyses[i].compared.isEmpty {
                body.group(i, g)
                body.items([comparisons[i], despite[i]])
                body.blocks.append(.table(comparisonTable(analyses[i], title: title)))
            }
        }
        body.heading(try words.one("shortcomingsHeading"))
        let lostTitle = try words.one("lostTable")
        let (fell, shortcomings) = (try perGroup(words, "unitsFell"), try perGroup(words, "lostCriteria"))
        let survey = try perGroup(words, "surveyLost")
        for (i, g) in groups.enumerated() {
            body.group(i, g)
            body.items([shortcomings[i], survey[i], fell[i]])
            body.blocks.append(.table(lostTable(analyses[i], title: lostTitle)))
        }
    }

    /// Kiến nghị, đề xuất, and the closing paragraph.
    private func proposals(_ words: Sentences, _ body: inout ReportBody) throws(TemplateError) {
        body.heading(try words.one("proposalsHeading"))
        body.items(try perGroup(words, "leadProposal") + perGroup(words, "ownLeadProposal") + perGroup(words, "fellProposal"))
        body.items(words.all("proposal"))
        let awards = try perGroup(words, "groupAwards")
        if parts.results.groups.contains(where: { !$0.awarded.isEmpty }) { body.items(awards) }
        body.blocks.append(.paragraph(try words.one("closing")))
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
                parts.differenceCell(u.index.flatMap { i in u.previousIndex.map { i - $0 } }), .integer(u.previousRank),
                .integer(u.rank), .rankChange(u.rankChange),
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
