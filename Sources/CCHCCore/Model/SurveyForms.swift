/// Câu hỏi của phiếu điều tra xã hội học: one question of a survey form (questions.csv), the
/// survey criterion it counts towards, and the percentage each answer earns.
public struct SurveyQuestion: Sendable {
    public var id: String
    /// The form (mẫu phiếu) the question is on, e.g. `A` for leaders, `B` for citizens.
    public var form: String
    /// The survey leaf (`dieu-tra` or `sipas`) the question counts towards.
    public var code: CriterionCode
    public var text: String
    /// Each valid answer and the percentage it earns (`5` → 100, `A` → 60); a blank answer is no
    /// answer, and any other is an error.
    public var credits: [String: Points]
    /// The answers in the order questions.csv lists them, for messages.
    public var answers: [String]
    public var line: Int

    package init(
        id: String, form: String, code: CriterionCode, text: String, credits: [(String, Points)], line: Int
    ) {
        (self.id, self.form, self.code, self.text, self.line) = (id, form, code, text, line)
        self.credits = Dictionary(credits, uniquingKeysWith: { a, _ in a })
        answers = credits.map(\.0)
    }
}

/// Phiếu trả lời: one returned form (responses.csv), who answered it, in which respondent group,
/// about which unit, and each answer by question id (only the questions it answered).
public struct SurveyResponse: Sendable {
    public var respondent: String
    public var form: String
    /// The respondent group (đại biểu HĐND, lãnh đạo phòng, người dân…).
    public var group: String
    public var unit: String
    public var answers: [String: String]
    public var line: Int

    package init(respondent: String, form: String, group: String, unit: String, answers: [String: String], line: Int) {
        (self.respondent, self.form, self.group, self.unit, self.answers, self.line) = (
            respondent, form, group, unit, answers, line
        )
    }
}

/// Cách gộp: how a unit's answers to a question make its percentage (plan.yaml `survey.pooling`).
public enum SurveyPooling: Sendable, Equatable {
    /// Every respondent of the unit together: Σ credits ÷ valid answers (the default).
    case pooled
    /// The mean of each respondent group's percentage.
    case meanOfGroups
    /// Each group's percentage weighted (`survey.weights`, summing to 1).
    case weighted([String: Points])
}
