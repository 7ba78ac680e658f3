import CCHCCompute
import CCHCCore
import CCHCInput
import CCHCTemplate
import Foundation

/// Step 4a: the documents of a checked dataset, for the kinds and units asked for.
public enum DocumentSet {
    /// - Parameter wordings: the wording of each kind (`DocumentKind.wordings`); the built-in one by default.
    public static func build(
        _ dataset: Dataset, _ results: Results, kinds: [DocumentKind] = DocumentKind.allCases,
        unit: String? = nil, wordings: [String: Wording]? = nil
    ) throws -> [OfficialDocument] {
        var errors: [TemplateError] = []
        let factory = DocumentFactory(
            dataset, results, wordings: wordings ?? DocumentKind.wordings(.builtIn, errors: &errors))
        if !errors.isEmpty { throw RenderError.templates(errors) }
        return try factory.specs(kinds: kinds, unit: unit).compactMap { try factory.build($0) }
    }
}

/// Which document to build: specs are cheap, so a large run can list them all and build each
/// document only when a worker renders it.
public enum DocumentSpec: Sendable, Equatable {
    case plan
    /// The self-assessment of the unit at this position of units.csv.
    case selfAssessment(Int)
    /// The appraisal result of the unit at this position of units.csv, for one round.
    case appraisal(Int, AppraisalRound)
    case report
    case decision
    case commendation
    case submission
    case council
    case guidance
    case appraisalReport

    /// A document with a table of every unit.
    package var isLarge: Bool {
        switch self {
        case .report, .decision, .commendation, .submission: return true
        case .council, .guidance, .appraisalReport: return false
        case .plan, .selfAssessment, .appraisal: return false
        }
    }
}

/// Builds the documents of one dataset and its results, one at a time, from any thread.
public struct DocumentFactory: Sendable {
    package let parts: DocumentParts
    private let resultsById: [String: UnitResult]
    private let groupSizes: [String: Int]
    /// The appraisal's rounds: two when scores.csv has a first round (`round1`, `comment1` or
    /// `response` filled in somewhere), else one.
    private let rounds: [AppraisalRound]

    public init(_ dataset: Dataset, _ results: Results, wordings: [String: Wording]) {
        var dataset = dataset
        if dataset.plan.issuedElectronically { dataset.plan = dataset.plan.withoutNumbersAndDates }
        parts = DocumentParts(dataset: dataset, results: results, wordings: wordings)
        resultsById = Dictionary(results.groups.flatMap(\.units).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        groupSizes = Dictionary(results.groups.map { ($0.name, $0.units.count) }, uniquingKeysWith: { a, _ in a })
        rounds = parts.twoRounds ? [.first, .second] : [.only]
    }

    /// The kinds that rank units are not written for a dataset of one unit ("xếp thứ 1/1"); no
    /// council's appraisal notice is written for a province, which Bộ Nội vụ appraises.
    public var skipped: [DocumentKind] {
        var kinds = resultsById.count > 1 ? [] : DocumentKind.allCases.filter(\.ranks)
        if !parts.dataset.units.contains(where: \.isAppraisedByCouncil) { kinds.append(.appraisal) }
        // No award rule, or no unit it selects: there is no one to commend.
        if !kinds.contains(.commendation) && parts.results.groups.allSatisfy(\.awarded.isEmpty) { kinds.append(.commendation) }
        // No council to set up: no member given, or no unit it would appraise.
        if parts.dataset.council.isEmpty || kinds.contains(.appraisal) { kinds.append(.council) }
        // No unit the council appraises: nothing for it to report, and no unit for the
        // secretariat to guide (a province assesses itself for Bộ Nội vụ).
        if kinds.contains(.appraisal) { kinds += [.appraisalReport, .guidance] }
        return kinds
    }

    /// The documents of `kinds`, in output order; with `unit`, only that unit's self-assessment.
    public func specs(kinds: [DocumentKind] = DocumentKind.allCases, unit: String? = nil) -> [DocumentSpec] {
        var specs: [DocumentSpec] = []
        if kinds.contains(.plan) && unit == nil { specs.append(.plan) }
        if kinds.contains(.council) && unit == nil && !skipped.contains(.council) { specs.append(.council) }
        if kinds.contains(.guidance) && unit == nil && !skipped.contains(.guidance) { specs.append(.guidance) }
        if kinds.contains(.selfAssessment) {
            for (i, u) in parts.dataset.units.enumerated() where (unit == nil || u.id == unit) && resultsById[u.id] != nil {
                specs.append(.selfAssessment(i))
            }
        }
        if kinds.contains(.appraisal) {
            for (i, u) in parts.dataset.units.enumerated()
            where (unit == nil || u.id == unit) && resultsById[u.id] != nil && u.isAppraisedByCouncil {
                specs += rounds.map { .appraisal(i, $0) }
            }
        }
        let skipped = skipped
        if kinds.contains(.appraisalReport) && unit == nil && !skipped.contains(.appraisalReport) {
            specs.append(.appraisalReport)
        }
        if kinds.contains(.report) && unit == nil && !skipped.contains(.report) { specs.append(.report) }
        if kinds.contains(.decision) && unit == nil && !skipped.contains(.decision) { specs.append(.decision) }
        if kinds.contains(.commendation) && unit == nil && !skipped.contains(.commendation) { specs.append(.commendation) }
        if kinds.contains(.submission) && unit == nil && !skipped.contains(.submission) { specs.append(.submission) }
        return specs
    }

    /// The document of `spec`; a sentence its wording lacks (or a name it does not know) is a `TemplateError`.
    public func build(_ spec: DocumentSpec) throws -> OfficialDocument? {
        var document = try buildKind(spec)
        document?.electronic = parts.plan.issuedElectronically
        return document
    }

    private func buildKind(_ spec: DocumentSpec) throws -> OfficialDocument? {
        switch spec {
        case .plan: return try PlanDocument(parts: parts).build()
        case .selfAssessment(let i):
            guard i < parts.dataset.units.count else { return nil }
            let unit = parts.dataset.units[i]
            guard let result = resultsById[unit.id] else { return nil }
            return try SelfAssessmentDocument(parts: parts).build(unit, result)
        case .appraisal(let i, let round):
            guard i < parts.dataset.units.count else { return nil }
            let unit = parts.dataset.units[i]
            guard let result = resultsById[unit.id] else { return nil }
            return try AppraisalDocument(parts: parts).build(unit, result, round: round, groupSize: groupSizes[unit.group] ?? 0)
        case .report: return try ResultsReportDocument(parts: parts).build()
        case .decision: return try ResultsDecisionDocument(parts: parts).build()
        case .commendation: return try CommendationDocument(parts: parts).build()
        case .submission: return try SubmissionDocument(parts: parts).build()
        case .council: return try CouncilDocument(parts: parts).build()
        case .guidance: return try GuidanceDocument(parts: parts).build()
        case .appraisalReport: return try AppraisalReportDocument(parts: parts).build()
        }
    }
}
