import Foundation

/// Numbers as Vietnamese documents print them: decimal comma, `.` for thousands (`1.234.567,89`).
///
/// Rounds half-up on the exact value and groups digits by hand: `NumberFormatter` on Linux
/// ignores `maximumFractionDigits` and rounds half-even.
public enum VietnameseNumber {
    /// A whole number with thousands dots: `3.321`.
    public static func format(_ value: Int) -> String {
        value < 0 ? "-" + group(String(-value)) : group(String(value))
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

    /// `points` as documents print it: `85,5`, `1.234,25`.
    /// - Parameters:
    ///   - maxDecimals: rounded half-up to this many decimals.
    ///   - minDecimals: trailing zeros kept down to this many decimals (`85,50` with 2, `85,5` with 0).
    public static func format(_ points: Points, maxDecimals: Int = 2, minDecimals: Int = 0) -> String {
        guard let digits = points.digits(roundedTo: maxDecimals) else {
            return formatThroughFoundation(points.decimal, maxDecimals: maxDecimals, minDecimals: minDecimals)
        }
        return digits.text(point: UInt8(ascii: ","), thousands: UInt8(ascii: "."), minDecimals: minDecimals)
    }

    /// The same as `format`, through `NSDecimalRound` and `description`, for a value too wide
    /// for 64 bits (and the reference a test compares `format` with).
    package static func formatThroughFoundation(_ value: Decimal, maxDecimals: Int, minDecimals: Int) -> String {
        let rounded = value.roundedHalfUp(maxDecimals)
        let plain = rounded.description
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

    /// `points` rounded half-up to `decimals`, with `.` and no trailing zeros (`7.25`, `8`), as
    /// XML, JSON and CSV carry it.
    public static func plain(_ points: Points, decimals: Int) -> String {
        points.digits(roundedTo: decimals)?.plain ?? points.decimal.roundedHalfUp(decimals).description
    }

    /// `points` exactly, with `.` (`8.25`).
    public static func plain(_ points: Points) -> String { points.description }
}

extension Points {
    /// The digits of the value rounded half-up to `scale` decimals (0…18); `nil` for a value
    /// held wide.
    package func digits(roundedTo scale: Int) -> DecimalDigits? {
        guard (0...18).contains(scale), let (significand, decimals) = roundedHalfUp(scale).fixed else { return nil }
        return DecimalDigits(negative: significand < 0, magnitude: significand.magnitude, decimals: decimals)
    }
}
