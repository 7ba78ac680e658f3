import CCHCCore

/// The documents of the year beyond the results (the council decision, the guidance letter, the
/// appraisal report, the tờ trình, the commendation) are written from data a dataset may not
/// hold yet: what each lacks is told, so that a skipped document or a blank date is not a surprise
/// on the day it is to be signed.
package enum YearDocumentsCheck {
    package static func run(_ dataset: Dataset, diagnostics: inout DiagnosticEngine) {
        let plan = SourceName(DatasetFiles.plan)
        let appraised = dataset.units.contains(where: \.isAppraisedByCouncil)
        let ranked = dataset.units.count > 1
        func warn(_ path: [String], _ message: String) {
            let at = dataset.planLocations.location(path) ?? dataset.planLocations.location(Array(path.prefix(1)))
            diagnostics.warning(plan, line: at?.line, column: at?.column, message)
        }
        if appraised && dataset.council.isEmpty {
            warn(
                ["council"],
                "no council members: neither council.csv nor plan.yaml's 'council' names any; the council decision (quyet-dinh-thanh-lap-hoi-dong) is not written and the appraisal report (bao-cao-tham-dinh) leaves its Chủ tịch's name blank; expected council.csv with the columns name,title,agency,role, e.g. Trần Anh Thư,Phó Chủ tịch,Ủy ban nhân dân tỉnh,Chủ tịch"
            )
        }
        let awards = dataset.plan.awards ?? []
        if ranked && awards.allSatisfy({ $0.count == 0 }) {
            warn(
                ["awards"],
                "'awards': no award rule; the commendation decision (quyet-dinh-khen-thuong) is not written and the tờ trình proposes no commendation; expected the units to commend per group, e.g. awards: [{group: Sở, ban, ngành, count: 3}]"
            )
        }
        if appraised && dataset.plan.deadlines?.selfAssessment == nil {
            warn(
                ["deadlines", "self-assessment"],
                "'deadlines.self-assessment': not given; the guidance letter (huong-dan-tu-danh-gia) and the scoring workbooks give no date to send the self-assessment by; expected deadlines: {self-assessment: YYYY-MM-DD}, e.g. self-assessment: 2026-01-20"
            )
        }
        guard !dataset.plan.issuedElectronically else { return }
        let documents = dataset.plan.documents
        var kinds: [(String, DocumentMeta?)] = []
        if appraised && !dataset.council.isEmpty { kinds.append(("council", documents?.council)) }
        if appraised { kinds += [("guidance", documents?.guidance), ("appraisal-report", documents?.appraisalReport)] }
        if ranked { kinds.append(("submission", documents?.submission)) }
        if ranked && !awards.allSatisfy({ $0.count == 0 }) { kinds.append(("commendation", documents?.commendation)) }
        let undated = kinds.filter { $0.1?.date == nil }.map(\.0)
        guard !undated.isEmpty else { return }
        warn(
            ["documents"],
            "no date for \(undated.joined(separator: ", ")): \(undated.count == 1 ? "it prints" : "they print") “ngày     tháng     năm” to fill in by hand; expected the signing date of each under documents, e.g. documents: {\(undated[0]): {date: 2026-02-24}}"
        )
    }
}
