import Foundation

/// How a stored cell value becomes the text the officer typed or saw (README, "Preparing your own data"): numbers as the
/// shortest decimal that reads back to Excel's binary value, dates as `dd/mm/yyyy`.
package enum ExcelValue {
    /// `95.319999999999993` → `95.32`; `3` → `3`; `1E-05` → `0.00001`. The stored text names one
    /// binary double; its shortest round-trip form is what Excel displays. Only parsing and
    /// printing touch binary floating point: no arithmetic does. `nil` when it is not a number.
    package static func number(_ stored: String) -> String? {
        plainNumber(stored) ?? shortestOfDouble(stored)
    }

    /// The fast path of `number`: a plain decimal (no exponent) of at most 15 digits, in its
    /// shortest spelling, is already the shortest form of its double (two such decimals differ by
    /// more than the spacing of doubles), as most stored numbers are. `nil` for anything else,
    /// which `shortestOfDouble`, the reference, reads. `WorkbookFastPathTests` compares the two.
    package static func plainNumber(_ stored: String) -> String? { isCanonical(stored) ? stored : nil }

    /// Whether `text` is a plain decimal already in its shortest form, as most stored numbers
    /// are (`95.32`, `7`, `-0.5`): at most 15 digits, no leading zero but the one before a point,
    /// no trailing zero after it.
    package static func isCanonical(_ text: String) -> Bool {
        var digits = 0
        var point = false
        var previous: UInt8 = 0
        var first = true
        var leadingZero = false
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "-") where first: break
            case UInt8(ascii: "."):
                guard !point, digits > 0 else { return false }
                point = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits == 0 && c == UInt8(ascii: "0") { leadingZero = true } else if leadingZero && !point { return false }
                digits += 1
            default: return false
            }
            first = false
            previous = c
        }
        guard digits > 0, digits <= 15, previous != UInt8(ascii: ".") else { return false }
        if point && previous == UInt8(ascii: "0") { return false }
        return text != "-0" && !(text.hasPrefix("-") && leadingZero && !point)
    }

    /// The reference of `number`: the double the text names, printed as its shortest
    /// round-trip decimal.
    package static func shortestOfDouble(_ stored: String) -> String? {
        guard let double = Double(stored), double.isFinite else { return nil }
        var shortest = double.description  // shortest round trip, e.g. "95.32", "3.0", "1e-05"
        if shortest.hasSuffix(".0") { shortest.removeLast(2) }
        if shortest == "-0" { return "0" }
        guard shortest.contains("e") else { return shortest }
        return Decimal(string: shortest, locale: Locale(identifier: "en_US_POSIX")).map { "\($0)" }
    }

    /// Excel's escapes for characters XML cannot hold (`_x000D_` = carriage return,
    /// `_x005F_` = an underscore that would otherwise start an escape) turned back into text.
    package static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// Why a date serial cannot be a date, or the date as Vietnamese write it (`05/06/2019`),
    /// with the time when it has one (`05/06/2019 14:30`).
    package static func date(_ stored: String, date1904: Bool) -> Result<String, DateProblem> {
        // 2958465 is 31/12/9999, Excel's last date; a larger serial is no date Excel shows.
        guard let serial = Decimal(string: stored, locale: Locale(identifier: "en_US_POSIX")), serial >= 0,
            serial < 2_958_466
        else {
            return .failure(.notASerial(stored))
        }
        var whole = Decimal()
        var copy = serial
        NSDecimalRound(&whole, &copy, 0, .down)
        let day = NSDecimalNumber(decimal: whole).intValue
        // 1900 system: serial 1 is 01/01/1900, and 60 is 29/02/1900, a day that never was
        // (Lotus 1-2-3's leap-year mistake, kept by Excel).
        if !date1904 && day == 60 { return .failure(.nonExistent1900) }
        let daysFromEpoch: Int  // days since 01/01/1970
        if date1904 {
            daysFromEpoch = day - 24_107  // 01/01/1904 is day 0
        } else {
            daysFromEpoch = day - (day < 60 ? 25_568 : 25_569)  // 30/12/1899 is day 0 from 61 on
        }
        let (y, m, d) = civil(daysFromEpoch)
        var text = String(format: "%02d/%02d/%04d", d, m, y)
        let fraction = serial - whole
        if fraction > 0 {
            var minutes = Decimal()
            var scaled = fraction * 1440
            NSDecimalRound(&minutes, &scaled, 0, .plain)
            let total = NSDecimalNumber(decimal: minutes).intValue
            text += String(format: " %02d:%02d", total / 60 % 24, total % 60)
        }
        return .success(text)
    }

    /// Why a date cell could not be read.
    package enum DateProblem: Error, Equatable {
        case nonExistent1900
        case notASerial(String)
    }

    /// The proleptic Gregorian date of a day counted from 01/01/1970 (H. Hinnant's algorithm).
    package static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Whether an Excel number format shows a date or time: the built-in date formats, or a
    /// format code with d, m, y, h or s outside quotes, brackets and escapes. LibreOffice's
    /// `General` (id 164) is not one.
    package static func isDateFormat(id: Int, code: String?) -> Bool {
        if (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id) {
            return true
        }
        guard let code, id >= 164 else { return false }
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for ch in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case ";" where !inQuotes && !inBrackets: return false  // judged by its first section
            case _ where !inQuotes && !inBrackets && "dmyhs".contains(ch): return true
            default: break
            }
        }
        return false
    }
}
