import CCHCCore

/// Người ký: every document cchc writes has a named signer, or the officer is told. A document
/// whose plan.yaml settings give no signer is signed by its wording's title over no name; a
/// self-assessment by the unit's `head` over its `signer`, which units.csv may not give.
package enum SignerCheck {
    package static func run(_ dataset: Dataset, diagnostics: inout DiagnosticEngine) {
        let documents = dataset.plan.documents
        var kinds: [(String, DocumentMeta?)] = [
            documents?.planDecision != nil ? ("plan-decision", documents?.planDecision) : ("plan", documents?.plan)
        ]
        // A dataset of one unit has no ranking: no report and no decision are written.
        if dataset.units.count > 1 { kinds += [("report", documents?.report), ("decision", documents?.decision)] }
        if dataset.units.contains(where: \.isAppraisedByCouncil) { kinds.insert(("appraisal", documents?.appraisal), at: 1) }
        for (kind, meta) in kinds where meta?.signer == nil {
            let at = dataset.planLocations.location(["documents", kind]) ?? dataset.planLocations.location(["documents"])
            diagnostics.warning(
                SourceName(DatasetFiles.plan), line: at?.line, column: at?.column,
                "'documents.\(kind).signer': not given; the document is signed by its wording's title with no name under it; expected the signer, e.g. signer: {competence: KT., body: GIÁM ĐỐC, position: PHÓ GIÁM ĐỐC, name: Nguyễn Văn A}"
            )
        }
        let units = SourceName(DatasetFiles.units)
        let unnamed = dataset.units.filter { ($0.extra["signer"] ?? "").isEmpty }
        guard !unnamed.isEmpty else { return }
        if dataset.units.allSatisfy({ $0.extra["signer"] == nil }) {
            diagnostics.warning(
                units, line: 1,
                "no column 'signer': \(unnamed.count == 1 ? "the self-assessment prints" : "the \(unnamed.count) self-assessments print") no name under the signature; expected a column signer with the name of each unit's head, e.g. Nguyễn Văn A"
            )
        } else {
            for unit in unnamed {
                diagnostics.warning(
                    units, line: unit.line, field: "signer",
                    "empty for \(unit.name): its self-assessment prints no name under the signature; expected the head's name, e.g. Nguyễn Văn A"
                )
            }
        }
    }
}
