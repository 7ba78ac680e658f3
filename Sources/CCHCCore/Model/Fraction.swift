import Foundation

/// An exact rational number, numerator over a positive denominator, kept in lowest terms: a
/// survey's percentage (Σ credits ÷ valid answers, then means of those) is one, and only its
/// final points are rounded. Every operation returns `nil` when a 128-bit part would overflow.
package struct Fraction: Sendable, Equatable {
    package let numerator: Int128
    package let denominator: Int128

    package init?(_ numerator: Int128, _ denominator: Int128) {
        guard denominator != 0 else { return nil }
        let sign: Int128 = denominator < 0 ? -1 : 1
        let divisor = Self.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int128(divisor)
        self.denominator = sign * denominator / Int128(divisor)
    }

    /// A decimal value exactly (`62,5` = 125/2).
    package init?(_ points: Points) {
        guard let (significand, scale) = points.fixed, let power = Points.power(scale) else { return nil }
        self.init(Int128(significand), power)
    }

    package static let zero = Fraction(0, 1)!

    package static func + (a: Fraction, b: Fraction) -> Fraction? {
        let g = Int128(gcd(a.denominator.magnitude, b.denominator.magnitude))
        let (x, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator / g)
        let (y, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator / g)
        let (sum, o3) = x.addingReportingOverflow(y)
        let (den, o4) = (a.denominator / g).multipliedReportingOverflow(by: b.denominator)
        guard !(o1 || o2 || o3 || o4) else { return nil }
        return Fraction(sum, den)
    }

    package static func * (a: Fraction, b: Fraction) -> Fraction? {
        // Cross-reduced first, so that the products stay as small as they can.
        let g1 = Int128(gcd(a.numerator.magnitude, b.denominator.magnitude))
        let g2 = Int128(gcd(b.numerator.magnitude, a.denominator.magnitude))
        let (n, o1) = (a.numerator / max(g1, 1)).multipliedReportingOverflow(by: b.numerator / max(g2, 1))
        let (d, o2) = (a.denominator / max(g2, 1)).multipliedReportingOverflow(by: b.denominator / max(g1, 1))
        guard !(o1 || o2) else { return nil }
        return Fraction(n, d)
    }

    /// `self ÷ count`.
    package func divided(by count: Int) -> Fraction? { self * Fraction(1, Int128(count))! }

    /// The value rounded half-up (away from zero) to `scale` decimals, exactly.
    package func roundedHalfUp(_ scale: Int) -> Points? {
        guard let power = Points.power(scale) else { return nil }
        let (scaled, overflow) = numerator.magnitude.multipliedReportingOverflow(by: UInt128(power))
        guard !overflow else { return nil }
        let d = denominator.magnitude
        let (q, r) = scaled.quotientAndRemainder(dividingBy: d)
        let rounded = r * 2 >= d ? q + 1 : q
        guard let magnitude = Int128(exactly: rounded) else { return nil }
        return Points(significand: numerator < 0 ? -magnitude : magnitude, scale: scale)
    }

    /// The value as a Decimal (38 digits), for messages and comparisons.
    package var decimal: Decimal {
        Points(significand: numerator, scale: 0).decimal / Points(significand: denominator, scale: 0).decimal
    }

    private static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
