import Foundation

extension Points {
    /// `significand` × 10^-`scale` as a Decimal, through its digits (Foundation's public API).
    static func decimal(_ significand: Int128, scale: Int) -> Decimal {
        let digits = Decimal(string: String(significand.magnitude), locale: Locale(identifier: "en_US_POSIX")) ?? 0
        return Decimal(sign: significand < 0 ? .minus : .plus, exponent: -scale, significand: digits)
    }

    /// A finite Decimal as a whole number and a scale, read from its description (`-12.5` →
    /// -125, 1); `nil` when the digits do not fit in 128 bits.
    static func parts(of decimal: Decimal) -> (Int128, Int)? {
        guard decimal.isFinite else { return nil }
        return parse(decimal.description)
    }

    /// `-12.50` → (-1250, 2): an optional sign, digits, an optional `.` and digits; `nil` for
    /// any other text or more digits than 128 bits hold.
    static func parse(_ text: String) -> (Int128, Int)? {
        var significand: Int128 = 0
        var scale = 0
        var (digits, point, negative) = (0, false, false)
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 38 else { return nil }  // 38 digits fit in 128 bits
                significand = significand * 10 + Int128(b - UInt8(ascii: "0"))
                digits += 1
                if point { scale += 1 }
            case UInt8(ascii: ".") where !point && digits > 0: point = true
            case UInt8(ascii: "-") where i == 0: negative = true
            case UInt8(ascii: "+") where i == 0: continue
            default: return nil
            }
        }
        guard digits > 0, !(point && scale == 0) else { return nil }
        return (negative ? -significand : significand, scale)
    }
}
