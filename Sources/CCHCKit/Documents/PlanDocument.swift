import Foundation

/// Kế hoạch: purpose, who scores which field, the survey sample, the timeline, and (with
/// targets.csv) the improvement appendix in the form of Hà Nam's plan.
struct PlanDocument {
    let parts: DocumentParts

    func build() -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.plan)
        let header = parts.provinceHeader(.plan, subject: "Xác định Chỉ số cải cách hành chính năm \(p.year)")
        let user = meta?.sections ?? defaultSections
        var body = parts.prose(Array(user.prefix(1)), level: 1)
        body += content(number: user.isEmpty ? 1 : 2)
        body += parts.prose(Array(user.dropFirst()), level: 1, first: 3)
        return OfficialDocument(
            kind: .plan, path: DocumentKind.plan.fileName, unit: nil, year: p.year, header: header,
            bases: parts.bases(meta?.bases ?? []), body: DocumentParts.closing(body),
            signer: parts.signature(
                meta?.signer, fallback: Signer(competence: "TM.", body: "ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "")),
            recipients: parts.recipients(.plan, defaults: ["Bộ Nội vụ", "Các cơ quan, đơn vị được đánh giá"]),
            appendices: targetsAppendix(header))
    }

    private var defaultSections: [ProseSection] {
        let y = parts.plan.year
        return [
            ProseSection(
                title: "MỤC ĐÍCH, YÊU CẦU", paragraphs: nil, items: nil,
                sections: [
                    ProseSection(
                        title: "Mục đích",
                        paragraphs: [
                            "Xác định Chỉ số cải cách hành chính năm \(y) của các cơ quan, đơn vị, phản ánh thực chất, khách quan kết quả thực hiện nhiệm vụ cải cách hành chính."
                        ], items: nil, sections: nil),
                    ProseSection(
                        title: "Yêu cầu", paragraphs: nil,
                        items: [
                            "Các cơ quan, đơn vị tự đánh giá, chấm điểm trung thực, khách quan, đúng thời gian quy định, có đầy đủ tài liệu kiểm chứng."
                        ], sections: nil),
                ]),
            ProseSection(
                title: "TỔ CHỨC THỰC HIỆN", paragraphs: nil,
                items: [
                    "\(parts.secretariat) chủ trì, hướng dẫn, đôn đốc, tổng hợp kết quả và báo cáo Ủy ban nhân dân.",
                    "Các cơ quan, đơn vị được đánh giá tổ chức tự đánh giá, chấm điểm theo Kế hoạch này.",
                ], sections: nil),
        ]
    }

    /// Section II: scoring leads, survey sample, timeline.
    private func content(number: Int) -> [Block] {
        var blocks: [Block] = [.heading(level: 1, label: Numbering.label(level: 1, number), text: "NỘI DUNG TRIỂN KHAI")]
        var n = 0
        func sub(_ title: String) {
            n += 1
            blocks.append(.heading(level: 2, label: "\(n).", text: title))
        }
        sub("Phân công chấm điểm các lĩnh vực, tiêu chí")
        blocks.append(.paragraph("Các cơ quan được giao chủ trì chấm điểm các lĩnh vực, tiêu chí như sau:"))
        for file in parts.frameworksInUse { blocks.append(.table(leadTable(file))) }
        if let survey = parts.plan.survey {
            sub("Điều tra xã hội học")
            blocks.append(.table(surveyTable(survey)))
            if let time = survey.time { blocks.append(.paragraph("Thời gian thực hiện: \(time).")) }
        }
        if let tasks = parts.plan.tasks, !tasks.isEmpty {
            sub("Tiến độ thực hiện")
            blocks.append(.table(taskTable(tasks)))
        }
        return blocks
    }

    private func leadTable(_ file: String) -> DocTable {
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
        let groups = parts.groups(using: file).joined(separator: "; ")
        return DocTable(
            id: "lead-\(file)", title: "Bộ tiêu chí áp dụng cho: \(groups)",
            columns: [
                DocColumn("Mã"), DocColumn("Lĩnh vực, tiêu chí"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Cơ quan chủ trì chấm điểm"),
            ],
            rows: rows)
    }

    private func surveyTable(_ survey: SurveySample) -> DocTable {
        var rows = survey.groups.enumerated().map { i, g in
            DocRow([.integer(i + 1), .text(g.name), .integer(g.count), .text(g.note ?? "")])
        }
        let total = survey.groups.reduce(0) { $0 + $1.count }
        rows.append(DocRow([.text(""), .text("Tổng số phiếu"), .integer(total), .text("")], strong: true))
        return DocTable(
            id: "survey", title: "Đối tượng và số lượng phiếu điều tra xã hội học",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Đối tượng điều tra"), DocColumn("Số phiếu", numeric: true),
                DocColumn("Ghi chú"),
            ],
            rows: rows)
    }

    private func taskTable(_ tasks: [PlanTask]) -> DocTable {
        let rows = tasks.enumerated().map { i, t in
            DocRow([
                .integer(i + 1), .text(t.description.map { "\(t.title): \($0)" } ?? t.title), .text(t.lead),
                .text(t.partners ?? ""), .text(t.time),
            ])
        }
        return DocTable(
            id: "tasks", title: "Nhiệm vụ, cơ quan thực hiện và thời gian",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Nhiệm vụ"), DocColumn("Cơ quan chủ trì"),
                DocColumn("Cơ quan phối hợp"), DocColumn("Thời gian"),
            ],
            rows: rows)
    }

    /// The Hà Nam-style appendix: max, this year's score, targets per year, action; parents summed.
    private func targetsAppendix(_ header: DocumentHeader) -> [Appendix] {
        let targets = parts.dataset.targets
        guard !targets.isEmpty else { return [] }
        let years = Array(Set(targets.map(\.year))).sorted()
        var blocks: [Block] = []
        for unit in parts.dataset.units where targets.contains(where: { $0.unit == unit.id }) {
            blocks.append(.table(targetTable(unit, years)))
        }
        let attached = parts.attachedTo(.plan, header)
        return [
            Appendix(
                label: "PHỤ LỤC", title: "MỤC TIÊU PHẤN ĐẤU NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", attached: attached,
                blocks: blocks, landscape: true)
        ]
    }

    private func targetTable(_ unit: AssessedUnit, _ years: [Int]) -> DocTable {
        let framework = parts.dataset.framework(of: unit)
        let result = parts.results.groups.flatMap(\.units).first { $0.id == unit.id }
        var byKey: [String: TargetEntry] = [:]
        for t in parts.dataset.targets where t.unit == unit.id { byKey["\(t.code)|\(t.year)"] = t }
        var rows: [DocRow] = []
        for (i, c) in framework.criteria.enumerated() {
            var cells: [DocCell] = [.text(c.code.description), .text(c.name), .number(c.max), .number(result?.scores.final[i])]
            for y in years { cells.append(.number(target(c, y, framework, byKey))) }
            cells.append(.text(byKey["\(c.code)|\(years.first ?? 0)"]?.action ?? ""))
            rows.append(DocRow(cells, strong: c.code.depth == 1))
        }
        return DocTable(
            id: "targets-\(unit.id)", title: unit.name,
            columns: [
                DocColumn("Stt"), DocColumn("Lĩnh vực/Tiêu chí/Tiêu chí thành phần"), DocColumn("Điểm tối đa", numeric: true),
                DocColumn("Điểm đạt được năm \(parts.plan.year)", numeric: true),
            ]
                + years.map { DocColumn("Mục tiêu năm \($0)", numeric: true) } + [DocColumn("Thực hiện")],
            rows: rows)
    }

    /// A leaf's target, or the sum of its leaves' targets (declared parent targets are only checked).
    private func target(_ c: Criterion, _ year: Int, _ framework: Framework, _ byKey: [String: TargetEntry]) -> Points? {
        if c.isLeaf { return byKey["\(c.code)|\(year)"]?.target }
        let values = framework.leaves(under: c.code).map { byKey["\($0.code)|\(year)"]?.target }
        guard !values.contains(where: { $0 == nil }) else { return byKey["\(c.code)|\(year)"]?.target }
        return values.compactMap { $0 }.reduce(0, +)
    }
}
