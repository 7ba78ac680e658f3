import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// The values the report's wording takes (`wording/bao-cao-ket-qua.mustache`), computed by
/// `ReportAnalysis` and written as the documents print them.
extension ResultsReportDocument {
    /// What the report's sentences take: counts, names and indexes already written as the
    /// documents print them, one object per group.
    func values(_ analyses: [ReportAnalysis]) -> TemplateObject {
        let groups = parts.results.groups
        let meta = parts.meta(.report)
        let total = groups.reduce(0) { $0 + $1.units.count }
        return [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat),
            "issuerName": .text(parts.issuerInText), "unitCount": .text(String(total)),
            "nextYear": .text(String(parts.plan.year + 1)),
            "groups": .items(zip(groups, analyses).map { groupValues($0, $1) }),
            // The report's own number, ký hiệu and date, for the line under its appendix.
            "reportNumber": .text(meta?.number.map(String.init) ?? "     "), "reportSymbol": .text(symbol),
            "reportDate": .text(VietnameseDate.long(meta?.date.flatMap(PlanDate.init), fallbackYear: parts.plan.year + 1)),
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
}
