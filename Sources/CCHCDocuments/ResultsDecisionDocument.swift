import CCHCCore
import CCHCTemplate
import Foundation

/// Quyết định công bố: an NĐ30 decision announcing the year's index, with one Phụ lục per group.
/// Its sentences are in `wording/quyet-dinh.mustache`; this builds the values they take.
package struct ResultsDecisionDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let p = parts.plan
        let meta = parts.meta(.decision)
        let groups = parts.results.groups
        let numerals = groups.count == 1 ? [""] : groups.indices.map { " " + Numbering.roman($0 + 1) }
        let words = try parts.sentences(.decision, values(numerals))
        let header = parts.provinceHeader(.decision, subject: try words.one("subject"))
        let attached = try words.one("attached")
        // Each appendix's label and title, written for it inside {{#appendices}}.
        let labels = try words.perItem("appendixLabel", of: "appendices", count: groups.count)
        let titles = try words.perItem("appendixTitle", of: "appendices", count: groups.count)
        let appendices = groups.indices.map { i in
            Appendix(
                label: labels[i], title: titles[i], attached: attached,
                blocks: [.table(RankingTables(parts: parts).appendixTable(groups[i]))], landscape: true)
        }
        let body: [Block] = [
            .centered(try words.one("opening")),
            .article(label: "Điều 1.", text: try words.one("article1")),
            .article(label: "Điều 2.", text: try words.one("article2")),
            .article(label: "Điều 3.", text: try words.one("article3")),
        ]
        return OfficialDocument(
            kind: .decision, path: DocumentKind.decision.fileName, unit: nil, year: p.year, header: header,
            bases: parts.bases(meta?.bases ?? words.all("base")),
            body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.decision, defaults: words.all("recipient")), appendices: appendices)
    }

    /// What the decision's sentences take: the year, the names, and the lists (each item with `last`).
    private func values(_ numerals: [String]) -> TemplateObject {
        let p = parts.plan
        let groups = parts.results.groups
        let awarded = groups.filter { !$0.awarded.isEmpty }.map { g -> TemplateObject in
            [
                "nameInSentence": .text(Sentence.inner(g.name)),
                "units": .items(g.units.filter { g.awarded.contains($0.id) }.map { ["name": .text(Sentence.unitName($0.name))] }),
            ]
        }
        let appendices = zip(numerals, groups).enumerated().map { i, pair -> TemplateValue in
            .object([
                "numeral": .text(pair.0), "group": .text(pair.1.name), "groupUpper": .text(pair.1.name.uppercased()),
                "groupInSentence": .text(Sentence.inner(pair.1.name)),
                "last": .bool(i == groups.count - 1),
            ])
        }
        var values = parts.attachedValues(.decision)
        for (key, value) in [
            "year": .text(String(p.year)), "secretariat": .text(parts.secretariat), "issuerName": .text(parts.issuerInText),
            "awarded": .items(awarded), "hasAwarded": .bool(!awarded.isEmpty),
            "executors": .text(parts.meta(.decision)?.executors ?? ""), "appendices": .list(appendices),
        ] as KeyValuePairs<String, TemplateValue> {
            values[key] = value
        }
        return values
    }
}
