import CCHCCompute
import CCHCCore
import Foundation

/// What the results report says about one group, computed from its results: each field's
/// average with its best and worst unit, the weakest fields and the agencies that lead them,
/// the units compared with last year, and the criteria lost by most units.
package struct ReportAnalysis {
    /// A field (lĩnh vực) across the group.
    package struct Field {
        package var code: CriterionCode
        package var name: String
        /// The average of the units' field indexes (N/A fields left out), rounded like an index.
        package var average: Points?
        package var best: (name: String, index: Points)?
        package var worst: (name: String, index: Points)?
        /// Cơ quan chủ trì of the field, from the framework's `lead`.
        package var lead: String
    }

    /// Points lost on one criterion over the group's units.
    package struct Lost {
        package var code: CriterionCode
        package var name: String
        package var max: Points
        /// How many units lost points on it.
        package var units: Int
        package var points: Points
        package var average: Points
    }

    package let group: GroupResult
    package let fields: [Field]
    /// The group's average index.
    package let average: Points?
    /// The units with last year's result, in rank order.
    package let compared: [UnitResult]
    /// Points lost per criterion over the group's units, most points first (the report's table).
    package let lost: [Lost]
    /// The three criteria most units lost points on.
    package let mostLost: [Lost]

    package init(group: GroupResult, parts: DocumentParts) {
        self.group = group
        let precision = parts.precision
        let indexes = group.units.compactMap(\.index)
        average = indexes.isEmpty ? nil : indexes.reduce(0, +).divided(by: indexes.count, roundedTo: precision)
        let framework = group.units.first.flatMap { parts.dataset.frameworks[$0.framework] }
        fields = (group.units.first?.fields ?? []).map { f in
            let scored = group.units.compactMap { u in
                u.fields.first { $0.code == f.code }?.index.map { (name: u.name, index: $0) }
            }
            // Units are in rank order: the first of equal indexes is the one ranked first.
            let best = scored.max { $0.index < $1.index }.flatMap { top in scored.first { $0.index == top.index } }
            let worst = scored.min { $0.index < $1.index }.flatMap { low in scored.last { $0.index == low.index } }
            let average = scored.isEmpty ? nil : scored.map(\.index).reduce(0, +).divided(by: scored.count, roundedTo: precision)
            return Field(
                code: f.code, name: f.name, average: average, best: best, worst: worst,
                lead: framework?[f.code]?.lead ?? "")
        }
        compared = group.units.filter { $0.previousRank != nil || $0.previousIndex != nil }
        lost = Self.lost(group, parts)
        mostLost = Array(
            lost.sorted { a, b in
                if a.units != b.units { return a.units > b.units }
                if a.points != b.points { return b.points < a.points }
                return a.code < b.code
            }.prefix(3))
    }

    /// The two fields with the lowest average, weakest first (by code where they tie).
    package var weakest: [Field] {
        let ranked = fields.compactMap { f in f.average.map { (field: f, average: $0) } }.sorted { a, b in
            a.average != b.average ? a.average < b.average : a.field.code < b.field.code
        }
        return ranked.prefix(2).map(\.field)
    }

    /// The lead agencies of the weakest fields, each once, with the fields it leads.
    package var weakestLeads: [(lead: String, codes: [CriterionCode])] {
        var out: [(lead: String, codes: [CriterionCode])] = []
        for f in weakest where !f.lead.isEmpty {
            if let i = out.firstIndex(where: { $0.lead == f.lead }) {
                out[i].codes.append(f.code)
            } else {
                out.append((f.lead, [f.code]))
            }
        }
        return out
    }

    /// Lost points (max − score) per criterion over the group's units, most points first, then by
    /// code, then by framework: never in a dictionary's order.
    private static func lost(_ g: GroupResult, _ parts: DocumentParts) -> [Lost] {
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
        return lost.sorted { a, b in
            if a.value.1 > b.value.1 { return true }
            if b.value.1 > a.value.1 { return false }
            if a.value.0.code != b.value.0.code { return a.value.0.code < b.value.0.code }
            return a.key.framework < b.key.framework
        }.map { _, v in
            Lost(
                code: v.0.code, name: v.0.name, max: v.0.max, units: v.2, points: v.1,
                average: v.1.divided(by: v.2, roundedTo: parts.precision))
        }
    }
}
