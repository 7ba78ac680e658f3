import Foundation

/// Numbers as Vietnamese documents print them: decimal comma, `.` for thousands (`1.234.567,89`).
///
/// Rounds half-up on the `Decimal` itself and groups digits by hand: `NumberFormatter` on Linux
/// ignores `maximumFractionDigits` and rounds half-even (PITFALLS.md).
public enum VietnameseNumber {
    /// - Parameters:
    ///   - maxDecimals: rounded half-up to this many decimals.
    ///   - minDecimals: trailing zeros kept down to this many decimals (`85,50` with 2, `85,5` with 0).
    public static func format(_ value: Decimal, maxDecimals: Int = 2, minDecimals: Int = 0) -> String {
        let rounded = value.roundedHalfUp(maxDecimals)
        let plain = plainDigits(rounded)
        var (integer, fraction) = split(plain)
        let negative = integer.hasPrefix("-")
        if negative { integer.removeFirst() }
        while fraction.count > minDecimals && fraction.hasSuffix("0") { fraction.removeLast() }
        while fraction.count < minDecimals { fraction.append("0") }
        var out = negative && (integer != "0" || fraction.contains { $0 != "0" }) ? "-" : ""
        out += group(integer)
        if !fraction.isEmpty { out += "," + fraction }
        return out
    }

    /// A whole number with thousands dots: `3.321`.
    public static func format(_ value: Int) -> String {
        value < 0 ? "-" + group(String(-value)) : group(String(value))
    }

    /// The digits of a Decimal without exponent, with `.` as the decimal point.
    static func plainDigits(_ value: Decimal) -> String {
        value.description
    }

    private static func split(_ s: String) -> (String, String) {
        guard let dot = s.firstIndex(of: ".") else { return (s, "") }
        return (String(s[..<dot]), String(s[s.index(after: dot)...]))
    }

    private static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }
}
