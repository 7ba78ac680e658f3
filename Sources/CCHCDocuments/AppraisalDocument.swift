import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Thông báo kết quả thẩm định: what the appraisal council, through its standing body (the
/// secretariat), sends one unit about its self-assessment (README, "The documents"). Every criterion the unit
/// scores itself, its own score beside the council's with the difference and the council's
/// comment; with two rounds, round 1 asks for the unit's explanation by a deadline and round 2
/// shows that explanation and the final score. The final notice adds the survey results and the
/// unit's total, index and rank. Its sentences are in `wording/ket-qua-tham-dinh.mustache`.
package struct AppraisalDocument {
    package let parts: DocumentParts

    package func build(_ unit: AssessedUnit, _ result: UnitResult, round: AppraisalRound, groupSize: Int) throws(TemplateError)
        -> OfficialDocument
    {
        let framework = parts.dataset.framework(of: unit)
        let rows = parts.dataset.scores[unit.id] ?? [:]
        let appraised = appraisedSums(framework, rows, round)
        let own = framework.sums { i, c in
            guard !c.method.isSurvey, let s = result.scores.selfScore[i] else { return nil }
            return (s, c.max)
        }
        let words = try parts.sentences(.appraisal, values(unit, result, framework, rows, own, appraised, round, groupSize))
        var header = parts.secretariatHeader(.appraisal, subject: try words.one("subject"))
        header.number = nil  // one notice per unit: each is numbered when it is sent
        var body: [Block] = [.heading(level: 1, label: "I.", text: try words.one("appraisalHeading"))]
        body.append(.paragraph(try words.one("summary")))
        // Round 2's table has nine columns (round 1's score and the unit's answer beside the
        // final one): it is a landscape Phụ lục, where the comments have room.
        let criteria = try criteriaTable(framework, rows, own, appraised, round, words)
        var appendices: [Appendix] = []
        if round == .second {
            appendices.append(
                Appendix(
                    label: try words.one("appendixLabel"), title: try words.one("appendixTitle"),
                    attached: try words.one("attached"), blocks: [.table(criteria)], landscape: true))
        } else {
            body.append(.table(criteria))
        }
        var section = 1
        func heading(_ text: String) {
            section += 1
            body.append(.heading(level: 1, label: Numbering.label(level: 1, section), text: text))
        }
        if round.isFinal {
            let survey = framework.sums { i, c in
                guard c.method.isSurvey, let s = result.scores.final[i] else { return nil }
                return (s, result.scores.finalMax[i])
            }
            if framework.total(survey.max) != nil {
                heading(try words.one("surveyHeading"))
                body.append(.table(try surveyTable(framework, survey, words)))
            }
            heading(try words.one("resultHeading"))
            body.append(.table(try methodTable(result, words)))
            body += words.all("result").filter { !$0.isEmpty }.map(Block.paragraph)
        } else {
            heading(try words.one("requestHeading"))
            body.append(.paragraph(try words.one("request")))
        }
        let path = "\(DocumentKind.appraisal.fileName)/\(unit.id)" + (round == .only ? "" : "-lan-\(round.number)")
        return OfficialDocument(
            kind: .appraisal, path: path, unit: unit.id, year: parts.plan.year, header: header, bases: [],
            body: DocumentParts.closing(body),
            signer: parts.signature(parts.meta(.appraisal)?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.appraisal, defaults: words.all("recipient"), words: words),
            appendices: appendices)
    }

    /// The council's score of the round on every node of the `tham-dinh` criteria: round 1's
    /// score where scores.csv gives one (`round1`), else the final one.
    private func appraisedSums(_ framework: Framework, _ rows: [CriterionCode: ScoreEntry], _ round: AppraisalRound)
        -> Framework.Sums
    {
        framework.sums { _, c in
            guard !c.method.isSurvey, let row = rows[c.code] else { return nil }
            let value = round == .first && row.round1 != .missing ? row.round1 : row.appraised
            return value.points.map { ($0, c.max) }
        }
    }

    private func values(
        _ unit: AssessedUnit, _ r: UnitResult, _ framework: Framework, _ rows: [CriterionCode: ScoreEntry],
        _ own: Framework.Sums, _ appraised: Framework.Sums, _ round: AppraisalRound, _ groupSize: Int
    ) -> TemplateObject {
        let selfTotal = framework.total(own.score) ?? 0
        let appraisedTotal = framework.total(appraised.score) ?? 0
        let changed = framework.criteria.indices.filter { i in
            framework.criteria[i].isLeaf && appraised.score[i] != nil && appraised.score[i] != own.score[i]
        }
        let answered = round == .second ? rows.values.filter { !$0.response.isEmpty }.count : 0
        var values: TemplateObject = [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat), "unit": .text(unit.name),
            "round": .text(round.number), "selfTotal": .text(parts.score(selfTotal)),
            "selfMax": .text(parts.number(framework.total(own.max) ?? 0)),
            "appraisedTotal": .text(parts.score(appraisedTotal)),
            "appraisedMax": .text(parts.number(framework.total(appraised.max) ?? 0)),
            "difference": .text(parts.score(appraisedTotal - selfTotal)), "changed": .text(String(changed.count)),
            "answered": .text(answered == 0 ? "" : String(answered)), "inAppendix": .bool(round == .second),
            "unitUpper": .text(unit.name.uppercased()),
        ]
        // The "(Kèm theo Thông báo số …)" line of round 2's Phụ lục: this notice's own.
        let header = parts.secretariatHeader(.appraisal, subject: "")
        values["typeTitle"] = .text(DocumentKind.appraisal.type.typeTitle)
        values["symbol"] = .text(header.symbol)
        values["number"] = .text("     ")
        values["date"] = .text(VietnameseDate.long(header.date, fallbackYear: header.fallbackYear))
        let deadline = parts.meta(.appraisal)?.deadline.flatMap(PlanDate.init)
        values["deadline"] = .text(deadline.map { VietnameseDate.long($0, fallbackYear: parts.plan.year + 1) } ?? "")
        for name in ["total", "max", "index", "band", "group", "rank"] { values[name] = .text("") }
        if round.isFinal {
            values["total"] = .text(parts.score(r.total))
            values["max"] = .text(parts.number(r.max))
            values["index"] = .text(parts.index(r.index))
            values["band"] = .text(r.band ?? "")
            values["group"] = .text(Sentence.inner(r.group))
            // A group of one is not a ranking: "xếp thứ 1/1" is never printed.
            if groupSize > 1, let rank = r.rank { values["rank"] = .text("\(rank)/\(groupSize)") }
        }
        return values
    }

    /// The criteria the unit scores itself: max, its score, the council's (round 1's beside the
    /// final one in round 2, with the unit's explanation), the difference and the comment.
    private func criteriaTable(
        _ framework: Framework, _ rows: [CriterionCode: ScoreEntry], _ own: Framework.Sums, _ appraised: Framework.Sums,
        _ round: AppraisalRound, _ words: Sentences
    ) throws(TemplateError) -> DocTable {
        let first = round == .second ? appraisedSums(framework, rows, .first) : nil
        var out: [DocRow] = []
        // By index: a criterion copied out of the framework costs a retain for each of its strings.
        let criteria = framework.criteria
        for i in criteria.indices where own.max[i] != nil || appraised.max[i] != nil {
            let row = criteria[i].isLeaf ? rows[criteria[i].code] : nil
            var cells: [DocCell] = [
                .text(criteria[i].code.description), .text(criteria[i].name), parts.maxCell(appraised.max[i] ?? own.max[i]),
                parts.scoreCell(own.score[i]),
            ]
            if let first { cells += [parts.scoreCell(first.score[i]), .text(row?.response ?? "")] }
            cells += [parts.scoreCell(appraised.score[i]), difference(appraised.score[i], own.score[i], always: false)]
            // Round 1's own comment where there is one, else the one that stands for both rounds.
            let comment = round == .first && row?.comment1.isEmpty == false ? row?.comment1 : row?.comment
            cells.append(.text(comment ?? ""))
            out.append(DocRow(cells, strong: criteria[i].code.depth == 1))
        }
        var total: [DocCell] = [
            .text(""), .text(try words.one("totalRow")),
            parts.maxCell(framework.total(appraised.max) ?? framework.total(own.max)),
            parts.scoreCell(framework.total(own.score)),
        ]
        if let first { total += [parts.scoreCell(framework.total(first.score)), .text("")] }
        total += [
            parts.scoreCell(framework.total(appraised.score)),
            difference(framework.total(appraised.score), framework.total(own.score), always: true), .text(""),
        ]
        out.append(DocRow(total, strong: true))
        var columns = [
            DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí, tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
            DocColumn("Điểm tự đánh giá", numeric: true),
        ]
        if first != nil { columns += [DocColumn("Điểm thẩm định lần 1", numeric: true), DocColumn("Giải trình của đơn vị")] }
        columns += [
            DocColumn("Điểm thẩm định", numeric: true), DocColumn("Chênh lệch", numeric: true), DocColumn("Ý kiến thẩm định"),
        ]
        return DocTable(id: "appraisal", title: try words.one("criteriaTable"), columns: columns, rows: out)
    }

    /// Thẩm định − tự đánh giá: blank where they agree, unless `always` (the total row).
    private func difference(_ appraised: Points?, _ own: Points?, always: Bool) -> DocCell {
        guard let appraised, let own else { return .blank }
        let d = appraised - own
        return d == 0 && !always ? .blank : parts.differenceCell(d)
    }

    /// The survey criteria (điều tra XHH, SIPAS) and what the unit obtained on them.
    private func surveyTable(_ framework: Framework, _ survey: Framework.Sums, _ words: Sentences) throws(TemplateError)
        -> DocTable
    {
        var rows: [DocRow] = framework.criteria.enumerated().compactMap { i, c in
            guard let max = survey.max[i] else { return nil }
            return DocRow(
                [.text(c.code.description), .text(c.name), parts.maxCell(max), parts.scoreCell(survey.score[i])],
                strong: c.code.depth == 1)
        }
        rows.append(
            DocRow(
                [
                    .text(""), .text(try words.one("totalRow")), parts.maxCell(framework.total(survey.max)),
                    parts.scoreCell(framework.total(survey.score)),
                ], strong: true))
        return DocTable(
            id: "survey", title: try words.one("surveyTable"),
            columns: [
                DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí, tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm đạt", numeric: true),
            ],
            rows: rows)
    }

    /// The unit's final result by method, and its total.
    private func methodTable(_ r: UnitResult, _ words: Sentences) throws(TemplateError) -> DocTable {
        var rows = r.byMethod.map { m in DocRow([.text(m.method.title), parts.maxCell(m.max), parts.scoreCell(m.score)]) }
        rows.append(DocRow([.text("Tổng điểm"), parts.maxCell(r.max), parts.scoreCell(r.total)], strong: true))
        return DocTable(
            id: "result", title: try words.one("resultTable"),
            columns: [DocColumn("Nội dung"), DocColumn("Điểm tối đa", numeric: true), DocColumn("Điểm đạt", numeric: true)],
            rows: rows)
    }
}

/// Which appraisal notice (thông báo kết quả thẩm định): the only one (one round), or round 1
/// or 2 of two.
public enum AppraisalRound: Sendable, Equatable {
    case only
    case first
    case second

    /// "1", "2", or nothing for the only round.
    public var number: String {
        switch self {
        case .only: return ""
        case .first: return "1"
        case .second: return "2"
        }
    }

    /// Whether the notice carries the final scores (and so the survey, index and rank).
    public var isFinal: Bool { self != .first }
}
