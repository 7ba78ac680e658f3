import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Báo cáo tự đánh giá, chấm điểm: the unit's own report, as it sends it before appraisal (README,
/// "The documents"): its criteria with the max that applies, its own score, evidence and explanation, totals,
/// and the points it reckons it lost. No appraised score, council comment, index or rank: none
/// exists yet. Its sentences are in `wording/tu-danh-gia.mustache`.
package struct SelfAssessmentDocument {
    package let parts: DocumentParts

    package func build(_ unit: AssessedUnit, _ result: UnitResult) throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.selfAssessment)
        let framework = parts.dataset.framework(of: unit)
        let words = try parts.sentences(.selfAssessment, values(unit, result, framework))
        var header = parts.unitHeader(unit, .report, meta: meta, subject: try words.one("subject"))
        header.number = nil  // each unit numbers its own report
        var body: [Block] = [.heading(level: 1, label: "I.", text: try words.one("resultsHeading"))]
        body.append(.paragraph(try words.one("summary")))
        body.append(.table(try criteriaTable(unit, result, framework, words)))
        body += words.all("surveyCriteria").map { .paragraph($0) }
        body.append(.heading(level: 1, label: "II.", text: try words.one("lostHeading")))
        let lost = lostTable(result, framework, title: try words.one("lostTable"))
        body.append(lost.rows.isEmpty ? .paragraph(try words.one("nothingLost")) : .table(lost))
        body.append(.paragraph(try words.one("closing")))
        return OfficialDocument(
            kind: .selfAssessment, path: "\(DocumentKind.selfAssessment.fileName)/\(unit.id)", unit: unit.id,
            year: p.year, header: header, bases: [], body: DocumentParts.closing(body),
            signer: parts.signature(nil, fallback: try signer(unit, words)),
            recipients: parts.recipients(.selfAssessment, defaults: words.all("recipient"), words: words),
            appendices: [])
    }

    /// The unit's head: `units.csv`'s `head` (and `signer`, the name) when given, else the
    /// wording's `signer`; a UBND signs on behalf of its committee (`TM. ỦY BAN NHÂN DÂN` /
    /// `CHỦ TỊCH`, a deputy `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`).
    private func signer(_ unit: AssessedUnit, _ words: Sentences) throws(TemplateError) -> Signer {
        let name = unit.extra["signer"] ?? ""
        let head = unit.extra["head"].flatMap { $0.isEmpty ? nil : $0 }
        guard UnitKind(unit.name) == .peoplesCommittee else {
            if let head { return Signer(competence: nil, body: nil, position: head, name: name) }
            return Signer(competence: nil, body: nil, position: try words.one("signer"), name: name)
        }
        let position = head ?? "CHỦ TỊCH"
        let deputy = position.uppercased().hasPrefix("PHÓ")
        return Signer(
            competence: "TM.", body: "ỦY BAN NHÂN DÂN", position: position, name: name,
            lines: ["TM. ỦY BAN NHÂN DÂN"] + (deputy ? ["KT. CHỦ TỊCH"] : []) + [position])
    }

    /// What the self-assessment's sentences take, the numbers written as the documents print them.
    private func values(_ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework) -> TemplateObject {
        let selfMax = fieldSum(r.scores.selfMax, framework)
        let surveyMax = zip(framework.criteria, r.scores.finalMax).filter { $0.0.isLeaf && $0.0.method.isSurvey }.map(\.1)
            .reduce(Points(0)) { $0 + $1 }
        var values: TemplateObject = [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat), "unit": .text(unit.name),
            "selfTotal": .text(parts.score(r.selfTotal)), "selfMax": .text(parts.number(selfMax)),
        ]
        values["surveyMax"] = .text(surveyMax > 0 ? parts.number(surveyMax) : "")
        values["ministry"] = .text(unit.isProvince ? "Bộ Nội vụ" : "")
        return values
    }

    /// The sum of the fields' values (the framework's top level).
    private func fieldSum(_ values: [Points], _ framework: Framework) -> Points {
        framework.total(values.map { $0 }) ?? 0
    }

    /// Whether a node holds a criterion the unit scores itself (a `tham-dinh` leaf), N/A or not.
    private func selfAssessed(_ framework: Framework) -> [Bool] {
        framework.sums { _, c in c.method.isSurvey ? nil : (0, c.max) }.max.map { $0 != nil }
    }

    /// Every criterion the unit scores itself: the max that applies (a dash where the criterion
    /// does not apply), its score, evidence and explanation; fields and the total summed.
    private func criteriaTable(_ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework, _ words: Sentences)
        throws(TemplateError) -> DocTable
    {
        let rows = parts.dataset.scores[unit.id] ?? [:]
        let notApplicable = try words.one("notApplicableNote")
        let assessed = selfAssessed(framework)
        var out: [DocRow] = []
        // By index: a criterion copied out of the framework costs a retain for each of its strings.
        let criteria = framework.criteria
        for i in criteria.indices where assessed[i] {
            let applies = r.scores.selfScore[i] != nil
            let row = criteria[i].isLeaf ? rows[criteria[i].code] : nil
            let explanation = [applies ? nil : notApplicable, row.map(\.explanation)].compactMap { $0 }.filter { !$0.isEmpty }
            out.append(
                DocRow(
                    [
                        .text(criteria[i].code.description), .text(criteria[i].name),
                        parts.maxCell(applies ? r.scores.selfMax[i] : nil),
                        parts.scoreCell(r.scores.selfScore[i]), .text(row?.evidence.joined(separator: "; ") ?? ""),
                        .text(explanation.joined(separator: "; ")),
                    ], strong: criteria[i].code.depth == 1))
        }
        out.append(
            DocRow(
                [
                    .text(""), .text(try words.one("totalRow")), parts.maxCell(fieldSum(r.scores.selfMax, framework)),
                    parts.scoreCell(r.selfTotal), .text(""), .text(""),
                ], strong: true))
        return DocTable(
            id: "criteria", title: try words.one("criteriaTable"),
            columns: [
                DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí, tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm tự đánh giá", numeric: true), DocColumn("Tài liệu kiểm chứng"), DocColumn("Giải trình"),
            ],
            rows: out)
    }

    /// The points the unit reckons it lost (max − its own score) on every criterion it scores,
    /// most first.
    private func lostTable(_ r: UnitResult, _ framework: Framework, title: String) -> DocTable {
        // Positions and points only: sorting whole criteria moved their strings around.
        var lost: [(index: Int, score: Points, points: Points)] = []
        let criteria = framework.criteria
        for i in criteria.indices where criteria[i].isLeaf && !criteria[i].method.isSurvey {
            guard let score = r.scores.selfScore[i], criteria[i].max > score else { continue }
            lost.append((i, score, criteria[i].max - score))
        }
        lost.sort { a, b in
            if a.points > b.points { return true }
            if b.points > a.points { return false }
            return framework.criteria[a.index].code < framework.criteria[b.index].code
        }
        let rows = lost.map { i, score, points in
            let c = framework.criteria[i]
            return DocRow([
                .text(c.code.description), .text(c.name), parts.maxCell(c.max), parts.scoreCell(score), parts.scoreCell(points),
            ])
        }
        return DocTable(
            id: "lost", title: title,
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm tự đánh giá", numeric: true), DocColumn("Điểm bị mất", numeric: true),
            ],
            rows: rows)
    }
}
