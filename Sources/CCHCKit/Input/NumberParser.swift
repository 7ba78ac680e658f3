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

    /// A non-negative decimal number.
    public static func decimal(_ text: String) -> Result<Decimal, Problem> {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return .failure(.empty) }
        var digits = 0, separators = 0, sawComma = false, sawPoint = false
        for (i, c) in s.unicodeScalars.enumerated() {
            switch c {
            case "0"..."9": digits += 1
            case ",": separators += 1; sawComma = true
            case ".": separators += 1; sawPoint = true
            case "-" where i == 0: return .failure(.negative)
            case "+" where i == 0: continue
            default: return .failure(.notANumber)
            }
        }
        guard digits > 0 else { return .failure(.notANumber) }
        if separators > 1 { return .failure(sawComma && sawPoint || separators > 1 ? .thousandsSeparator : .notANumber) }
        let normal = s.replacingOccurrences(of: ",", with: ".")
        if normal.hasPrefix(".") || normal.hasSuffix(".") { return .failure(.notANumber) }
        guard let value = Decimal(string: normal, locale: posix) else { return .failure(.notANumber) }
        return .success(value)
    }

    /// A ratio `0–1` (`0,8384`) or a percentage (`83,84%`), as a fraction of 1.
    public static func ratio(_ text: String) -> Result<Decimal, Problem> {
        var s = text.trimmingCharacters(in: .whitespaces)
        let percent = s.hasSuffix("%")
        if percent { s = String(s.dropLast()).trimmingCharacters(in: .whitespaces) }
        return decimal(s).map { percent ? $0 / 100 : $0 }
    }

    /// A positive whole number (ranks, years, counts).
    public static func positiveInteger(_ text: String) -> Int? {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.count <= 9, s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s), n > 0 else { return nil }
        return n
    }
}
