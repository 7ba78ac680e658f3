import CCHCCore
import CCHCInput
import Foundation

/// Step 3 of the pipeline: computes totals, indexes, ranks, bands and awards (README, "How it computes").
public enum Calculator {
    public static func compute(_ dataset: Dataset) -> Results {
        let precision = dataset.plan.precision ?? 2
        let classifier = BandClassifier(settings: dataset.plan.bands)
        var warnings = DiagnosticEngine()
        var groups: [GroupResult] = []
        // Each unit's scores on every core; ranking and awards then go group by group.
        let all = Parallel.map(dataset.units.count) { i in
            unitResult(dataset.units[i], dataset, precision: precision, classifier: classifier)
        }
        let byGroup = Dictionary(grouping: all, by: \.group)
        // Groups are ranked on every core too; awards, which may warn, then go in group order.
        let names = dataset.groups
        let ranked = Parallel.map(names.count) { g in
            let members = byGroup[names[g]] ?? []
            // Names are put in Vietnamese order once per group: it breaks the ties of every ranking.
            let byName = Ranking.nameOrder(names: members.map(\.name), ids: members.map(\.id))
            var (units, unitsByName) = rankUnits(members, byName: byName)
            rankFields(&units, byName: unitsByName)
            return units
        }
        for (group, units) in zip(names, ranked) {
            let awarded = awards(for: group, units, dataset, warnings: &warnings)
            groups.append(GroupResult(name: group, units: units, awarded: awarded))
        }
        DeclaredTotals.check(dataset, groups, warnings: &warnings)
        return Results(
            dataset: dataset.name, year: dataset.plan.year, precision: precision, groups: groups,
            warnings: warnings.diagnostics)
    }

    package static func unitResult(_ unit: AssessedUnit, _ dataset: Dataset, precision: Int, classifier: BandClassifier)
        -> UnitResult
    {
        let framework = dataset.framework(of: unit)
        let scores = UnitScores.compute(framework, scores: dataset.scores[unit.id], survey: dataset.survey[unit.id])
        var total: Points = 0
        var max: Points = 0
        var selfTotal: Points = 0
        var byMethod: [ScoringMethod: (Points, Points)] = [:]
        var fields: [FieldResult] = []
        for (i, c) in framework.criteria.enumerated() {
            if c.code.depth == 1 {
                total = total + (scores.final[i] ?? 0)
                max = max + scores.finalMax[i]
                selfTotal = selfTotal + (scores.selfScore[i] ?? 0)
                fields.append(
                    FieldResult(
                        code: c.code, name: c.name, score: scores.final[i], max: scores.finalMax[i],
                        index: .percent(scores.final[i] ?? 0, of: scores.finalMax[i], scale: precision), rank: nil))
            }
            if c.isLeaf && scores.final[i] != nil {
                let (s, m) = byMethod[c.method] ?? (0, 0)
                byMethod[c.method] = (s + (scores.final[i] ?? 0), m + scores.finalMax[i])
            }
        }
        let index = Points.percent(total, of: max, scale: precision)
        let previous = dataset.previous[unit.id]
        return UnitResult(
            id: unit.id, name: unit.name, group: unit.group, rank: nil, total: total, max: max, index: index,
            band: classifier.band(index, group: unit.group),
            byMethod: ScoringMethod.allCases.compactMap { m in
                byMethod[m].map { MethodSubtotal(method: m, score: $0.0, max: $0.1) }
            },
            selfTotal: selfTotal, previousRank: previous?.rank, rankChange: nil, previousIndex: previous?.index,
            fields: fields, scores: scores, framework: unit.framework)
    }

    /// The units in rank order, with their ranks, and each one's position in name order.
    package static func rankUnits(_ units: [UnitResult], byName: [Int]) -> (units: [UnitResult], byName: [Int]) {
        let ranked = Ranking.rank(Array(units.indices), index: { units[$0].index }, tieOrder: { byName[$0] })
        let ordered = ranked.map { entry in
            var u = units[entry.item]
            u.rank = entry.rank
            if let rank = entry.rank, let previous = u.previousRank { u.rankChange = previous - rank }
            return u
        }
        return (ordered, ranked.map { byName[$0.item] })
    }

    /// Ranks each field within the group by the same rule as the whole index.
    package static func rankFields(_ units: inout [UnitResult], byName: [Int]) {
        var codes: [CriterionCode] = []
        for u in units { for f in u.fields where !codes.contains(f.code) { codes.append(f.code) } }
        for code in codes {
            let holders = units.indices.compactMap { i in units[i].fields.firstIndex { $0.code == code }.map { (i, $0) } }
            let ranked = Ranking.rank(holders, index: { units[$0.0].fields[$0.1].index }, tieOrder: { byName[$0.0] })
            for entry in ranked { units[entry.item.0].fields[entry.item.1].rank = entry.rank }
        }
    }

    /// The units proposed for commendation: rank ≤ the group's count; a tie across the boundary is warned.
    package static func awards(for group: String, _ units: [UnitResult], _ dataset: Dataset, warnings: inout DiagnosticEngine)
        -> [String]
    {
        guard let rules = dataset.plan.awards, let i = rules.firstIndex(where: { $0.group == group }) else { return [] }
        let count = rules[i].count
        var awarded = units.filter { ($0.rank ?? Int.max) <= count }
        if count > 0, count < units.count, let edge = units[count - 1].rank, units[count].rank == edge {
            let tied = units.filter { $0.rank == edge }.map(\.name).joined(separator: ", ")
            let at = dataset.planLocations.location(["awards", String(i), "count"])
            let excluded = rules[i].ties == "exclude"
            if excluded { awarded.removeAll { $0.rank == edge } }
            warnings.warning(
                SourceName(DatasetFiles.plan), line: at?.line, column: at?.column,
                "awards for '\(group)' go to \(count) unit\(count == 1 ? "" : "s"), but rank \(edge) is shared by \(tied); "
                    + (excluded
                        ? "ties: exclude leaves them all out, so \(awarded.count) unit\(awarded.count == 1 ? " is" : "s are") awarded"
                        : "\(awarded.count) units reach rank ≤ \(count)")
            )
        }
        return awarded.map(\.id)
    }
}
