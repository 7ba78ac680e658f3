import CCHCCompute
import CCHCCore
import CCHCTemplate
import Foundation

/// Tờ trình: the secretariat asks the province's UBND to approve and announce the year's index
/// (NĐ30 Phụ lục III): Kính gửi, the căn cứ, how the year went (self-assessment, the appraisal in
/// one or two rounds, the survey), the results in brief per group (average, best, worst, bands,
/// change on last year), the proposals (approve and announce with the draft decision attached,
/// commend the units of the award rule, require the lowest to remedy), and "kính trình". Its
/// sentences are in `wording/to-trinh.mustache`; this builds the values they take.
package struct SubmissionDocument {
    package let parts: DocumentParts

    package func build() throws(TemplateError) -> OfficialDocument {
        let meta = parts.meta(.submission)
        let groups = parts.results.groups
        let analyses = groups.map { ReportAnalysis(group: $0, parts: parts) }
        let words = try parts.sentences(.submission, values(groups, analyses))
        let header = parts.secretariatHeader(.submission, subject: try words.one("subject"))
        var body: [Block] = [.centered(try words.one("recipientLine"))]
        body += parts.bases(meta?.bases ?? words.all("base")).map(Block.paragraph)
        body.append(.paragraph(try words.one("intro")))
        body += [.heading(level: 1, label: "I.", text: try words.one("processHeading")), .paragraph(try words.one("process"))]
        body.append(.heading(level: 1, label: "II.", text: try words.one("resultsHeading")))
        body += try words.perItem("groupSummary", of: "groups", count: groups.count).map(Block.paragraph)
        body.append(.heading(level: 1, label: "III.", text: try words.one("proposalsHeading")))
        body += words.all("proposal").filter { !$0.isEmpty }.map(Block.item)
        body.append(.paragraph(try words.one("closing")))
        return OfficialDocument(
            kind: .submission, path: DocumentKind.submission.fileName, unit: nil, year: parts.plan.year, header: header,
            bases: [], body: DocumentParts.closing(body),
            signer: parts.signature(meta?.signer, fallback: try parts.defaultSigner(words)),
            recipients: parts.recipients(.submission, defaults: words.all("recipient"), words: words), appendices: [])
    }

    /// What the sentences take: the year's course and, per group, its results in brief.
    private func values(_ groups: [GroupResult], _ analyses: [ReportAnalysis]) -> TemplateObject {
        let p = parts.plan
        let dataset = parts.dataset
        let forms = dataset.surveyForms.map { $0.respondents.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
        let surveyCount = forms ?? p.survey.map { $0.total ?? $0.groups.reduce(0) { $0 + $1.count } }
        let awarded = groups.filter { !$0.awarded.isEmpty }.map { g -> TemplateObject in
            [
                "nameInSentence": .text(Sentence.inner(g.name)),
                "units": names(g.units.filter { g.awarded.contains($0.id) }.map(\.name)),
            ]
        }
        var values: TemplateObject = [
            "year": .text(String(p.year)), "nextYear": .text(String(p.year + 1)), "secretariat": .text(parts.secretariat),
            "issuerName": .text(parts.issuerInText), "unitCount": .text(String(groups.reduce(0) { $0 + $1.units.count })),
            "twoRounds": .bool(parts.twoRounds), "hasSurvey": .bool(surveyCount != nil),
            "surveyForms": .text(surveyCount.map(String.init) ?? ""),
            "rawForms": .bool(forms != nil),
            "groups": .items(zip(groups, analyses).map { groupValues($0, $1) }),
            "hasAwarded": .bool(!awarded.isEmpty), "awarded": .items(awarded),
        ]
        for (key, value) in parts.planDecisionValues.fields { values[key] = value }
        return values
    }

    private func groupValues(_ g: GroupResult, _ a: ReportAnalysis) -> TemplateObject {
        let bands = BandClassifier(settings: parts.plan.bands).bands(for: g.name).compactMap { band -> TemplateObject? in
            let count = g.units.filter { $0.band == band.name }.count
            return count == 0 ? nil : ["name": .text(band.name), "count": .text(String(count))]
        }
        let compared = g.units.compactMap(\.rankChange)
        return [
            "name": .text(g.name), "nameInSentence": .text(Sentence.inner(g.name)), "size": .text(String(g.units.count)),
            "hasIndex": .bool(a.average != nil), "average": .text(parts.index(a.average)),
            "best": names(a.top.map(\.name)), "bestIndex": .text(parts.index(a.top.first?.index)),
            "worst": names(a.bottom.map(\.name)), "worstIndex": .text(parts.index(a.bottom.first?.index)),
            "bands": .items(bands), "hasBands": .bool(!bands.isEmpty), "hasChanges": .bool(!compared.isEmpty),
            "up": .text(String(compared.filter { $0 > 0 }.count)), "down": .text(String(compared.filter { $0 < 0 }.count)),
            "same": .text(compared.contains(0) ? String(compared.filter { $0 == 0 }.count) : ""),
        ]
    }

    private func names(_ list: [String]) -> TemplateValue { .items(list.map { ["name": .text(Sentence.unitName($0))] }) }
}
