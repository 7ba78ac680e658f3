import CCHCCompute
import CCHCCore
import CCHCInput
import Foundation

/// What the appraisal changed, counted on the criteria the council appraises (`tham-dinh`
/// leaves) of every unit it appraises: per unit its self total beside the appraised one and the
/// criteria adjusted in each round; per criterion how many units it was lowered for and by how
/// much; per field and lead agency the points before and after. A score left empty counts 0, as
/// the computation counts it; N/A is no score.
package struct AppraisalTally {
    /// One unit's appraisal.
    package struct Unit {
        package var id: String
        package var name: String
        package var group: String
        package var framework: String
        /// Tổng điểm tự đánh giá and điểm thẩm định (the final round) on the appraised criteria.
        package var selfTotal: Points
        package var appraisedTotal: Points
        /// Điểm thẩm định lần 1: the first round's score where scores.csv gives one, else the final.
        package var round1Total: Points
        /// Criteria whose round-1 score differs from the unit's own.
        package var adjustedRound1 = 0
        /// Criteria whose final score differs from round 1's.
        package var adjustedRound2 = 0
        /// Criteria whose final score differs from the unit's own, and those lowered.
        package var adjusted = 0
        package var lowered = 0
        /// Criteria the unit answered round 1 on (giải trình, bổ sung).
        package var answered = 0
    }

    /// One criterion lowered for some units.
    package struct Lowered {
        package var framework: String
        package var code: CriterionCode
        package var name: String
        package var lead: String
        package var units = 0
        package var points: Points = 0
    }

    /// The points of one field led by one agency, over the units of a framework.
    package struct FieldLead {
        package var framework: String
        package var field: String
        package var lead: String
        package var selfPoints: Points = 0
        package var appraisedPoints: Points = 0
        package var adjusted = 0
    }

    package var units: [Unit] = []
    /// Criteria lowered for at least one unit, most units first, then most points, then code.
    package var lowered: [Lowered] = []
    package var fields: [FieldLead] = []

    package init(_ dataset: Dataset, results: Results) {
        let computed = Set(results.groups.flatMap(\.units).map(\.id))
        // Per framework, once: its appraised leaves, the field–lead line each adds to, and a
        // lowered counter each (a unit's loop then builds no key and looks nothing up by name).
        var tallies: [String: FrameworkTally] = [:]
        var fieldIndex: [String: Int] = [:]
        for unit in dataset.units where unit.isAppraisedByCouncil && computed.contains(unit.id) {
            if tallies[unit.framework] == nil {
                tallies[unit.framework] = FrameworkTally(unit.framework, dataset.framework(of: unit), &fields, &fieldIndex)
            }
            let rows = dataset.scores[unit.id] ?? [:]
            var u = Unit(
                id: unit.id, name: unit.name, group: unit.group, framework: unit.framework, selfTotal: 0, appraisedTotal: 0,
                round1Total: 0)
            tallies[unit.framework]!.tally(rows, into: &u, &fields)
            units.append(u)
        }
        self.lowered = tallies.values.flatMap { $0.lowered.filter { $0.units > 0 } }.sorted { a, b in
            if a.units != b.units { return a.units > b.units }
            if a.points != b.points { return a.points > b.points }
            return a.framework != b.framework ? a.framework < b.framework : a.code < b.code
        }
    }

    /// One framework's appraised leaves (`tham-dinh`), the line of `fields` each adds to, and how
    /// often and by how much each was lowered.
    private struct FrameworkTally {
        var leaves: [Criterion] = []
        var fieldAt: [Int] = []
        var lowered: [Lowered] = []

        init(_ name: String, _ framework: Framework, _ fields: inout [FieldLead], _ fieldIndex: inout [String: Int]) {
            for c in framework.leaves where !c.method.isSurvey {
                let field = framework[CriterionCode(parts: [c.code.parts[0]])]?.name ?? ""
                let key = "\(name)\t\(field)\t\(c.lead)"
                if fieldIndex[key] == nil {
                    fieldIndex[key] = fields.count
                    fields.append(FieldLead(framework: name, field: field, lead: c.lead))
                }
                leaves.append(c)
                fieldAt.append(fieldIndex[key]!)
                lowered.append(Lowered(framework: name, code: c.code, name: c.name, lead: c.lead))
            }
        }

        /// Adds one unit's scores (`rows`) to `u`, to `fields` and to the lowered counters.
        mutating func tally(_ rows: [CriterionCode: ScoreEntry], into u: inout Unit, _ fields: inout [FieldLead]) {
            for (i, c) in leaves.enumerated() {
                let row = rows[c.code]
                let own = AppraisalTally.value(row?.selfScore)
                let final = AppraisalTally.value(row?.appraised)
                let first = row.map { $0.round1 == .missing ? final : AppraisalTally.value($0.round1) } ?? final
                u.selfTotal += own ?? 0
                u.appraisedTotal += final ?? 0
                u.round1Total += first ?? 0
                if first != own { u.adjustedRound1 += 1 }
                if final != first { u.adjustedRound2 += 1 }
                if !(row?.response.isEmpty ?? true) { u.answered += 1 }
                let at = fieldAt[i]
                fields[at].selfPoints += own ?? 0
                fields[at].appraisedPoints += final ?? 0
                guard final != own else { continue }
                u.adjusted += 1
                fields[at].adjusted += 1
                let drop = (own ?? 0) - (final ?? 0)
                guard drop > 0 else { continue }
                u.lowered += 1
                lowered[i].units += 1
                lowered[i].points += drop
            }
        }
    }

    /// A cell's points: empty counts 0, N/A (or text already refused) is none.
    fileprivate static func value(_ v: ScoreValue?) -> Points? {
        switch v ?? .missing {
        case .points(let p): return p
        case .missing: return 0
        case .notApplicable, .invalid: return nil
        }
    }
}
