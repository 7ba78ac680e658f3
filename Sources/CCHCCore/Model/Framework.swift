import Foundation

/// Bộ tiêu chí: the criteria tree of one framework file, in numeric order.
public struct Framework: Sendable {
    /// The file name, e.g. `framework-huyen.csv`.
    public var file: String
    /// Every criterion in document order (depth first, numeric).
    public private(set) var criteria: [Criterion]
    /// The position of each code in `criteria`.
    public private(set) var position: [CriterionCode: Int]
    /// The positions of each criterion's children in `criteria`: summing a tree per unit
    /// document then looks no code up.
    public private(set) var childPositions: [[Int]]

    public init(file: String, criteria: [Criterion]) {
        self.file = file
        self.criteria = criteria
        let position = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { ($1.code, $0) })
        self.position = position
        childPositions = criteria.map { $0.children.compactMap { position[$0] } }
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

extension Framework {
    /// A score and its max on every node, summed from the leaves `value` gives: a leaf's
    /// `(score, max)`, or `nil` when it is left out (another method, or N/A). A node none of
    /// whose leaves counts has neither.
    public struct Sums: Sendable {
        public var score: [Points?]
        public var max: [Points?]
    }

    /// Sums `value` up the tree: children come after their parent, so walking backwards sums
    /// each subtree before its root.
    public func sums(_ value: (Int, Criterion) -> (score: Points, max: Points)?) -> Sums {
        var s = Sums(score: Array(repeating: nil, count: criteria.count), max: Array(repeating: nil, count: criteria.count))
        // Through the buffer: each criterion is lent to `value`, not copied (a retain for each
        // of its strings, on every node of every unit's documents).
        criteria.withUnsafeBufferPointer { criteria in
            for i in criteria.indices.reversed() {
                if criteria[i].isLeaf {
                    if let (score, max) = value(i, criteria[i]) { (s.score[i], s.max[i]) = (score, max) }
                    continue
                }
                for j in childPositions[i] {
                    if let v = s.score[j] { s.score[i] = (s.score[i] ?? 0) + v }
                    if let m = s.max[j] { s.max[i] = (s.max[i] ?? 0) + m }
                }
            }
        }
        return s
    }

    /// The sum of the fields' values (the framework's top level); `nil` when none has one.
    public func total(_ values: [Points?]) -> Points? {
        let fields = criteria.indices.filter { criteria[$0].code.depth == 1 }.compactMap { values[$0] }
        return fields.isEmpty ? nil : fields.reduce(0, +)
    }
}
