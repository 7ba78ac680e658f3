import CCHCCompute
import CCHCCore
import Foundation

/// What the results report says about one group, computed from its results: each field's
/// average with its best and worst units (all of them when tied), the weakest fields with the
/// criteria that pull them down and the agencies that lead them, the units compared with last
/// year, the criteria lost by most units (appraised ones apart from survey ones), and the ties.
package struct ReportAnalysis {
    /// A field (lĩnh vực) across the group.
    package struct Field {
        package var code: CriterionCode
        package var name: String
        /// The average of the units' field indexes (N/A fields left out), rounded like an index.
        package var average: Points?
        /// The units at the field's highest index (several when tied), in rank order.
        package var best: [(name: String, index: Points)]
        /// The units at the field's lowest index, in rank order.
        package var worst: [(name: String, index: Points)]
        /// Cơ quan chủ trì of the field, from the framework's `lead`.
        package var lead: String
        /// The appraised criteria of the field the group lost most points on, most first.
        package var lost: [Lost] = []
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
        /// Scored by survey (điều tra XHH, SIPAS): every unit loses some, none can act on it alone.
        package var isSurvey = false
    }

    package let group: GroupResult
    package private(set) var fields: [Field]
    /// The group's average index.
    package let average: Points?
    /// The units with last year's result, in rank order.
    package let compared: [UnitResult]
    /// Points lost per criterion over the group's units, most points first (the report's table).
    package private(set) var lost: [Lost]
    /// The three appraised (thẩm định) criteria most units lost points on: what a unit can act on.
    package let mostLost: [Lost]
    /// The two survey criteria the units lost most points on, on average.
    package let surveyLost: [Lost]
    /// Units that share a rank, each tie in rank order.
    package let ties: [[UnitResult]]
    /// The units at the group's highest and lowest index (several when tied).
    package let top: [UnitResult]
    package let bottom: [UnitResult]

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
            // Units are in rank order; equal indexes are all named.
            let best = scored.max { $0.index < $1.index }.map { top in scored.filter { $0.index == top.index } } ?? []
            let worst = scored.min { $0.index < $1.index }.map { low in scored.filter { $0.index == low.index } } ?? []
            let average = scored.isEmpty ? nil : scored.map(\.index).reduce(0, +).divided(by: scored.count, roundedTo: precision)
            return Field(
                code: f.code, name: f.name, average: average, best: best, worst: worst,
                lead: framework?[f.code]?.lead ?? "")
        }
        compared = group.units.filter { $0.previousRank != nil || $0.previousIndex != nil }
        let lost = Self.lost(group, parts)
        self.lost = lost
        let appraised = lost.filter { !$0.isSurvey }
        mostLost = Array(
            appraised.sorted { a, b in
                if a.units != b.units { return a.units > b.units }
                if a.points != b.points { return b.points < a.points }
                return a.code < b.code
            }.prefix(3))
        surveyLost = Array(
            lost.filter(\.isSurvey).sorted { a, b in a.average != b.average ? b.average < a.average : a.code < b.code }.prefix(2))
        fields = fields.map { f in
            var f = f
            f.lost = Array(appraised.filter { $0.code.field == f.code }.prefix(3))
            return f
        }
        let withIndex = group.units.filter { $0.index != nil }
        top = withIndex.filter { $0.index == withIndex.first?.index }
        bottom = withIndex.filter { $0.index == withIndex.last?.index }
        ties = Dictionary(grouping: group.units.filter { $0.rank != nil }, by: { $0.rank! }).values.filter { $0.count > 1 }
            .sorted { $0[0].rank! < $1[0].rank! }
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
                average: v.1.divided(by: v.2, roundedTo: parts.precision), isSurvey: v.0.method.isSurvey)
        }
    }
}
