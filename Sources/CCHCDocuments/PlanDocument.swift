import CCHCCore
import CCHCTemplate
import Foundation

/// Kế hoạch: purpose, who scores which field, the survey sample, the timeline, and (with
/// targets.csv) the improvement appendix in the form of Hà Nam's plan.
package struct PlanDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.plan)
        var title = meta?.title ?? ""
        if title.isEmpty { title = try parts.sentences(.plan, values("")).one("subject") }
        let words = try parts.sentences(.plan, values(title))
        let header = parts.provinceHeader(.plan, subject: try words.one("subject"))
        let user = meta?.sections ?? Self.sections(words)
        var body = parts.prose(Array(user.prefix(1)), level: 1)
        body += try content(number: user.isEmpty ? 1 : 2, words)
        body += parts.prose(Array(user.dropFirst()), level: 1, first: 3)
        body += words.all("closing").filter { !$0.isEmpty }.map(Block.paragraph)
        let plan = OfficialDocument(
            kind: .plan, path: DocumentKind.plan.fileName, unit: nil, year: p.year, header: header,
            bases: parts.bases(meta?.bases ?? []), body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.plan, defaults: words.all("recipient"), words: words),
            appendices: try targetsAppendix(header, words))
        guard let decision = p.documents?.planDecision else { return plan }
        return try issuing(plan, decision, words)
    }

    /// The decision that issues the plan, the plan following its signature under its type and
    /// title with "(Ban hành kèm theo Quyết định số …)" and no number, date line, recipients or
    /// signature of its own (NĐ 30/2020: the attached document is signed with the one it is attached to).
    private func issuing(_ plan: OfficialDocument, _ m: DocumentMeta, _ words: Sentences) throws(TemplateError)
        -> OfficialDocument
    {
        var header = parts.provinceHeader(.plan, subject: try words.one("decisionSubject"), meta: m, type: .decision)
        header.attached = ""
        let attached = Appendix(
            label: DocumentType.plan.typeName, title: plan.header.subject, attached: try words.one("issuedWith"),
            blocks: plan.body, landscape: false, isDocument: true)
        let body: [Block] = [
            .centered(try words.one("decisionOpening")),
            .article(label: "Điều 1.", text: try words.one("decisionArticle1")),
            .article(label: "Điều 2.", text: try words.one("decisionArticle2")),
            .article(label: "Điều 3.", text: try words.one("decisionArticle3")),
        ]
        let signer = m.signer ?? parts.meta(.plan)?.signer
        return OfficialDocument(
            kind: .plan, path: plan.path, unit: nil, year: plan.year, header: header,
            bases: parts.bases(m.bases ?? words.all("decisionBase")), body: DocumentParts.closing(body),
            signer: parts.signature(signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(
                defaults: words.all("decisionRecipient"), given: m.recipients,
                archive: m.archive ?? words.all("decisionArchive").first,
                executorsArticle: 3),
            appendices: [attached] + plan.appendices, printedAs: .decision)
    }

    /// The years targets.csv sets targets for.
    private var targetYears: [Int] { Array(Set(parts.dataset.targets.map(\.year))).sorted() }

    /// What the plan's sentences take; `subject` is the plan's trích yếu.
    private func values(_ subject: String) -> TemplateObject {
        let frameworks = parts.frameworksInUse.map { file -> TemplateValue in
            .object(["file": .text(file), "groups": .items(parts.groups(using: file).map { ["name": .text($0)] })])
        }
        var values = parts.attachedValues(.plan)
        for (key, value) in [
            "year": .text(String(parts.plan.year)), "secretariat": .text(parts.secretariat),
            "issuerName": .text(parts.issuerInText), "surveyTime": .text(parts.plan.survey?.time ?? ""),
            "frameworks": .list(frameworks), "planSubject": .text(subject),
            "planSubjectLower": .text(subject.prefix(1).lowercased() + subject.dropFirst()),
            "executors": .text(parts.plan.documents?.planDecision?.executors ?? ""),
            "targetYears": .items(targetYears.map { ["year": .text(String($0))] }),
        ] as KeyValuePairs<String, TemplateValue> {
            values[key] = value
        }
        return values
    }

    /// The wording's default sections: each heading1 a section, each heading2 a part of it, each
    /// paragraph and item in the one above.
    package static func sections(_ words: Sentences) -> [ProseSection] {
        var sections: [ProseSection] = []
        for (name, text) in words.sequence(["heading1", "heading2", "paragraph", "item"]) {
            if name == "heading1" {
                sections.append(ProseSection(title: text, paragraphs: nil, items: nil, sections: nil))
                continue
            }
            guard var section = sections.popLast() else { continue }  // text before any heading1
            if name == "heading2" {
                section.sections =
                    (section.sections ?? []) + [ProseSection(title: text, paragraphs: nil, items: nil, sections: nil)]
            } else if var part = section.sections?.popLast() {
                part.add(name, text)
                section.sections?.append(part)
            } else {
                section.add(name, text)
            }
            sections.append(section)
        }
        return sections
    }

    /// Section II: scoring leads, survey sample, timeline.
    private func content(number: Int, _ words: Sentences) throws(TemplateError) -> [Block] {
        var blocks: [Block] = [
            .heading(level: 1, label: Numbering.label(level: 1, number), text: try words.one("contentHeading"))
        ]
        var n = 0
        func sub(_ title: String) {
            n += 1
            blocks.append(.heading(level: 2, label: "\(n).", text: title))
        }
        sub(try words.one("leadsHeading"))
        blocks.append(.paragraph(try words.one("leadsIntro")))
        let titles = try words.perItem("leadsTable", of: "frameworks", count: parts.frameworksInUse.count)
        for (i, file) in parts.frameworksInUse.enumerated() {
            blocks.append(.table(leadTable(file, title: titles[i])))
        }
        if let survey = parts.plan.survey {
            sub(try words.one("surveyHeading"))
            blocks.append(.table(surveyTable(survey, title: try words.one("surveyTable"))))
            let time = try words.one("surveyTime")
            if !time.isEmpty { blocks.append(.paragraph(time)) }
        }
        if let tasks = parts.plan.tasks, !tasks.isEmpty {
            sub(try words.one("tasksHeading"))
            blocks.append(.table(taskTable(tasks, title: try words.one("tasksTable"))))
        }
        if !parts.dataset.targets.isEmpty {
            sub(try words.one("targetsHeading"))
            blocks.append(.paragraph(try words.one("targetsIntro")))
        }
        return blocks
    }

    private func leadTable(_ file: String, title: String) -> DocTable {
        guard let framework = parts.dataset.frameworks[file] else {
            return DocTable(id: "lead", title: "", columns: [], rows: [])
        }
        var rows: [DocRow] = []
        for c in framework.criteria {
            let parentLead = c.code.parent.flatMap { framework[$0]?.lead }
            guard c.code.depth == 1 || (c.lead != parentLead && !c.lead.isEmpty) else { continue }
            rows.append(
                DocRow([.text(c.code.description), .text(c.name), .number(c.max), .text(c.lead)], strong: c.code.depth == 1))
        }
        return DocTable(
            id: "lead-\(file)", title: title,
            columns: [
                DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Cơ quan chủ trì chấm điểm"),
            ],
            rows: rows)
    }

    private func surveyTable(_ survey: SurveySample, title: String) -> DocTable {
        var rows = survey.groups.enumerated().map { i, g in
            DocRow([.integer(i + 1), .text(g.name), .integer(g.count), .text(g.note ?? "")])
        }
        let total = survey.groups.reduce(0) { $0 + $1.count }
        rows.append(DocRow([.text(""), .text("Tổng số phiếu"), .integer(total), .text("")], strong: true))
        return DocTable(
            id: "survey", title: title,
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Đối tượng điều tra"), DocColumn("Số phiếu", numeric: true),
                DocColumn("Ghi chú"),
            ],
            rows: rows)
    }

    private func taskTable(_ tasks: [PlanTask], title: String) -> DocTable {
        let rows = tasks.enumerated().map { i, t in
            DocRow([
                .integer(i + 1), .text(t.description.map { "\(t.title): \($0)" } ?? t.title), .text(t.lead),
                .text(t.partners ?? ""), .text(VietnameseDate.months(in: t.time)),
            ])
        }
        return DocTable(
            id: "tasks", title: title,
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Nhiệm vụ"), DocColumn("Cơ quan chủ trì"),
                DocColumn("Cơ quan phối hợp"), DocColumn("Thời gian"),
            ],
            rows: rows)
    }

    /// The Hà Nam-style appendix: max, this year's score, targets per year, action; parents summed.
    private func targetsAppendix(_ header: DocumentHeader, _ words: Sentences) throws(TemplateError) -> [Appendix] {
        let targets = parts.dataset.targets
        guard !targets.isEmpty else { return [] }
        let years = targetYears
        var blocks: [Block] = []
        for unit in parts.dataset.units where targets.contains(where: { $0.unit == unit.id }) {
            blocks.append(.table(targetTable(unit, years, totalRow: try words.one("targetsTotal"))))
        }
        let attached = try words.one("attached")
        return [
            Appendix(
                label: try words.one("targetsLabel"), title: try words.one("targetsTitle"), attached: attached,
                blocks: blocks, landscape: true)
        ]
    }

    /// A unit's targets: max, the assessed year's score, the target of each year, action; a
    /// TỔNG ĐIỂM row closes it. The table copies what was published and adopted: a score a
    /// parent row of scores.csv declares (the published total) and a parent's declared target
    /// stand even where the criteria add up to another number (validate warns about each, with
    /// its line), and the total row adds up the fields as printed.
    private func targetTable(_ unit: AssessedUnit, _ years: [Int], totalRow: String) -> DocTable {
        let framework = parts.dataset.framework(of: unit)
        let result = parts.results.groups.flatMap(\.units).first { $0.id == unit.id }
        var byKey: [String: TargetEntry] = [:]
        for t in parts.dataset.targets where t.unit == unit.id { byKey["\(t.code)|\(t.year)"] = t }
        let declared = parts.dataset.scores[unit.id] ?? [:]
        func score(_ i: Int, _ c: Criterion) -> Points? {
            (c.isLeaf ? nil : declared[c.code]?.appraised.points) ?? result?.scores.final[i]
        }
        var rows: [DocRow] = []
        for (i, c) in framework.criteria.enumerated() {
            var cells: [DocCell] = [.text(c.code.description), .text(c.name), parts.maxCell(c.max), parts.scoreCell(score(i, c))]
            for y in years { cells.append(parts.maxCell(target(c, y, framework, byKey))) }
            cells.append(.text(byKey["\(c.code)|\(years.first ?? 0)"]?.action ?? ""))
            rows.append(DocRow(cells, strong: c.code.depth == 1))
        }
        let fields = framework.criteria.filter { $0.code.depth == 1 }
        let scored = framework.criteria.indices.filter { framework.criteria[$0].code.depth == 1 }.compactMap {
            score($0, framework.criteria[$0])
        }
        var total: [DocCell] = [
            .text(""), .text(totalRow), parts.maxCell(fields.reduce(Points(0)) { $0 + $1.max }),
            parts.scoreCell(scored.isEmpty ? nil : scored.reduce(0, +)),
        ]
        for y in years {
            let values = fields.map { target($0, y, framework, byKey) }
            total.append(parts.maxCell(values.contains { $0 == nil } ? nil : values.compactMap { $0 }.reduce(0, +)))
        }
        total.append(.text(""))
        rows.append(DocRow(total, strong: true))
        return DocTable(
            id: "targets-\(unit.id)", title: unit.name,
            columns: [
                DocColumn("Stt"), DocColumn("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm đạt được năm \(parts.plan.year)", numeric: true),
            ]
                + years.map { DocColumn("Mục tiêu năm \($0)", numeric: true) } + [DocColumn("Thực hiện")],
            rows: rows)
    }

    /// A criterion's target as adopted: its own row of targets.csv, else the sum of its
    /// criteria's targets (`nil` when one of them has none).
    private func target(_ c: Criterion, _ year: Int, _ framework: Framework, _ byKey: [String: TargetEntry]) -> Points? {
        if let adopted = byKey["\(c.code)|\(year)"]?.target { return adopted }
        guard !c.isLeaf else { return nil }
        let values = c.children.compactMap { framework[$0] }.map { target($0, year, framework, byKey) }
        guard !values.isEmpty, !values.contains(where: { $0 == nil }) else { return nil }
        return values.compactMap { $0 }.reduce(0, +)
    }
}

extension ProseSection {
    /// Adds a wording line to this section: a `paragraph` or an `item`.
    fileprivate mutating func add(_ name: String, _ text: String) {
        if name == "paragraph" { paragraphs = (paragraphs ?? []) + [text] }
        if name == "item" { items = (items ?? []) + [text] }
    }
}
