import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Quyết định thành lập Hội đồng thẩm định: the chairman sets up the appraisal council (Điều 1:
/// its members, from council.csv or plan.yaml's `council`; Điều 2: its tasks, the secretariat as
/// standing body with a Tổ giúp việc, the council dissolved when done; Điều 3: effect and
/// execution), with a Phụ lục "Phân công thẩm định theo lĩnh vực": each field, the agency that
/// leads its appraisal (the framework's `lead`) and that agency's member. Its sentences are in
/// `wording/quyet-dinh-thanh-lap-hoi-dong.mustache`.
package struct CouncilDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let meta = parts.meta(.council)
        let members = CouncilMember.roles.flatMap { role in parts.dataset.council.filter { $0.role == role } }
        let words = try parts.sentences(.council, values(members))
        var header = parts.provinceHeader(.council, subject: try words.one("subject"))
        header.authorityLine = try words.one("authority")
        let memberItems = try words.perItem("member", of: "members", count: members.count).map(Block.item)
        let body = try DocumentParts.articles(words, afterFirst: memberItems)
        let appendix = Appendix(
            label: try words.one("appendixLabel"), title: try words.one("appendixTitle"), attached: try words.one("attached"),
            blocks: [.table(assignments(members))], landscape: false)
        return OfficialDocument(
            kind: .council, path: DocumentKind.council.fileName, unit: nil, year: parts.plan.year, header: header,
            bases: parts.bases(meta?.bases ?? words.all("base")), body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.council, defaults: words.all("recipient"), words: words), appendices: [appendix])
    }

    /// Phân công thẩm định: each field of each framework, and each criterion led by another
    /// agency than its field (the same row of two frameworks once), its lead agency and the
    /// members of that agency.
    private func assignments(_ members: [CouncilMember]) -> DocTable {
        var seen = Set<String>()
        var rows: [DocRow] = []
        for name in parts.dataset.frameworks.keys.sorted() {
            let framework = parts.dataset.frameworks[name]!
            for c in framework.criteria {
                let parentLead = c.code.parent.flatMap { framework[$0] }?.lead
                guard c.code.depth == 1 || (c.lead != parentLead && !c.lead.isEmpty),
                    seen.insert("\(c.code)\t\(c.name)\t\(c.lead)").inserted
                else { continue }
                let names = members.filter { !c.lead.isEmpty && $0.agency?.lowercased() == c.lead.lowercased() }.map(\.name)
                let label = c.code.depth == 1 ? c.name : "\(c.code). \(c.name)"
                rows.append(
                    DocRow([.text(c.code.description), .text(label), .text(c.lead), .text(names.joined(separator: ", "))]))
            }
        }
        rows.sort { $0.cells[0].text.localizedStandardCompare($1.cells[0].text) == .orderedAscending }
        for i in rows.indices { rows[i].cells[0] = .integer(i + 1) }
        return DocTable(
            id: "council-fields", title: "",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Lĩnh vực, tiêu chí"), DocColumn("Cơ quan chủ trì thẩm định"),
                DocColumn("Thành viên Hội đồng"),
            ],
            rows: rows)
    }

    private func values(_ members: [CouncilMember]) -> TemplateObject {
        let p = parts.plan
        let groups: [TemplateObject] = parts.dataset.groups.map { ["nameInSentence": .text(Sentence.inner($0))] }
        let items: [TemplateObject] = members.map { m in
            ["name": .text(m.name), "title": .text(m.title ?? ""), "agency": .text(m.agency ?? ""), "role": .text(m.role)]
        }
        var values = parts.attachedValues(.council)
        values["year"] = .text(String(p.year))
        values["secretariat"] = .text(parts.secretariat)
        values["issuerName"] = .text(parts.issuerInText)
        values["issuerUpper"] = .text(parts.issuerAuthority)
        values["groups"] = .items(groups)
        values["members"] = .items(items)
        for (key, value) in parts.planDecisionValues.fields { values[key] = value }
        values["executors"] = .text(parts.meta(.council)?.executors ?? "")
        return values
    }
}
