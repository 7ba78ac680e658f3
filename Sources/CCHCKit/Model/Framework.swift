import Foundation

/// Bộ tiêu chí: the criteria tree of one framework file, in numeric order.
public struct Framework: Sendable {
    /// The file name, e.g. `framework-huyen.csv`.
    public var file: String
    /// Every criterion in document order (depth first, numeric).
    public var criteria: [Criterion]
    /// The position of each code in `criteria`.
    public var position: [CriterionCode: Int]

    public init(file: String, criteria: [Criterion]) {
        self.file = file
        self.criteria = criteria
        self.position = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { ($1.code, $0) })
    }

    public subscript(code: CriterionCode) -> Criterion? {
        position[code].map { criteria[$0] }
    }

    /// The fields (lĩnh vực), in numeric order.
    public var fields: [Criterion] { criteria.filter { $0.code.depth == 1 } }

    /// The leaves, in document order.
    public var leaves: [Criterion] { criteria.filter(\.isLeaf) }

    /// The framework's total maximum (usually 100).
    public var max: Points { fields.reduce(0) { $0 + $1.max } }

    /// The leaves under `code` (itself when it is a leaf).
    public func leaves(under code: CriterionCode) -> [Criterion] {
        guard let start = position[code] else { return [] }
        var result: [Criterion] = []
        for c in criteria[start...] {
            guard c.code.parts.starts(with: code.parts) else { break }
            if c.isLeaf { result.append(c) }
        }
        return result
    }
}
