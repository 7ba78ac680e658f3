import Foundation

/// One node of a framework: a field, a criterion or a sub-criterion (lĩnh vực / tiêu chí /
/// tiêu chí thành phần).
public struct Criterion: Sendable {
    public var code: CriterionCode
    public var name: String
    /// Điểm tối đa: given for a leaf; for a parent the sum of its children.
    public var max: Points
    /// The method of a leaf (inherited from the nearest ancestor that sets one).
    public var method: ScoringMethod
    /// Cơ quan chủ trì chấm điểm, inherited like `method`; empty when nobody is named.
    public var lead: String
    /// Cách chấm: how the criterion is scored (framework column `rule`); empty when not given.
    public var rule = ""
    /// Tài liệu kiểm chứng yêu cầu: the evidence it needs (framework column `evidence`).
    public var evidence = ""
    /// Codes of the children in numeric order; empty for a leaf.
    public var children: [CriterionCode]
    /// The line of framework.csv that defines it.
    public var line: Int

    package init(
        code: CriterionCode, name: String, max: Points, method: ScoringMethod, lead: String, children: [CriterionCode], line: Int
    ) {
        self.code = code
        self.name = name
        self.max = max
        self.method = method
        self.lead = lead
        self.children = children
        self.line = line
    }

    public var isLeaf: Bool { children.isEmpty }
}
