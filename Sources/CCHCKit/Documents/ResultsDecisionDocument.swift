import Foundation

/// Quyết định công bố: an NĐ30 decision announcing the year's index, with one Phụ lục per group.
struct ResultsDecisionDocument {
    let parts: DocumentParts

    func build() -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.decision)
        let header = parts.provinceHeader(
            .decision,
            subject: "Công bố Chỉ số cải cách hành chính năm \(p.year) của các cơ quan, đơn vị")
        let groups = parts.results.groups
        let numerals = groups.count == 1 ? [""] : groups.indices.map { " " + Numbering.roman($0 + 1) }
        let labels = numerals.map { "PHỤ LỤC" + $0 }
        let attached = parts.attachedTo(.decision, header)
        let appendices = zip(labels, groups).map { label, g in
            Appendix(
                label: label, title: "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM \(p.year) CỦA \(g.name.uppercased())", attached: attached,
                blocks: [.table(RankingTables(parts: parts).appendixTable(g))], landscape: true)
        }
        let list = zip(numerals, groups).map { "\($0.1.name) (Phụ lục\($0.0))" }.joined(separator: "; ")
        var body: [Block] = [.centered("QUYẾT ĐỊNH:")]
        body.append(
            .article(
                label: "Điều 1.", text: "Công bố Chỉ số cải cách hành chính năm \(p.year) của \(list) kèm theo Quyết định này."))
        body.append(.article(label: "Điều 2.", text: article2()))
        let executors =
            meta?.executors
            ?? "Chánh Văn phòng \(p.issuer.name), Giám đốc \(parts.secretariat), Thủ trưởng các cơ quan, đơn vị được đánh giá và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này"
        body.append(.article(label: "Điều 3.", text: "Quyết định này có hiệu lực thi hành kể từ ngày ký. \(executors)"))
        return OfficialDocument(
            kind: .decision, path: DocumentKind.decision.fileName, unit: nil, year: p.year, header: header,
            bases: parts.bases(
                meta?.bases ?? [
                    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
                    "Theo đề nghị của Giám đốc \(parts.secretariat)",
                ]),
            body: DocumentParts.closing(body),
            signer: parts.signature(
                meta?.signer, fallback: Signer(competence: "TM.", body: "ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "")),
            recipients: parts.recipients(.decision, defaults: ["Như Điều 3", "Bộ Nội vụ"]), appendices: appendices)
    }

    private func article2() -> String {
        var text =
            "Thủ trưởng các cơ quan, đơn vị căn cứ kết quả Chỉ số cải cách hành chính năm \(parts.plan.year) tổ chức phân tích, đánh giá những tiêu chí, tiêu chí thành phần bị mất điểm, đề ra giải pháp khắc phục để nâng cao Chỉ số cải cách hành chính trong những năm tiếp theo."
        let awarded = parts.results.groups.filter { !$0.awarded.isEmpty }
        if !awarded.isEmpty {
            let lists = awarded.map { g in
                "\(g.name): " + g.units.filter { g.awarded.contains($0.id) }.map(\.name).joined(separator: ", ")
            }
            text +=
                " Giao \(parts.secretariat) tham mưu khen thưởng các tập thể đạt thứ hạng cao: \(lists.joined(separator: "; "))."
        }
        return text
    }
}
