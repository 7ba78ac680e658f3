import CCHCCore
import Foundation

/// What `cchc compute` prints (README, "How it computes"): every group's units in rank order, with warnings.
public struct Results: Sendable {
    public var dataset: String
    public var year: Int
    public var precision: Int
    public var groups: [GroupResult]
    public var warnings: [Diagnostic]
}

/// One ranking group (nhóm xếp hạng) and its units, best first.
public struct GroupResult: Sendable {
    public var name: String
    public var units: [UnitResult]
    /// Units proposed for commendation (đề nghị khen thưởng), best first.
    public var awarded: [String]
}

/// Subtotal by method: "điểm thẩm định 56,93/66,5".
public struct MethodSubtotal: Sendable {
    public var method: ScoringMethod
    public var score: Points
    public var max: Points
}

/// A unit's result on one field (lĩnh vực).
public struct FieldResult: Sendable {
    public var code: CriterionCode
    public var name: String
    public var score: Points?
    public var max: Points
    /// `nil` when every leaf of the field is N/A for the unit.
    public var index: Points?
    public var rank: Int?
}

/// A unit's ranked result.
public struct UnitResult: Sendable {
    public var id: String
    public var name: String
    public var group: String
    /// Xếp hạng: competition rank within the group (1, 2, 2, 4).
    public var rank: Int?
    /// Tổng điểm đạt được.
    public var total: Points
    /// The max that applies (N/A criteria left out).
    public var max: Points
    /// Chỉ số: total ÷ max × 100, rounded half-up.
    public var index: Points?
    /// Xếp loại.
    public var band: String?
    public var byMethod: [MethodSubtotal]
    /// Tổng điểm tự đánh giá (tham-dinh leaves).
    public var selfTotal: Points
    public var previousRank: Int?
    /// previousRank − rank: positive means the unit moved up ("tăng N bậc").
    public var rankChange: Int?
    public var previousIndex: Points?
    public var fields: [FieldResult]
    /// Scores on every node of the framework.
    public var scores: UnitScores
    /// The framework file the unit is assessed on.
    public var framework: String
}
