import Foundation

/// A calendar date from plan.yaml (`2023-03-22`), printed the NĐ30 way.
public struct PlanDate: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...PlanDate.days(in: m, of: y)).contains(d)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// As plan.yaml and XML write it: `2023-03-22`.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    package static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
