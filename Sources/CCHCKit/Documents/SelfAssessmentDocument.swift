import Foundation

/// Báo cáo tự đánh giá, chấm điểm: one unit's full criteria table with max, self score,
/// evidence and explanation, the appraised score and the council's comment beside it, totals,
/// and the criteria where points were lost.
struct SelfAssessmentDocument {
    let parts: DocumentParts

    func build(_ unit: AssessedUnit, _ result: UnitResult) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.selfAssessment)
        let short = unit.extra["short"].flatMap { $0.isEmpty ? nil : $0 } ?? DocumentParts.initials(unit.name)
        let header = DocumentHeader(
            parentOrgan: unit.extra["parent"].flatMap { $0.isEmpty ? nil : $0.uppercased() } ?? parts.shortAuthority,
            issuerLines: [unit.extra["issuer"].flatMap { $0.isEmpty ? nil : $0 } ?? unit.name.uppercased()], organName: unit.name,
            organId: unit.id, number: nil, symbol: "BC-\(short)", place: p.place, date: meta?.date.flatMap(PlanDate.init),
            fallbackYear: p.year + 1, subject: meta?.title ?? "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm \(p.year)",
            attached: "")
        let framework = parts.dataset.framework(of: unit)
        var body: [Block] = [.heading(level: 1, label: "I.", text: "KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM")]
        body.append(.paragraph(summary(unit, result)))
        body.append(.table(criteriaTable(unit, result, framework)))
        body.append(.heading(level: 1, label: "II.", text: "NHỮNG TIÊU CHÍ BỊ MẤT ĐIỂM"))
        let lost = lostTable(unit, result, framework)
        body.append(lost.rows.isEmpty ? .paragraph("Đơn vị không bị mất điểm ở tiêu chí nào.") : .table(lost))
        body.append(
            .paragraph(
                "\(unit.name) tiếp tục rà soát, khắc phục những tiêu chí bị mất điểm theo thứ tự trên, ưu tiên các tiêu chí mất nhiều điểm nhất."
            ))
        let head = unit.extra["head"].flatMap { $0.isEmpty ? nil : $0 } ?? "THỦ TRƯỞNG CƠ QUAN"
        return OfficialDocument(
            kind: .selfAssessment, path: "\(DocumentKind.selfAssessment.fileName)/\(unit.id)", unit: unit.id,
            year: p.year, header: header, bases: [], body: DocumentParts.closing(body),
            signer: parts.signature(
                nil, fallback: Signer(competence: nil, body: nil, position: head, name: unit.extra["signer"] ?? "")),
            recipients: parts.recipients(.selfAssessment, defaults: ["\(parts.secretariat) (Hội đồng thẩm định)"]),
            appendices: [])
    }

    private func summary(_ unit: AssessedUnit, _ r: UnitResult) -> String {
        let selfMax = zip(parts.dataset.framework(of: unit).criteria, r.scores.selfMax).filter { $0.0.code.depth == 1 }.map(\.1)
            .reduce(Points(0)) { $0 + $1 }
        var text =
            "Tổng điểm tự đánh giá của \(unit.name) năm \(parts.plan.year) là \(parts.number(r.selfTotal))/\(parts.number(selfMax)) điểm"
        let methods = r.byMethod.map { "\($0.method.shortTitle) \(parts.number($0.score))/\(parts.number($0.max))" }
        text +=
            "; sau thẩm định và điều tra xã hội học, tổng điểm đạt \(parts.number(r.total))/\(parts.number(r.max)) (\(methods.joined(separator: "; ")))"
        text += ", chỉ số \(parts.index(r.index))%"
        if let rank = r.rank {
            let count = parts.results.groups.first { $0.name == r.group }?.units.count ?? 0
            text += ", xếp thứ \(rank)/\(count) trong nhóm \(r.group)"
        }
        return text + "."
    }

    private func criteriaTable(_ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework) -> DocTable {
        let rows = parts.dataset.scores[unit.id] ?? [:]
        var out: [DocRow] = []
        for (i, c) in framework.criteria.enumerated() {
            let row = rows[c.code]
            let selfValue: Points? = c.method.isSurvey && c.isLeaf ? nil : r.scores.selfScore[i]
            let final = r.scores.final[i]
            let difference = selfValue.flatMap { s in final.map { $0 - s } }
            var notes: [String] = []
            if c.isLeaf && c.method.isSurvey { notes.append("Điểm \(c.method.shortTitle)") }
            if let row, c.isLeaf {
                notes += row.evidence
                if !row.explanation.isEmpty { notes.append("Giải trình: \(row.explanation)") }
                if !row.comment.isEmpty { notes.append("Hội đồng: \(row.comment)") }
            }
            if c.isLeaf && final == nil { notes.append("Không áp dụng") }
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
                    .text(""), .text("TỔNG ĐIỂM"), .number(framework.max), .number(r.selfTotal), .number(r.total),
                    r.total == r.selfTotal ? .blank : .number(r.total - r.selfTotal),
                    .text("Chỉ số: \(parts.index(r.index))%"),
                ], strong: true))
        return DocTable(
            id: "criteria", title: "Kết quả tự đánh giá và thẩm định theo tiêu chí",
            columns: [
                DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí, tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm tự đánh giá", numeric: true), DocColumn("Điểm thẩm định", numeric: true),
                DocColumn("Chênh lệch", numeric: true), DocColumn("Tài liệu kiểm chứng, giải trình"),
            ],
            rows: out)
    }

    /// Điểm bị mất = max − score on every applicable leaf, most first.
    private func lostTable(_ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework) -> DocTable {
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
            id: "lost", title: "Điểm bị mất theo tiêu chí, từ nhiều đến ít",
            columns: [
                DocColumn("Mã"), DocColumn("Tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm đạt", numeric: true),
                DocColumn("Điểm bị mất", numeric: true), DocColumn("Ý kiến Hội đồng thẩm định"),
            ],
            rows: rows)
    }
}
