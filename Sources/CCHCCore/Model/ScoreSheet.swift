import Foundation

/// One cell of a score: a number, "does not apply" (N/A), or nothing yet.
public enum ScoreValue: Equatable, Sendable {
    case points(Points)
    case notApplicable
    case missing
    /// Text that is not a score; already reported, never computed with.
    case invalid

    public var points: Points? {
        if case .points(let p) = self { return p }
        return nil
    }
}

/// One row of scores.csv: a unit's self-assessed and appraised score for one criterion.
public struct ScoreEntry: Sendable {
    public var unit: String
    public var code: CriterionCode
    /// Điểm tự đánh giá.
    public var selfScore: ScoreValue
    /// Điểm thẩm định: the score after the council's appraisal.
    public var appraised: ScoreValue
    /// Tài liệu kiểm chứng, one per item.
    public var evidence: [String]
    /// Giải trình: the unit's explanation.
    public var explanation: String
    /// The council's note on an adjustment.
    public var comment: String
    /// Điểm thẩm định lần 1, when the appraisal has two rounds (`round1`); `.missing` when the
    /// first round kept the final score.
    public var round1: ScoreValue = .missing
    /// The council's note in the first round (`comment1`).
    public var comment1 = ""
    /// The unit's answer to the first round (`response`: cập nhật, giải trình).
    public var response = ""
    public var line: Int

    package init(
        unit: String, code: CriterionCode, selfScore: ScoreValue, appraised: ScoreValue, evidence: [String], explanation: String,
        comment: String, round1: ScoreValue = .missing,
        comment1: String = "", response: String = "", line: Int
    ) {
        self.comment1 = comment1
        self.response = response
        self.unit = unit
        self.code = code
        self.selfScore = selfScore
        self.appraised = appraised
        self.evidence = evidence
        self.explanation = explanation
        self.comment = comment
        self.round1 = round1
        self.line = line
    }
}

/// One row of survey.csv, already converted to points.
public struct SurveyEntry: Sendable {
    public var unit: String
    public var code: CriterionCode
    /// Points (a ratio is already multiplied by the max), or N/A.
    public var points: ScoreValue
    public var line: Int

    package init(unit: String, code: CriterionCode, points: ScoreValue, line: Int) {
        self.unit = unit
        self.code = code
        self.points = points
        self.line = line
    }
}

/// One row of previous.csv: last year's result of a unit.
public struct PreviousResult: Sendable {
    public var unit: String
    public var index: Points
    public var rank: Int
    public var total: Points?
    public var line: Int

    package init(unit: String, index: Points, rank: Int, total: Points?, line: Int) {
        self.unit = unit
        self.index = index
        self.rank = rank
        self.total = total
        self.line = line
    }
}

/// One row of targets.csv: a unit's target for a criterion in a year (mục tiêu phấn đấu).
public struct TargetEntry: Sendable {
    public var unit: String
    public var code: CriterionCode
    public var year: Int
    public var target: Points
    public var action: String
    public var lead: String
    public var line: Int

    package init(unit: String, code: CriterionCode, year: Int, target: Points, action: String, lead: String, line: Int) {
        self.unit = unit
        self.code = code
        self.year = year
        self.target = target
        self.action = action
        self.lead = lead
        self.line = line
    }
}
