import Foundation

/// Điểm: an exact number of points (a score, a max, a total, an index, a difference), the one
/// type every score is held and computed in; never a `Double`.
///
/// Its operators are the only arithmetic on scores. They go through 64-bit integers when both
/// values fit (`Points+FastPath.swift`) and through Foundation's `Decimal` otherwise, and give the
/// very value Foundation gives, bytes included: `Points.Reference` is the plain Foundation
/// arithmetic, which PointsTests compares them with on every shape a score sheet produces.
public struct Points: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The value as Foundation's decimal, for formatting and JSON.
    public let decimal: Decimal

    public init(_ decimal: Decimal) { self.decimal = decimal }
    public init(_ value: Int) { decimal = Decimal(value) }
    public init(integerLiteral value: Int) { decimal = Decimal(value) }

    /// `"8.25"` (a `.` decimal point); `nil` when the text is not a number.
    public init?(_ text: String) {
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        decimal = value
    }

    /// The value exactly, with `.`: `8.25`.
    public var description: String { decimal.description }

    public static func + (a: Points, b: Points) -> Points { Points(a.decimal.plus(b.decimal)) }
    public static func - (a: Points, b: Points) -> Points { Points(a.decimal.minus(b.decimal)) }
    public static func * (a: Points, b: Points) -> Points { Points(a.decimal.times(b.decimal)) }
    public static func += (a: inout Points, b: Points) { a = a + b }
    public static func < (a: Points, b: Points) -> Bool { b.decimal.exceeds(a.decimal) }
    public static func == (a: Points, b: Points) -> Bool { a.decimal == b.decimal }
    public func hash(into hasher: inout Hasher) { hasher.combine(decimal) }

    /// `self / 10^places`, exactly (a percentage to a fraction: `83,84` → `0,8384`).
    public func shifted(by places: Int) -> Points { Points(decimal.shifted(by: places)) }

    /// Rounded half-up (away from zero at .5), as official scores are: 8,25 → 8,3.
    public func roundedHalfUp(_ scale: Int) -> Points { Points(decimal.roundedHalfUp(scale)) }

    /// `part / whole × 100`, rounded half-up at `scale`; `nil` when nothing applies (whole is 0).
    public static func percent(_ part: Points, of whole: Points, scale: Int) -> Points? {
        Decimal.percent(part.decimal, of: whole.decimal, scale: scale).map(Points.init)
    }

    /// `self / count`, rounded half-up at `scale` (an average of `count` values).
    public func divided(by count: Int, roundedTo scale: Int) -> Points {
        Points((decimal / Decimal(count)).roundedHalfUp(scale))
    }

    /// The same arithmetic through Foundation alone, which the fast operators must equal.
    public enum Reference {
        public static func sum(_ a: Points, _ b: Points) -> Points { Points(a.decimal + b.decimal) }
        public static func difference(_ a: Points, _ b: Points) -> Points { Points(a.decimal - b.decimal) }
        public static func product(_ a: Points, _ b: Points) -> Points { Points(a.decimal * b.decimal) }
        public static func less(_ a: Points, _ b: Points) -> Bool { a.decimal < b.decimal }
        public static func shifted(_ a: Points, by places: Int) -> Points { Points(a.decimal / pow(10, places)) }
        public static func percent(_ part: Points, of whole: Points, scale: Int) -> Points? {
            guard whole.decimal > 0 else { return nil }
            return Points((part.decimal * 100 / whole.decimal).roundedHalfUp(scale))
        }
    }
}
