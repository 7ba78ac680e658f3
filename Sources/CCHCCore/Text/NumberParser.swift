import Foundation

/// Parses the numbers users type in Excel: a decimal comma or point (`1,25` = `1.25`),
/// no thousands separators, never through `Double`.
public enum NumberParser {
    /// Why a cell is not a number; the text completes "expected …".
    public enum Problem: Error, Equatable, Sendable {
        case empty
        case thousandsSeparator
        case notANumber
        case negative

        public var expected: String {
            switch self {
            case .empty: return "a number"
            case .thousandsSeparator: return "a number without thousands separators (e.g. 1234,5)"
            case .notANumber: return "a number such as 8,5 or 8.5"
            case .negative: return "a number ≥ 0"
            }
        }
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// A non-negative decimal number, built from its digits, exactly.
    public static func points(_ text: String) -> Result<Points, Problem> {
        let s = text.trimmedSpaces
        guard !s.isEmpty else { return .failure(.empty) }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var separators = 0
        var sawSeparator = false
        var leadingSign = false
        for (i, b) in s.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if sawSeparator { fraction += 1 }
                if digits <= 18 { mantissa = mantissa * 10 + UInt64(b - UInt8(ascii: "0")) }
            case UInt8(ascii: ","), UInt8(ascii: "."):
                separators += 1
                sawSeparator = true
                if digits == 0 { return .failure(separators > 1 ? .thousandsSeparator : .notANumber) }
            case UInt8(ascii: "-") where i == 0: return .failure(.negative)
            case UInt8(ascii: "+") where i == 0: leadingSign = true
            default: return .failure(.notANumber)
            }
        }
        guard digits > 0 else { return .failure(.notANumber) }
        if separators > 1 { return .failure(.thousandsSeparator) }
        if sawSeparator && fraction == 0 { return .failure(.notANumber) }
        if digits > 18 {
            let normal = String(s.dropFirst(leadingSign ? 1 : 0)).replacingOccurrences(of: ",", with: ".")
            return Decimal(string: normal, locale: posix).map { .success(Points($0)) } ?? .failure(.notANumber)
        }
        return .success(Points(significand: Int128(mantissa), scale: fraction))
    }

    /// A ratio `0–1` (`0,8384`) or a percentage (`83,84%`), as a fraction of 1.
    public static func ratio(_ text: String) -> Result<Points, Problem> {
        var s = text.trimmedSpaces
        let percent = s.hasSuffix("%")
        if percent { s = String(s.dropLast()).trimmedSpaces }
        return points(s).map { percent ? $0.shifted(by: 2) : $0 }
    }

    /// A positive whole number (ranks, years, counts).
    public static func positiveInteger(_ text: String) -> Int? {
        let s = text.trimmedSpaces
        guard !s.isEmpty, s.count <= 9, s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s), n > 0 else { return nil }
        return n
    }
}
