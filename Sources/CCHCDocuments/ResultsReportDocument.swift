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
            organId: "", number: meta?.number, symbol: meta?.symbol ?? "BC-\(IssuerSymbol.derive(secretariat))",
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
            recipients: parts.recipients(.report, defaults: words.all("recipient"), words: words), appendices: [])
    }

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

    /// What the report's sentences take: counts, names and indexes already written as the
    /// documents print them, one object per group.
    private func values(_ analyses: [ReportAnalysis]) -> TemplateObject {
        let groups = parts.results.groups
        let total = groups.reduce(0) { $0 + $1.units.count }
        return [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat),
            "issuerName": .text(parts.issuerInText), "unitCount": .text(String(total)),
            "nextYear": .text(String(parts.plan.year + 1)),
            "groups": .items(zip(groups, analyses).map { groupValues($0, $1) }),
        ]
    }

    private func groupValues(_ g: GroupResult, _ a: ReportAnalysis) -> TemplateObject {
        // The best and the worst are of the units that have an index (one all N/A has none).
        var object: TemplateObject = [
            "name": .text(g.name), "nameInSentence": .text(Sentence.inner(g.name)), "size": .text(String(g.units.count)),
            "hasIndex": .bool(a.average != nil), "average": .text(parts.index(a.average)),
            "best": names(a.top.map(\.name)), "bestIndex": .text(parts.index(a.top.first?.index)),
            "worst": names(a.bottom.map(\.name)), "worstIndex": .text(parts.index(a.bottom.first?.index)),
        ]
        object["fields"] = .items(
            a.fields.map { f in
                [
                    "code": .text(f.code.description), "name": .text(f.name), "average": .text(parts.index(f.average)),
                    "best": names(f.best.map(\.name)), "bestIndex": .text(parts.index(f.best.first?.index)),
                    "worst": names(f.worst.map(\.name)), "worstIndex": .text(parts.index(f.worst.first?.index)),
                    "hasIndex": .bool(f.average != nil),
                ]
            })
        let deadline = parts.meta(.report)?.deadline.flatMap(PlanDate.init).map(VietnameseDate.short) ?? ""
        object["weakFields"] = .items(
            a.weakest.map { f in
                [
                    "code": .text(f.code.description), "name": .text(f.name), "nameInSentence": .text(Sentence.inner(f.name)),
                    "index": .text(parts.index(f.average)), "worst": names(f.worst.map(\.name)),
                    "worstIndex": .text(parts.index(f.worst.first?.index)),
                    "criteria": lostItems(f.lost, groupSize: g.units.count), "hasCriteria": .bool(!f.lost.isEmpty),
                    "lead": .text(f.lead), "deadline": .text(deadline),
                ]
            })
        object["hasWeakFields"] = .bool(!a.weakest.isEmpty)
        // The secretariat does not propose to itself in its own report: the fields it leads are
        // its own undertaking (ownCodes), the others' leads are asked (weakLeads).
        let own = a.weakestLeads.filter { $0.lead == parts.secretariat }
        let others = a.weakestLeads.filter { $0.lead != parts.secretariat }
        object["weakLeads"] = .items(
            others.map { ["lead": .text($0.lead), "codes": .items($0.codes.map { ["code": .text($0.description)] })] })
        object["hasWeakLeads"] = .bool(!others.isEmpty)
        object["ownCodes"] = .items(own.flatMap(\.codes).map { ["code": .text($0.description)] })
        object["hasOwnLead"] = .bool(!own.isEmpty)
        object["deadline"] = .text(deadline)
        object["lostCriteria"] = lostItems(a.mostLost, groupSize: g.units.count)
        object["hasLostCriteria"] = .bool(!a.mostLost.isEmpty)
        object["surveyLost"] = lostItems(a.surveyLost, groupSize: g.units.count)
        object["hasSurveyLost"] = .bool(!a.surveyLost.isEmpty)
        object["ties"] = .items(
            a.ties.map { units in
                [
                    "rank": .text(String(units[0].rank ?? 0)), "index": .text(parts.index(units[0].index)),
                    "units": names(units.map(\.name)),
                ]
            })
        object["hasTies"] = .bool(!a.ties.isEmpty)
        let awarded = g.units.filter { g.awarded.contains($0.id) }
        object["awarded"] = .items(
            awarded.map { ["name": .text(Sentence.unitName($0.name)), "index": .text(parts.index($0.index))] })
        object["hasAwarded"] = .bool(!awarded.isEmpty)
        for (key, value) in changeValues(a.compared).fields { object[key] = value }
        return object
    }

    /// Units' names as a list a sentence writes (`name`, `last`), place kinds in lower case.
    private func names(_ list: [String]) -> TemplateValue {
        .items(list.map { ["name": .text(Sentence.unitName($0))] })
    }

    /// Criteria lost: code, name, how many units lost points, of how many, the points lost in all
    /// and per unit, as printed.
    private func lostItems(_ list: [ReportAnalysis.Lost], groupSize: Int) -> TemplateValue {
        .items(
            list.map {
                [
                    "code": .text($0.code.description), "name": .text($0.name), "units": .text(String($0.units)),
                    "groupSize": .text(String(groupSize)), "points": .text(parts.score($0.points)),
                    "average": .text(parts.score($0.average)),
                ]
            })
    }

    /// How the group's units moved since last year: counts, the unit that rose most and the one
    /// that fell most (empty when none), and every unit that fell, each with `change` values.
    private func changeValues(_ changes: [UnitResult]) -> TemplateObject {
        let up = changes.filter { ($0.rankChange ?? 0) > 0 }.count
        let down = changes.filter { ($0.rankChange ?? 0) < 0 }.count
        let same = changes.filter { $0.rankChange == 0 }.count
        let best = changes.max { ($0.rankChange ?? 0) < ($1.rankChange ?? 0) }.flatMap { ($0.rankChange ?? 0) > 0 ? $0 : nil }
        let worst = changes.min { ($0.rankChange ?? 0) < ($1.rankChange ?? 0) }.flatMap { ($0.rankChange ?? 0) < 0 ? $0 : nil }
        // A unit that fell in rank while its index rose did not fall behind its own work: it is
        // told apart (fellDespiteRise), and Tồn tại lists only the units that really fell.
        let rose: (UnitResult) -> Bool = { u in u.previousIndex.flatMap { p in u.index.map { $0 > p } } ?? false }
        let fell = changes.filter { ($0.rankChange ?? 0) < 0 && !rose($0) }
        let fellDespite = changes.filter { ($0.rankChange ?? 0) < 0 && rose($0) }
        let others = fell.filter { $0.name != parts.secretariat }
        // A count of 0 is empty, so that the wording can say "không có đơn vị nào".
        func count(_ n: Int) -> TemplateValue { .text(n == 0 ? "" : String(n)) }
        return [
            "hasChanges": .bool(!changes.isEmpty), "up": count(up), "down": count(down), "same": count(same),
            "mostUp": best.map { .object(change($0)) } ?? "", "mostDown": worst.map { .object(change($0)) } ?? "",
            "fellCount": count(fell.count), "fell": .items(fell.map(change)),
            "fellDespiteRise": .items(fellDespite.map(change)), "hasFellDespiteRise": .bool(!fellDespite.isEmpty),
            "fellOthers": .items(others.map(change)), "hasFellOthers": .bool(!others.isEmpty),
            "ownFell": .bool(others.count < fell.count),
        ]
    }

    /// A unit's change since last year, in numbers for the wording to put in words ("tăng 3 bậc,
    /// chỉ số tăng 2,15 điểm"): `ranksUp` or `ranksDown` (how many places) or `rankSame`, and when
    /// both years have an index, `indexUp` or `indexDown` (how many points) or `indexSame`;
    /// `hasRankChange` when the unit has a rank both years.
    private func change(_ u: UnitResult) -> TemplateObject {
        let rank = u.rankChange
        var object: TemplateObject = [
            "name": .text(Sentence.unitName(u.name)), "hasRankChange": .bool(rank != nil),
            "ranksUp": .text(rank.flatMap { $0 > 0 ? String($0) : nil }),
            "ranksDown": .text(rank.flatMap { $0 < 0 ? String(-$0) : nil }), "rankSame": .bool(rank == 0),
            "indexUp": "", "indexDown": "", "indexSame": false,
        ]
        if let previous = u.previousIndex, let index = u.index {
            if index > previous { object["indexUp"] = .text(parts.score(index - previous)) }
            if index < previous { object["indexDown"] = .text(parts.score(previous - index)) }
            object["indexSame"] = .bool(index == previous)
        }
        return object
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
