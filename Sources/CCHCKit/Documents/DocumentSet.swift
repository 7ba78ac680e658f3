import Foundation

/// Step 4a: the documents of a checked dataset, for the kinds and units asked for.
public enum DocumentSet {
    public static func build(
        _ dataset: Dataset, _ results: Results, kinds: [DocumentKind] = DocumentKind.allCases,
        unit: String? = nil
    ) -> [OfficialDocument] {
        let parts = DocumentParts(dataset: dataset, results: results)
        var documents: [OfficialDocument] = []
        if kinds.contains(.plan) && unit == nil { documents.append(PlanDocument(parts: parts).build()) }
        if kinds.contains(.selfAssessment) {
            let byId = Dictionary(results.groups.flatMap(\.units).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let builder = SelfAssessmentDocument(parts: parts)
            for u in dataset.units where unit == nil || u.id == unit {
                if let r = byId[u.id] { documents.append(builder.build(u, r)) }
            }
        }
        if kinds.contains(.report) && unit == nil { documents.append(ResultsReportDocument(parts: parts).build()) }
        if kinds.contains(.decision) && unit == nil { documents.append(ResultsDecisionDocument(parts: parts).build()) }
        return documents
    }
}
