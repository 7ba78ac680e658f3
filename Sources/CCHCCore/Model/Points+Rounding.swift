import Foundation

extension Decimal {
    /// Rounded half-up (away from zero at .5), as official scores are: 8,25 → 8,3.
    package func roundedHalfUp(_ scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }

    /// `part / whole × 100`, rounded half-up at `scale`; `nil` when nothing applies (whole is 0).
    package static func percent(_ part: Decimal, of whole: Decimal, scale: Int) -> Decimal? {
        if let fast = fastPercent(part, of: whole, scale: scale) { return fast }
        guard whole > 0 else { return nil }
        return (part * 100 / whole).roundedHalfUp(scale)
    }
}
