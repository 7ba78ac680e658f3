import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Quyết định khen thưởng: the chairman's decision giving a Bằng khen (or Giấy khen) to the units
/// the plan's award rule selects (plan.yaml `awards`: count per group, `form`, `amount`, `ties`),
/// with their list as a Phụ lục (unit, index, rank in its group). Its sentences are in
/// `wording/quyet-dinh-khen-thuong.mustache`; this builds the values they take.
package struct CommendationDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.commendation)
        let groups = parts.results.groups.filter { !$0.awarded.isEmpty }
        let words = try parts.sentences(.commendation, values(groups))
        var header = parts.provinceHeader(.commendation, subject: try words.one("subject"))
        header.authorityLine = try words.one("authority")
        let captions = try words.perItem("groupCaption", of: "groups", count: groups.count)
        var blocks: [Block] = []
        for (i, group) in groups.enumerated() {
            if groups.count > 1 { blocks.append(.heading(level: 2, label: "", text: captions[i])) }
            blocks.append(.table(table(group)))
        }
        let appendix = Appendix(
            label: try words.one("appendixLabel"), title: try words.one("appendixTitle"), attached: try words.one("attached"),
            blocks: blocks, landscape: false)
        let body = try DocumentParts.articles(words)
        return OfficialDocument(
            kind: .commendation, path: DocumentKind.commendation.fileName, unit: nil, year: p.year, header: header,
            bases: parts.bases(meta?.bases ?? words.all("base")), body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.commendation, defaults: words.all("recipient"), words: words),
            appendices: [appendix])
    }

    /// The list of one group: STT, the unit, its index and its rank in the group.
    private func table(_ group: GroupResult) -> DocTable {
        let awarded = group.units.filter { group.awarded.contains($0.id) }
        let rows = awarded.enumerated().map { i, u in
            DocRow([.integer(i + 1), .text(u.name), parts.scoreCell(u.index), .integer(u.rank)])
        }
        return DocTable(
            id: "commendation-\(Slug.of(group.name))", title: "",
            columns: [
                DocColumn("STT", numeric: true), DocColumn("Tên tập thể"), DocColumn("Chỉ số CCHC (%)", numeric: true),
                DocColumn("Xếp hạng trong nhóm", numeric: true),
            ],
            rows: rows)
    }

    /// A count as a decision writes it: "08 tập thể" (below 10 with a leading 0, as seed 004 does).
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The forms of award given, each once: "Bằng khen", or "Bằng khen, Giấy khen".
    private func forms(_ groups: [GroupResult]) -> [String] {
        var forms: [String] = []
        for group in groups {
            let form = parts.plan.awards?.first { $0.group == group.name }?.form ?? "Bằng khen"
            if !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// What the sentences take: per group the award, its count against the plan's, and a tie at
    /// the last place awarded (included or left out, as the plan says).
    private func values(_ groups: [GroupResult]) -> TemplateObject {
        let p = parts.plan
        let items = groups.enumerated().map { i, g -> TemplateValue in
            let rule = p.awards?.first { $0.group == g.name }
            let planned = rule?.count ?? g.awarded.count
            let edge = planned > 0 && planned < g.units.count ? g.units[planned - 1].rank : nil
            let tie = edge != nil && g.units[planned].rank == edge
            return .object([
                "name": .text(g.name), "nameInSentence": .text(Sentence.inner(g.name)),
                "numeral": .text(Numbering.roman(i + 1)), "form": .text(rule?.form ?? "Bằng khen"),
                "count": .text(Self.twoDigits(g.awarded.count)), "planned": .text(Self.twoDigits(planned)),
                "amount": .text(rule?.amount.map { VietnameseNumber.format(Points($0), maxDecimals: 0) } ?? ""),
                "tieIncluded": .bool(tie && rule?.ties != "exclude"), "tieExcluded": .bool(tie && rule?.ties == "exclude"),
                "edge": .text(edge.map(String.init) ?? ""), "last": .bool(i == groups.count - 1),
            ])
        }
        let decision = parts.attachedValues(.decision)
        var values = parts.attachedValues(.commendation)
        for (key, value) in parts.submissionValues.fields { values[key] = value }
        for (key, value) in [
            "year": .text(String(p.year)), "secretariat": .text(parts.secretariat), "issuerName": .text(parts.issuerInText),
            "issuerUpper": .text(parts.issuerAuthority), "groups": .list(items),
            "total": .text(Self.twoDigits(groups.reduce(0) { $0 + $1.awarded.count })),
            "forms": .text(forms(groups).joined(separator: ", ")),
            "formsUpper": .text(forms(groups).joined(separator: ", ").uppercased()),
            "hasAmount": .bool(groups.contains { g in p.awards?.first { $0.group == g.name }?.amount != nil }),
            "decisionNumber": decision["number"] ?? "", "decisionSymbol": decision["symbol"] ?? "",
            "decisionDate": decision["date"] ?? "", "executors": .text(parts.meta(.commendation)?.executors ?? ""),
        ] as KeyValuePairs<String, TemplateValue> {
            values[key] = value
        }
        return values
    }
}
