import Foundation

/// The fast path behind `Points`' operators: sums and percentages of scores through 64-bit
/// integers. Only `Points` calls these; `Points.Reference` is what they must equal.
///
/// Foundation's Decimal arithmetic allocates arrays for every operation on Linux: summing the
/// criteria trees of 3.321 units and their indexes took half of `cchc validate` (perf). A score
/// has a short mantissa and a few decimals, so the exact result fits in 64 bits; it comes back
/// as the very Decimal (bytes included) that Foundation returns, which a test checks on every
/// shape. A value that does not fit goes through Foundation.
extension Decimal {
    /// `self + other`, exactly.
    package func plus(_ other: Decimal) -> Decimal {
        guard let a = DecimalDigits.raw(self), let b = DecimalDigits.raw(other), let sum = Self.add(a, b),
            let result = DecimalDigits.decimal(sum)
        else { return self + other }
        return result
    }

    /// `self − other`, exactly.
    package func minus(_ other: Decimal) -> Decimal {
        guard var b = DecimalDigits.raw(other) else { return self - other }
        b.negative.toggle()
        guard let a = DecimalDigits.raw(self), let difference = Self.add(a, b), let result = DecimalDigits.decimal(difference)
        else { return self - other }
        return result
    }

    /// `self × other`, exactly.
    package func times(_ other: Decimal) -> Decimal {
        guard let a = DecimalDigits.raw(self), let b = DecimalDigits.raw(other) else { return self * other }
        let (product, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        guard !overflow,
            let result = DecimalDigits.decimal(
                DecimalDigits.Raw(negative: a.negative != b.negative, exponent: a.exponent + b.exponent, mantissa: product))
        else { return self * other }
        return result
    }

    /// `self / 10^places`, exactly (a percentage to a fraction: `83,84` → `0,8384`).
    package func shifted(by places: Int) -> Decimal {
        guard var raw = DecimalDigits.raw(self) else { return self / pow(10, places) }
        raw.exponent -= places
        return DecimalDigits.decimal(raw) ?? self / pow(10, places)
    }

    /// `self > other`, compared as integers when both fit.
    package func exceeds(_ other: Decimal) -> Bool {
        guard let a = DecimalDigits.raw(self), let b = DecimalDigits.raw(other), let (x, y, _) = Self.aligned(a, b) else {
            return self > other
        }
        switch (a.negative && x != 0, b.negative && y != 0) {
        case (false, false): return x > y
        case (true, true): return x < y
        case (false, true): return true
        case (true, false): return false
        }
    }

    private static func add(_ a: DecimalDigits.Raw, _ b: DecimalDigits.Raw) -> DecimalDigits.Raw? {
        guard let (x, y, exponent) = aligned(a, b) else { return nil }
        if a.negative == b.negative {
            let (sum, overflow) = x.addingReportingOverflow(y)
            return overflow ? nil : DecimalDigits.Raw(negative: a.negative, exponent: exponent, mantissa: sum)
        }
        return x >= y
            ? DecimalDigits.Raw(negative: a.negative, exponent: exponent, mantissa: x - y)
            : DecimalDigits.Raw(negative: b.negative, exponent: exponent, mantissa: y - x)
    }

    /// Both mantissas scaled to the smaller exponent; `nil` when one no longer fits in 64 bits.
    private static func aligned(_ a: DecimalDigits.Raw, _ b: DecimalDigits.Raw) -> (UInt64, UInt64, exponent: Int)? {
        let exponent = min(a.exponent, b.exponent)
        guard let x = scaled(a.mantissa, by: a.exponent - exponent), let y = scaled(b.mantissa, by: b.exponent - exponent)
        else { return nil }
        return (x, y, exponent)
    }

    /// `part / whole × 100`, rounded half-up at `scale`, through integers: the same value as
    /// Foundation's 38-digit division then rounding, since a quotient of 64-bit integers is never
    /// within 10⁻³⁶ of a rounding boundary without being on it.
    package static func fastPercent(_ part: Decimal, of whole: Decimal, scale: Int) -> Decimal? {
        guard (0...18).contains(scale), let p = DecimalDigits.raw(part), let w = DecimalDigits.raw(whole), !p.negative,
            !w.negative, w.mantissa != 0
        else { return nil }
        // part × 100 × 10^scale / whole = p.mantissa × 10^k / w.mantissa
        let k = p.exponent + 2 + scale - w.exponent
        guard let divisor = scaled(w.mantissa, by: max(0, -k)), k <= 19 else { return nil }
        let numerator = p.mantissa.multipliedFullWidth(by: DecimalDigits.powers[max(0, k)])
        guard numerator.high < divisor else { return nil }
        var (quotient, remainder) = divisor.dividingFullWidth(numerator)
        if remainder >= divisor - remainder { quotient += 1 }  // half-up
        // Foundation keeps the exponent of a non-zero part rounded to zero; leave that rare case to it.
        guard quotient != 0 || p.mantissa == 0 else { return nil }
        return DecimalDigits.decimal(DecimalDigits.Raw(negative: false, exponent: -scale, mantissa: quotient))
    }

    private static func scaled(_ mantissa: UInt64, by digits: Int) -> UInt64? {
        guard digits <= 19 else { return mantissa == 0 ? 0 : nil }
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: DecimalDigits.powers[digits])
        return overflow ? nil : product
    }
}
