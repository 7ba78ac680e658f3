import CCHCCore

/// Căn cứ of a decision: without plan.yaml's `bases`, a decision cites only the wording's two
/// defaults (the 2015 law on local government and the secretariat's proposal), where a real one
/// cites four or more (seed 004: the law, the decree and decision on the index, the province's
/// plan, the tờ trình). Told, so that a thin decision is not signed unnoticed.
package enum DecisionBasesCheck {
    package static func run(_ dataset: Dataset, diagnostics: inout DiagnosticEngine) {
        let documents = dataset.plan.documents
        var kinds = [("decision", documents?.decision)]
        if let planDecision = documents?.planDecision { kinds.insert(("plan-decision", planDecision), at: 0) }
        for (kind, meta) in kinds where (meta?.bases ?? []).isEmpty {
            if kind == "decision" && dataset.units.count < 2 { continue }  // a one-unit dataset has no results decision
            let at = dataset.planLocations.location(["documents", kind]) ?? dataset.planLocations.location(["documents"])
            diagnostics.warning(
                SourceName(DatasetFiles.plan), line: at?.line, column: at?.column,
                "'documents.\(kind).bases': not given; the decision cites only the default căn cứ (the 2015 law and the secretariat's proposal); expected the bases it rests on, e.g. bases: [Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015, Căn cứ Quyết định số 876/QĐ-BNV ngày 10 tháng 11 năm 2022 của Bộ Nội vụ, Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …]"
            )
        }
    }
}
