import CCHCCore

/// One row of a scoring workbook: a unit and one node of its framework.
public struct ScoringRow: Sendable {
    public var unit: AssessedUnit
    /// The framework's CSV name (`framework-so.csv`).
    public var framework: String
    public var criterion: Criterion

    /// Whether the row takes a score in the workbook: an appraised leaf (a field's or a
    /// criterion's total is summed, a survey criterion is scored by the survey).
    public var takesScore: Bool { criterion.isLeaf && criterion.method == .thamDinh }
}

extension ScoringSetup {
    /// The rows of the workbook `form` for `id` (a unit's id, a lead agency's name), in order:
    /// a unit's whole framework; a lead's appraised criteria, with the fields and criteria above
    /// them, for every unit the council appraises, unit after unit. Empty for an unknown id.
    public func rows(_ form: ScoringForm, id: String) -> [ScoringRow] {
        switch form.audience {
        case .units:
            guard let unit = units.first(where: { $0.id == id }), let framework = framework(of: unit) else { return [] }
            return framework.criteria.map { ScoringRow(unit: unit, framework: unit.framework, criterion: $0) }
        case .leads:
            var rows: [ScoringRow] = []
            for unit in units where unit.isAppraisedByCouncil {
                guard let framework = framework(of: unit) else { continue }
                let led = Self.led(by: id, in: framework)
                rows += framework.criteria.filter { led.contains($0.code) }.map {
                    ScoringRow(unit: unit, framework: unit.framework, criterion: $0)
                }
            }
            return rows
        }
    }

    /// The codes a lead appraises in a framework: its appraised leaves and every node above them.
    private static func led(by lead: String, in framework: Framework) -> Set<CriterionCode> {
        var codes = Set<CriterionCode>()
        for leaf in framework.leaves where leaf.method == .thamDinh && leaf.lead == lead {
            var code: CriterionCode? = leaf.code
            while let c = code, codes.insert(c).inserted { code = c.parent }
        }
        return codes
    }

    /// The fingerprint of the framework rows `rows` hold: each distinct (framework, criterion)
    /// once, in order of first appearance, so a lead's workbook keeps its fingerprint when a
    /// unit is added.
    public func fingerprint(_ rows: [ScoringRow]) -> String {
        var seen = Set<String>()
        var distinct: [(framework: String, criterion: Criterion)] = []
        for row in rows where seen.insert("\(row.framework)\t\(row.criterion.code)").inserted {
            distinct.append((row.framework, row.criterion))
        }
        return CriteriaFingerprint.of(distinct)
    }

    /// The ids a form is made for: every unit's id; every lead agency's name.
    public func ids(_ form: ScoringForm) -> [String] {
        form.audience == .units ? units.map(\.id) : leads
    }

    /// Appraised criteria no lead agency is named for (framework column `lead`): they are in no
    /// lead's workbook. By framework, codes in order.
    public var unled: [(framework: String, codes: [CriterionCode])] {
        frameworks.keys.sorted().compactMap { name in
            let codes = frameworks[name]!.leaves.filter { $0.method == .thamDinh && $0.lead.isEmpty }.map(\.code)
            return codes.isEmpty ? nil : (name, codes)
        }
    }
}
