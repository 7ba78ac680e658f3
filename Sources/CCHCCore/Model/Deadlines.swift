import Foundation

/// The last day of each step of the year a scoring workbook asks for, `YYYY-MM-DD` each; a
/// workbook's title prints the one of its step.
public struct Deadlines: Codable, Sendable {
    /// Units send back their self-assessment (tự đánh giá, chấm điểm).
    public var selfAssessment: String?
    /// Lead agencies send back their appraisal (thẩm định; lần 1 when there are two rounds).
    public var appraisal: String?
    /// Units answer the first round (giải trình, bổ sung); default `documents.appraisal.deadline`.
    public var response: String?
    /// Lead agencies send back the second round (thẩm định lần 2).
    public var appraisalRound2: String?

    package enum CodingKeys: String, CodingKey {
        case appraisal, response
        case selfAssessment = "self-assessment"
        case appraisalRound2 = "appraisal-round2"
    }

    package var all: [(key: String, date: String?)] {
        [
            ("self-assessment", selfAssessment), ("appraisal", appraisal), ("response", response),
            ("appraisal-round2", appraisalRound2),
        ]
    }
}
