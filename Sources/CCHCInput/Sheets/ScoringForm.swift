import CCHCCore

/// Which scoring workbook: for whom (a unit, or a lead agency of the council) and for which
/// round of the appraisal. It decides the columns the workbook shows and those it asks to fill,
/// each named as scores.csv names it, so what comes back lands in the column of its name.
public struct ScoringForm: Sendable, Equatable, Hashable {
    /// Đối tượng: who fills the workbook in.
    public enum Audience: String, Sendable, CaseIterable {
        /// Each unit scores itself (tự đánh giá, chấm điểm).
        case units
        /// Each lead agency (cơ quan chủ trì thẩm định) appraises its fields for every unit.
        case leads
    }

    /// Lần thẩm định: none when the year has one round.
    public enum Round: Int, Sendable {
        case only = 0
        case first = 1
        case second = 2
    }

    public var audience: Audience
    public var round: Round

    public init(_ audience: Audience, round: Round = .only) { (self.audience, self.round) = (audience, round) }

    /// The scores.csv columns the workbook asks to fill, in order.
    /// - a unit, round 1 (or the only one): its self score, evidence and explanation;
    /// - a unit, round 2: its answer to round 1 (`response`);
    /// - a lead, one round: the score and note (`appraised`, `comment`); round 1 goes to the
    ///   first-round columns (`round1`, `comment1`), round 2 to the final ones.
    public var fill: [String] {
        switch (audience, round) {
        case (.units, .second): return ["response"]
        case (.units, _): return ["self", "evidence", "explanation"]
        case (.leads, .first): return ["round1", "comment1"]
        case (.leads, _): return ["appraised", "comment"]
        }
    }

    /// The scores.csv columns shown, locked, before those to fill: what the unit declared and,
    /// in round 2, what round 1 said and how the unit answered.
    public var shown: [String] {
        switch (audience, round) {
        case (.units, .second): return ["self", "evidence", "explanation", "round1", "comment1"]
        case (.units, _): return []
        case (.leads, .second): return ["self", "evidence", "explanation", "round1", "comment1", "response"]
        case (.leads, _): return ["self", "evidence", "explanation"]
        }
    }

    /// The column of the form that holds a score (`self`, `round1`, `appraised`), if it fills one.
    public var scoreColumn: String? { fill.first { Self.scoreColumns.contains($0) } }

    /// The scores.csv columns that hold a score rather than text.
    public static let scoreColumns: Set<String> = ["self", "appraised", "round1"]

    /// How the officer reads each column of a workbook (the captions row above the header).
    public static let captions: [String: String] = [
        "unit": "Mã đơn vị", "unit-name": "Đơn vị", "code": "Mã tiêu chí", "name": "Lĩnh vực, tiêu chí",
        "max": "Điểm tối đa", "method": "Cách xác định điểm", "rule": "Hướng dẫn chấm điểm",
        "required": "Tài liệu kiểm chứng cần có", "self": "Điểm tự đánh giá", "evidence": "Tài liệu kiểm chứng",
        "explanation": "Giải trình", "round1": "Điểm thẩm định lần 1", "comment1": "Ý kiến thẩm định lần 1",
        "response": "Giải trình, bổ sung sau thẩm định lần 1", "appraised": "Điểm thẩm định", "comment": "Ý kiến thẩm định",
    ]

    /// The name of the round in a title: "" for the only round, " (lần 1)".
    public var roundSuffix: String { round == .only ? "" : " (lần \(round.rawValue))" }

    /// The text the self cell of a survey criterion holds: it is scored by the survey.
    public static let surveyMarker = "chấm qua điều tra"
}
