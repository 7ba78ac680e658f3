import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Báo cáo kết quả thẩm định: the appraisal council's report on its appraisal, before the survey
/// is joined (seed 004, step 7). Issued by the council (`HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC`, its own
/// number series `BC-HĐTĐ`) and signed on its behalf by its Chủ tịch: how the appraisal went and
/// how many criteria each round adjusted; per group each unit's self total beside its appraised
/// total and the difference; the criteria most often lowered and by how much; the points by field
/// and lead agency; the units that answered round 1 and what round 2 changed; the proposals. Its
/// sentences are in `wording/bao-cao-tham-dinh.mustache`; the figures are `AppraisalTally`'s.
package struct AppraisalReportDocument {
    package let parts: DocumentParts

    /// The criteria of the "most often lowered" table.
    static let loweredShown = 10

    package func build() throws(TemplateError) -> OfficialDocument {
        let meta = parts.meta(.appraisalReport)
        let tally = AppraisalTally(parts.dataset, results: parts.results)
        let groups = parts.dataset.groups.filter { g in tally.units.contains { $0.group == g } }
        let twoRounds = parts.twoRounds
        let words = try parts.sentences(.appraisalReport, values(tally, groups, twoRounds))
        var header = parts.secretariatHeader(.appraisalReport, subject: try words.one("subject"))
        header.issuerLines = words.all("issuer")
        header.organName = try words.one("organName")
        let symbol = try words.one("symbol")
        header.symbol = meta?.symbol ?? symbol
        var body: [Block] = [.paragraph(try words.one("intro"))]
        var section = 0
        func heading(_ name: String) throws(TemplateError) {
            section += 1
            body.append(.heading(level: 1, label: Numbering.label(level: 1, section), text: try words.one(name)))
        }
        try heading("courseHeading")
        body += words.all("course").filter { !$0.isEmpty }.map(Block.paragraph)
        try heading("unitsHeading")
        let summaries = try words.perItem("groupSummary", of: "groups", count: groups.count)
        for (i, group) in groups.enumerated() {
            body.append(.heading(level: 2, label: "\(i + 1).", text: group))
            if !summaries[i].isEmpty { body.append(.paragraph(summaries[i])) }
            body.append(.table(unitsTable(tally.units.filter { $0.group == group }, id: "appraisal-units-\(i + 1)")))
        }
        try heading("loweredHeading")
        body.append(.paragraph(try words.one("lowered")))
        if !tally.lowered.isEmpty { body.append(.table(loweredTable(tally))) }
        try heading("fieldsHeading")
        body.append(.table(fieldsTable(tally)))
        if twoRounds {
            try heading("answersHeading")
            body.append(.paragraph(try words.one("answers")))
            let answered = tally.units.filter { $0.answered > 0 }
            if !answered.isEmpty { body.append(.table(answersTable(answered))) }
        }
        try heading("proposalsHeading")
        body += words.all("proposal").filter { !$0.isEmpty }.map(Block.item)
        return OfficialDocument(
            kind: .appraisalReport, path: DocumentKind.appraisalReport.fileName, unit: nil, year: parts.plan.year,
            header: header, bases: [], body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try signer(words)),
            recipients: parts.recipients(.appraisalReport, defaults: words.all("recipient"), words: words), appendices: [])
    }

    /// The wording's signature, with the name of the council's Chủ tịch when council.csv gives one.
    private func signer(_ words: Sentences) throws(TemplateError) -> Signer {
        var s = try parts.defaultSigner(words)
        s.name = parts.dataset.council.first { $0.role == CouncilMember.roles.first }?.name ?? ""
        return s
    }

    /// Per unit: its self total, its appraised total, the difference and the criteria adjusted.
    private func unitsTable(_ units: [AppraisalTally.Unit], id: String) -> DocTable {
        DocTable(
            id: id, title: "",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Đơn vị"), DocColumn("Điểm tự đánh giá", numeric: true),
                DocColumn("Điểm thẩm định", numeric: true), DocColumn("Chênh lệch", numeric: true),
                DocColumn("Số tiêu chí điều chỉnh", numeric: true),
            ],
            rows: units.enumerated().map { i, u in
                DocRow([
                    .integer(i + 1), .text(u.name), parts.scoreCell(u.selfTotal), parts.scoreCell(u.appraisedTotal),
                    parts.differenceCell(u.appraisedTotal - u.selfTotal), .integer(u.adjusted),
                ])
            })
    }

    /// The criteria lowered for the most units, with the points they lost together.
    private func loweredTable(_ tally: AppraisalTally) -> DocTable {
        let several = parts.frameworksInUse.count > 1
        return DocTable(
            id: "appraisal-lowered", title: "",
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Số đơn vị bị giảm điểm", numeric: true),
                DocColumn("Tổng điểm bị giảm", numeric: true), DocColumn("Cơ quan chủ trì thẩm định"),
            ],
            rows: tally.lowered.prefix(Self.loweredShown).map { l in
                let name = several ? "\(l.name) (\(groupNames(l.framework)))" : l.name
                return DocRow([
                    .text(l.code.description), .text(name), .integer(l.units), parts.scoreCell(l.points), .text(l.lead),
                ])
            })
    }

    /// The points of each field and lead agency, before and after the appraisal.
    private func fieldsTable(_ tally: AppraisalTally) -> DocTable {
        let several = parts.frameworksInUse.count > 1
        return DocTable(
            id: "appraisal-fields", title: "",
            columns: [
                DocColumn("Lĩnh vực"), DocColumn("Cơ quan chủ trì thẩm định"), DocColumn("Điểm tự đánh giá", numeric: true),
                DocColumn("Điểm thẩm định", numeric: true), DocColumn("Chênh lệch", numeric: true),
                DocColumn("Số lượt điều chỉnh", numeric: true),
            ],
            rows: tally.fields.map { f in
                DocRow([
                    .text(several ? "\(f.field) (\(groupNames(f.framework)))" : f.field), .text(f.lead),
                    parts.scoreCell(f.selfPoints), parts.scoreCell(f.appraisedPoints),
                    parts.differenceCell(f.appraisedPoints - f.selfPoints), .integer(f.adjusted),
                ])
            })
    }

    /// The units that answered round 1: what they answered, and what round 2 changed.
    private func answersTable(_ units: [AppraisalTally.Unit]) -> DocTable {
        DocTable(
            id: "appraisal-answers", title: "",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Đơn vị"), DocColumn("Số tiêu chí giải trình", numeric: true),
                DocColumn("Điểm thẩm định lần 1", numeric: true), DocColumn("Điểm thẩm định lần 2", numeric: true),
                DocColumn("Chênh lệch lần 2", numeric: true), DocColumn("Số tiêu chí điều chỉnh lần 2", numeric: true),
            ],
            rows: units.enumerated().map { i, u in
                DocRow([
                    .integer(i + 1), .text(u.name), .integer(u.answered), parts.scoreCell(u.round1Total),
                    parts.scoreCell(u.appraisedTotal), parts.differenceCell(u.appraisedTotal - u.round1Total),
                    .integer(u.adjustedRound2),
                ])
            })
    }

    private func groupNames(_ framework: String) -> String {
        parts.groups(using: framework).map(Sentence.inner).joined(separator: ", ")
    }
}
