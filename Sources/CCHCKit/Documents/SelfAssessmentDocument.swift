import Foundation

/// Báo cáo tự đánh giá, chấm điểm: one unit's full criteria table with max, self score,
/// evidence and explanation, the appraised score and the council's comment beside it, totals,
/// and the criteria where points were lost. Its sentences are in `wording/tu-danh-gia.mustache`.
struct SelfAssessmentDocument {
    let parts: DocumentParts

    func build(_ unit: AssessedUnit, _ result: UnitResult) throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.selfAssessment)
        let words = try parts.sentences(.selfAssessment, values(unit, result))
        let short = unit.extra["short"].flatMap { $0.isEmpty ? nil : $0 } ?? DocumentParts.initials(unit.name)
        let subject = try words.one("subject")
        let header = DocumentHeader(
            parentOrgan: unit.extra["parent"].flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? parts.shortAuthority,
            issuerLines: [unit.extra["issuer"].flatMap { $0.isEmpty ? nil : $0 } ?? unit.name.uppercased()], organName: unit.name,
            organId: unit.id, number: nil, symbol: "BC-\(short)", place: p.place, date: meta?.date.flatMap(PlanDate.init),
            fallbackYear: p.year + 1, subject: meta?.title ?? subject, attached: "")
        let framework = parts.dataset.framework(of: unit)
        var body: [Block] = [.heading(level: 1, label: "I.", text: try words.one("resultsHeading"))]
        body.append(.paragraph(try words.one("summary")))
        body.append(.table(try criteriaTable(unit, result, framework, words)))
        body.append(.heading(level: 1, label: "II.", text: try words.one("lostHeading")))
        let lost = lostTable(unit, result, framework, title: try words.one("lostTable"))
        body.append(lost.rows.isEmpty ? .paragraph(try words.one("nothingLost")) : .table(lost))
        body.append(.paragraph(try words.one("closing")))
        let defaultHead = try words.one("signer")
        let head = unit.extra["head"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultHead
        return OfficialDocument(
            kind: .selfAssessment, path: "\(DocumentKind.selfAssessment.fileName)/\(unit.id)", unit: unit.id,
            year: p.year, header: header, bases: [], body: DocumentParts.closing(body),
            signer: parts.signature(
                nil, fallback: Signer(competence: nil, body: nil, position: head, name: unit.extra["signer"] ?? "")),
            recipients: parts.recipients(.selfAssessment, defaults: words.all("recipient")),
            appendices: [])
    }

    /// What the self-assessment's sentences take, the numbers written as the documents print them.
    private func values(_ unit: AssessedUnit, _ r: UnitResult) -> TemplateObject {
        let selfMax = zip(parts.dataset.framework(of: unit).criteria, r.scores.selfMax).filter { $0.0.code.depth == 1 }.map(\.1)
            .reduce(Points(0)) { $0 + $1 }
        let methods = r.byMethod.map { "\($0.method.shortTitle) \(parts.number($0.score))/\(parts.number($0.max))" }
        let count = parts.results.groups.first { $0.name == r.group }?.units.count ?? 0
        return [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat), "unit": .text(unit.name),
            "selfTotal": .text(parts.number(r.selfTotal)), "selfMax": .text(parts.number(selfMax)),
            "total": .text(parts.number(r.total)), "max": .text(parts.number(r.max)),
            "methods": .text(methods.joined(separator: "; ")), "index": .text(parts.index(r.index)),
            "rank": .text(r.rank.map(String.init) ?? ""), "count": .text(String(count)), "group": .text(r.group),
        ]
    }

    private func criteriaTable(_ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework, _ words: Sentences)
        throws(TemplateError) -> DocTable
    {
        let rows = parts.dataset.scores[unit.id] ?? [:]
        let (surveyNote, explanationNote, commentNote, notApplicable) = (
            try words.one("surveyNote"), try words.one("explanationNote"), try words.one("commentNote"),
            try words.one("notApplicableNote")
        )
        var out: [DocRow] = []
        for (i, c) in framework.criteria.enumerated() {
            let row = rows[c.code]
            let selfValue: Points? = c.method.isSurvey && c.isLeaf ? nil : r.scores.selfScore[i]
            let final = r.scores.final[i]
            let difference = selfValue.flatMap { s in final.map { $0 - s } }
            var notes: [String] = []
            if c.isLeaf && c.method.isSurvey { notes.append("\(surveyNote) \(c.method.shortTitle)") }
            if let row, c.isLeaf {
                notes += row.evidence
                if !row.explanation.isEmpty { notes.append("\(explanationNote) \(row.explanation)") }
                if !row.comment.isEmpty { notes.append("\(commentNote) \(row.comment)") }
            }
            if c.isLeaf && final == nil { notes.append(notApplicable) }
            out.append(
                DocRow(
                    [
                        .text(c.code.description), .text(c.name), .number(c.max), .number(selfValue), .number(final),
                        difference == 0 ? .blank : .number(difference), .text(notes.joined(separator: "; ")),
                    ], strong: c.code.depth == 1))
        }
        out.append(
            DocRow(
                [
                    .text(""), .text(try words.one("totalRow")), .number(framework.max), .number(r.selfTotal), .number(r.total),
                    r.total == r.selfTotal ? .blank : .number(r.total - r.selfTotal),
                    .text(try words.one("indexNote")),
                ], strong: true))
        return DocTable(
            id: "criteria", title: try words.one("criteriaTable"),
            columns: [
                DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí, tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm tự đánh giá", numeric: true), DocColumn("Điểm thẩm định", numeric: true),
                DocColumn("Chênh lệch", numeric: true), DocColumn("Tài liệu kiểm chứng, giải trình"),
            ],
            rows: out)
    }

    /// Điểm bị mất = max − score on every applicable leaf, most first.
    private func lostTable(_ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework, title: String) -> DocTable {
        // Positions and points only: sorting whole criteria moved their strings around.
        var lost: [(index: Int, score: Points, points: Points)] = []
        for (i, c) in framework.criteria.enumerated() where c.isLeaf {
            guard let score = r.scores.final[i], c.max > score else { continue }
            lost.append((i, score, c.max - score))
        }
        // Points compared through `exceeds` (integers): Foundation's comparison dominated this sort.
        lost.sort { a, b in
            if a.points > b.points { return true }
            if b.points > a.points { return false }
            return framework.criteria[a.index].code < framework.criteria[b.index].code
        }
        let comments = parts.dataset.scores[unit.id] ?? [:]
        let rows = lost.map { i, score, points in
            let c = framework.criteria[i]
            return DocRow([
                .text(c.code.description), .text(c.name), .number(c.max), .number(score), .number(points),
                .text(comments[c.code]?.comment ?? ""),
            ])
        }
        return DocTable(
            id: "lost", title: title,
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm đạt", numeric: true),
                DocColumn("Điểm bị mất", numeric: true), DocColumn("Ý kiến Hội đồng thẩm định"),
            ],
            rows: rows)
    }
}
