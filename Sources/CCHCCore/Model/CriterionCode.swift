/// A dotted criterion code: `1` a field (lĩnh vực), `1.1` a criterion (tiêu chí),
/// `1.1.1` a sub-criterion (tiêu chí thành phần). Ordered numerically (`1.10` after `1.9`).
public struct CriterionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let parts: [Int]

    /// Parses `1.2.3`; `nil` for anything else (`1.`, `a.1`, `01.x`, empty parts).
    public init?(_ text: String) {
        var parts: [Int] = []
        var n = 0
        var digits = 0
        for b in text.utf8 {
            if b == UInt8(ascii: ".") {
                guard digits > 0, n > 0 else { return nil }
                parts.append(n)
                (n, digits) = (0, 0)
            } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") && digits < 6 {
                n = n * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, n > 0 else { return nil }
        parts.append(n)
        self.parts = parts
    }

    package init(parts: [Int]) { self.parts = parts }

    /// The parent's code; `nil` for a field.
    public var parent: CriterionCode? {
        parts.count > 1 ? CriterionCode(parts: Array(parts.dropLast())) : nil
    }

    /// 1 for a field, 2 for a criterion, 3 for a sub-criterion…
    public var depth: Int { parts.count }

    /// The field (lĩnh vực) this code belongs to.
    public var field: CriterionCode { CriterionCode(parts: [parts[0]]) }

    public var description: String { parts.map(String.init).joined(separator: ".") }

    public static func < (lhs: CriterionCode, rhs: CriterionCode) -> Bool {
        lhs.parts.lexicographicallyPrecedes(rhs.parts)
    }
}
