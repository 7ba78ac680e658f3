import CCHCCore
import Foundation

/// The scores of one unit on every node of its framework, in the framework's order.
///
/// A node whose every leaf is N/A has no score (`nil`) and a max of 0.
public struct UnitScores: Sendable {
    /// Điểm đạt được: appraised or survey scores, summed up the tree.
    public var final: [Points?]
    /// The max that applies (N/A leaves left out).
    public var finalMax: [Points]
    /// Điểm tự đánh giá on the tham-dinh leaves, summed up the tree.
    public var selfScore: [Points?]
    /// The max that applies to the self-assessment.
    public var selfMax: [Points]

    /// Sums the leaves of `framework` for a unit's score rows and survey rows.
    package static func compute(
        _ framework: Framework, scores: [CriterionCode: ScoreEntry]?, survey: [CriterionCode: SurveyEntry]?
    )
        -> UnitScores
    {
        let n = framework.criteria.count
        var s = UnitScores(
            final: Array(repeating: nil, count: n), finalMax: Array(repeating: 0, count: n),
            selfScore: Array(repeating: nil, count: n), selfMax: Array(repeating: 0, count: n))
        // Children come after their parent, so walking backwards sums each subtree before its root.
        for i in stride(from: n - 1, through: 0, by: -1) {
            let c = framework.criteria[i]
            if c.isLeaf {
                s.setLeaf(i, c, scores?[c.code], survey?[c.code])
            } else {
                for child in c.children {
                    guard let j = framework.position[child] else { continue }
                    s.add(j, into: i)
                }
            }
        }
        return s
    }

    private mutating func setLeaf(_ i: Int, _ c: Criterion, _ row: ScoreEntry?, _ surveyRow: SurveyEntry?) {
        let finalValue = c.method.isSurvey ? surveyRow?.points : row?.appraised
        if let p = finalValue?.points {
            final[i] = p
            finalMax[i] = c.max
        } else if finalValue != .notApplicable {
            final[i] = 0
            finalMax[i] = c.max
        }
        guard !c.method.isSurvey else { return }
        if let p = row?.selfScore.points {
            selfScore[i] = p
            selfMax[i] = c.max
        } else if row?.selfScore != .notApplicable {
            selfScore[i] = 0
            selfMax[i] = c.max
        }
    }

    private mutating func add(_ j: Int, into i: Int) {
        if let v = final[j] { final[i] = (final[i] ?? 0) + v }
        finalMax[i] = finalMax[i] + finalMax[j]
        if let v = selfScore[j] { selfScore[i] = (selfScore[i] ?? 0) + v }
        selfMax[i] = selfMax[i] + selfMax[j]
    }
}
