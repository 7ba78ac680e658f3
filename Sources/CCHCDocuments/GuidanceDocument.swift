import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Công văn hướng dẫn tự đánh giá: the secretariat's letter telling the units how to assess
/// themselves (NĐ30's công văn: no type name, its trích yếu "V/v …" under its number, `Kính gửi:`
/// the groups of units one a line): what to score and how, the evidence to attach, the survey
/// criteria nobody scores himself, how and by when to send the scoring workbook, whom to ask.
/// One Phụ lục per framework: every criterion with its max, how it is scored, the evidence it
/// needs and the agency that guides it (framework columns `rule`, `evidence`, `lead`). Its
/// sentences are in `wording/huong-dan-tu-danh-gia.mustache`.
package struct GuidanceDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let meta = parts.meta(.guidance)
        // By the name units.csv gives each (a workbook dataset's framework is read from a .xlsx).
        let names = parts.frameworksInUse.filter { parts.dataset.frameworks[$0] != nil }
        let frameworks = names.map { parts.dataset.frameworks[$0]! }
        let numerals = frameworks.count == 1 ? [""] : frameworks.indices.map { " " + Numbering.roman($0 + 1) }
        var header = parts.secretariatHeader(.guidance, subject: "")
        let words = try parts.sentences(.guidance, values(Array(zip(names, frameworks)), numerals, header))
        let subject = try words.one("subject")
        // plan.yaml's title may be written as printed, "V/v …": the V/v is printed once.
        var title = meta?.title ?? subject
        for prefix in ["V/v ", "v/v ", "V/V "] where title.hasPrefix(prefix) { title = String(title.dropFirst(prefix.count)) }
        header.subject = title
        header.regarding = "V/v " + title
        // An empty list in plan.yaml is no list: the groups, one a line.
        let given = (meta?.addressees ?? []).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let addressees = given.isEmpty ? words.all("addressee") : given
        var body: [Block] = [.addressees(addressees), .paragraph(try words.one("intro"))]
        var number = 0
        for section in ["scoring", "evidence", "survey", "sending"] {
            // A section whose heading the wording leaves empty (no survey criteria) is left out.
            let heading = try words.one(section + "Heading")
            guard !heading.isEmpty else { continue }
            number += 1
            body.append(.heading(level: 2, label: "\(number).", text: heading))
            body += words.all(section).filter { !$0.isEmpty }.map(Block.paragraph)
            body += words.all(section + "Item").filter { !$0.isEmpty }.map(Block.item)
        }
        body.append(.paragraph(try words.one("closing")))
        let labels = try words.perItem("appendixLabel", of: "frameworks", count: frameworks.count)
        let titles = try words.perItem("appendixTitle", of: "frameworks", count: frameworks.count)
        let attached = try words.one("attached")
        let surveyRule = try words.one("surveyRule")
        let total = try words.one("totalRow")
        let appendices = frameworks.indices.map { i in
            Appendix(
                label: labels[i], title: titles[i], attached: attached,
                blocks: [.table(criteriaTable(frameworks[i], id: "guidance-\(names[i])", surveyRule: surveyRule, total: total))],
                landscape: true)
        }
        return OfficialDocument(
            kind: .guidance, path: DocumentKind.guidance.fileName, unit: nil, year: parts.plan.year, header: header,
            bases: [], body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.guidance, defaults: words.all("recipient"), words: words), appendices: appendices)
    }

    /// Every criterion of a framework: its max, how it is scored (a survey criterion says so),
    /// the evidence it needs and the agency that guides it; the fields bold, the total last.
    private func criteriaTable(_ framework: Framework, id: String, surveyRule: String, total: String) -> DocTable {
        var rows: [DocRow] = framework.criteria.map { c in
            let rule = c.rule.isEmpty && c.isLeaf && c.method.isSurvey ? surveyRule : c.rule
            // The agency on a field and wherever a criterion's differs from its parent's.
            let parentLead = c.code.parent.flatMap { framework[$0] }?.lead
            return DocRow(
                [
                    .text(c.code.description), .text(c.name), parts.maxCell(c.max), .text(rule), .text(c.evidence),
                    .text(c.lead == parentLead ? "" : c.lead),
                ], strong: c.code.depth == 1)
        }
        rows.append(
            DocRow([.text(""), .text(total), parts.maxCell(framework.max), .text(""), .text(""), .text("")], strong: true))
        var columns = [
            DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí, tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
            DocColumn("Cách chấm điểm"), DocColumn("Tài liệu kiểm chứng"), DocColumn("Cơ quan hướng dẫn"),
        ]
        // A column the framework gives nothing for (no `evidence` column) is left out.
        for c in [4, 3] where rows.allSatisfy({ $0.cells[c].text.isEmpty }) {
            columns.remove(at: c)
            for r in rows.indices { rows[r].cells.remove(at: c) }
        }
        return DocTable(id: id, title: "", columns: columns, rows: rows)
    }

    /// What the sentences take: the year, the plan, the deadline, the contact, and per framework
    /// the groups it scores, its size and its survey criteria.
    private func values(_ frameworks: [(name: String, framework: Framework)], _ numerals: [String], _ header: DocumentHeader)
        -> TemplateObject
    {
        let p = parts.plan
        let deadline = p.deadlines?.selfAssessment.flatMap(PlanDate.init)
        let items = zip(frameworks, numerals).enumerated().map { i, pair -> TemplateValue in
            let ((name, framework), numeral) = pair
            let groups = parts.groups(using: name)
            let survey = framework.leaves.filter(\.method.isSurvey)
            let surveyMax = survey.reduce(Points(0)) { $0 + $1.max }
            return .object([
                "numeral": .text(numeral), "groups": .items(groups.map { ["nameInSentence": .text(Sentence.inner($0))] }),
                "groupsUpper": .text(groups.map { $0.uppercased() }.joined(separator: ", ")),
                "criteria": .text(String(framework.leaves.count)), "max": .text(parts.number(framework.max)),
                "selfMax": .text(parts.number(framework.max - surveyMax)), "hasSurvey": .bool(!survey.isEmpty),
                "surveyCount": .text(String(survey.count)), "surveyMax": .text(parts.number(surveyMax)),
                "last": .bool(i == frameworks.count - 1),
            ])
        }
        let tasks: [TemplateObject] = (p.tasks ?? []).map { t in
            ["title": .text(t.title), "lead": .text(t.lead), "time": .text(t.time)]
        }
        let example = parts.dataset.units.first.map { "\($0.id).xlsx" } ?? ""
        var values: TemplateObject = [
            "year": .text(String(p.year)), "secretariat": .text(parts.secretariat), "issuerName": .text(parts.issuerInText),
            "groups": .items(parts.dataset.groups.map { ["name": .text($0), "nameInSentence": .text(Sentence.inner($0))] }),
            "frameworks": .list(items),
            "hasSurvey": .bool(frameworks.contains { $0.framework.leaves.contains(where: \.method.isSurvey) }),
            "precision": .text(String(parts.precision)),
            "precisionExample": .text(
                VietnameseNumber.format(Points(1), maxDecimals: parts.precision, minDecimals: parts.precision)),
            "hasDeadline": .bool(deadline != nil),
            "deadline": .text(deadline.map { VietnameseDate.long($0, fallbackYear: p.year + 1) } ?? ""),
            "exampleFile": .text(example), "tasks": .items(tasks), "hasTasks": .bool(!tasks.isEmpty),
            "contact": .text(parts.meta(.guidance)?.contact ?? ""),
            // The "(Kèm theo …)" line of the appendices: this letter's own number and date.
            "typeTitle": .text(DocumentType.letter.typeTitle), "number": .text(header.numberText ?? "     "),
            "symbol": .text(header.symbol), "date": .text(VietnameseDate.long(header.date, fallbackYear: header.fallbackYear)),
        ]
        for (key, value) in parts.planDecisionValues.fields { values[key] = value }
        return values
    }
}
