import CCHCCompute
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
        // Under each table, what its Xếp loại means: the thresholds and where they come from.
        let legends = try words.perItem("bandLegend", of: "appendices", count: groups.count)
        let appendices = groups.indices.map { i in
            Appendix(
                label: labels[i], title: titles[i], attached: attached,
                blocks: [.table(RankingTables(parts: parts).appendixTable(groups[i]))]
                    + (legends[i].isEmpty ? [] : [.paragraph(legends[i])]),
                landscape: true)
        }
        let body = try DocumentParts.articles(words)
        return OfficialDocument(
            kind: .decision, path: DocumentKind.decision.fileName, unit: nil, year: p.year, header: header,
            bases: parts.bases(meta?.bases ?? words.all("base")),
            body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.decision, defaults: words.all("recipient"), words: words), appendices: appendices)
    }

    /// What the decision's sentences take: the year, the names, and the lists (each item with `last`).
    private func values(_ numerals: [String]) -> TemplateObject {
        let p = parts.plan
        let groups = parts.results.groups
        let awarded = groups.filter { !$0.awarded.isEmpty }.map { g -> TemplateObject in
            let planned = p.awards?.first { $0.group == g.name }?.count ?? g.awarded.count
            return [
                "nameInSentence": .text(Sentence.inner(g.name)),
                // A tie at the last place awarded gives more units than the plan's count: said so.
                "planned": .text(String(planned)), "count": .text(String(g.awarded.count)),
                "beyondPlan": .bool(g.awarded.count > planned),
                "units": .items(g.units.filter { g.awarded.contains($0.id) }.map { ["name": .text(Sentence.unitName($0.name))] }),
            ]
        }
        let classifier = BandClassifier(settings: p.bands)
        let appendices = zip(numerals, groups).enumerated().map { i, pair -> TemplateValue in
            .object([
                "numeral": .text(pair.0), "group": .text(pair.1.name), "groupUpper": .text(pair.1.name.uppercased()),
                "groupInSentence": .text(Sentence.inner(pair.1.name)),
                "bands": bandItems(classifier.bands(for: pair.1.name)), "planBands": .bool(p.bands != nil),
                "last": .bool(i == groups.count - 1),
            ])
        }
        var values = parts.attachedValues(.decision)
        for (key, value) in parts.submissionValues.fields { values[key] = value }
        for (key, value) in [
            "year": .text(String(p.year)), "secretariat": .text(parts.secretariat), "issuerName": .text(parts.issuerInText),
            "awarded": .items(awarded), "hasAwarded": .bool(!awarded.isEmpty),
            "executors": .text(parts.meta(.decision)?.executors ?? ""), "appendices": .list(appendices),
        ] as KeyValuePairs<String, TemplateValue> {
            values[key] = value
        }
        return values
    }

    /// Each band with its threshold, from the highest: `top` (from its min up), `middle` (from
    /// its min to below the next one up), `bottom` (below the next one up, when its min is 0).
    private func bandItems(_ bands: [Band]) -> TemplateValue {
        .items(
            bands.enumerated().map { i, band in
                let above = i > 0 ? bands[i - 1].min : nil
                return [
                    "name": .text(band.name), "from": .text(VietnameseNumber.format(band.min, maxDecimals: parts.precision)),
                    "below": .text(above.map { VietnameseNumber.format($0, maxDecimals: parts.precision) } ?? ""),
                    "top": .bool(above == nil), "middle": .bool(above != nil && band.min > 0),
                    "bottom": .bool(above != nil && band.min == 0),
                ]
            })
    }
}
