import Foundation

/// The operators: integer arithmetic on the fixed values (a sum of two 64-bit values aligned to
/// one scale, or their product, always fits in 128 bits), Foundation's for a wide one.
extension Points {
    public static func + (a: Points, b: Points) -> Points {
        guard let (x, y, scale) = aligned(a, b) else { return Points(a.decimal + b.decimal) }
        return Points(significand: x + y, scale: scale)
    }

    public static func - (a: Points, b: Points) -> Points {
        guard let (x, y, scale) = aligned(a, b) else { return Points(a.decimal - b.decimal) }
        return Points(significand: x - y, scale: scale)
    }

    public static func * (a: Points, b: Points) -> Points {
        guard let (x, s) = a.fixed, let (y, t) = b.fixed else { return Points(a.decimal * b.decimal) }
        return Points(significand: Int128(x) * Int128(y), scale: s + t)
    }

    public static func += (a: inout Points, b: Points) { a = a + b }

    /// `self / 10^places`, exactly (a percentage to a fraction: `83,84` → `0,8384`).
    public func shifted(by places: Int) -> Points {
        guard let (x, s) = fixed else { return Points(decimal / pow(10, places)) }
        return Points(significand: Int128(x), scale: s + places)
    }

    /// Rounded half-up (away from zero at .5), as official scores are: 8,25 → 8,3.
    public func roundedHalfUp(_ scale: Int) -> Points {
        guard let (x, s) = fixed, scale >= 0 else { return Points(decimal.roundedHalfUp(scale)) }
        guard s > scale, let divisor = Self.power(s - scale) else { return self }
        return Points(significand: Self.dividedHalfUp(Int128(x), by: divisor), scale: scale)
    }

    /// `part / whole × 100`, rounded half-up at `scale`; `nil` when nothing applies (whole is 0).
    public static func percent(_ part: Points, of whole: Points, scale: Int) -> Points? {
        guard whole > 0 else { return nil }
        // part × 100 × 10^scale / whole = p × 10^k / w
        guard let (p, ps) = part.fixed, let (w, ws) = whole.fixed, (0...18).contains(scale),
            let (numerator, denominator) = scaledRatio(Int128(p), Int128(w), k: ws - ps + 2 + scale)
        else { return Reference.percent(part, of: whole, scale: scale) }
        return Points(significand: dividedHalfUp(numerator, by: denominator), scale: scale)
    }

    /// `self / count`, rounded half-up at `scale` (an average of `count` values).
    public func divided(by count: Int, roundedTo scale: Int) -> Points {
        guard let (x, s) = fixed, count > 0, (0...18).contains(scale),
            let (numerator, denominator) = Self.scaledRatio(Int128(x), Int128(count), k: scale - s)
        else { return Reference.divided(self, by: count, roundedTo: scale) }
        return Points(significand: Self.dividedHalfUp(numerator, by: denominator), scale: scale)
    }

    /// Both significands at the larger scale; `nil` when either is wide.
    static func aligned(_ a: Points, _ b: Points) -> (Int128, Int128, scale: Int)? {
        guard let (x, s) = a.fixed, let (y, t) = b.fixed else { return nil }
        let scale = max(s, t)
        // A 64-bit significand × 10^18 fits in 128 bits.
        return (Int128(x) * power(scale - s)!, Int128(y) * power(scale - t)!, scale)
    }

    /// `x × 10^k` over `y` as a numerator and a denominator (the power on the side it belongs);
    /// `nil` when one no longer fits in 128 bits.
    private static func scaledRatio(_ x: Int128, _ y: Int128, k: Int) -> (Int128, Int128)? {
        guard let scale = power(abs(k)) else { return nil }
        let (product, overflow) = (k >= 0 ? x : y).multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        return k >= 0 ? (product, y) : (x, product)
    }

    /// `x / y` rounded half away from zero (y > 0).
    private static func dividedHalfUp(_ x: Int128, by y: Int128) -> Int128 {
        let (quotient, remainder) = x.magnitude.quotientAndRemainder(dividingBy: y.magnitude)
        let rounded = Int128(quotient + (remainder >= y.magnitude - remainder ? 1 : 0))
        return x < 0 ? -rounded : rounded
    }
}
