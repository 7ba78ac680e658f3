import Foundation

/// Điểm: an exact number of points (a score, a max, a total, an index, a difference), the one
/// type every score is held and computed in; never a `Double`.
///
/// A value is a whole number of units of 10^-scale (`8,25` is 825 hundredths): its operators
/// are integer arithmetic (`Points+Arithmetic.swift`). A value with more than 18 significant
/// digits or decimals, which no score sheet produces but a hostile one may, is held as
/// Foundation's `Decimal` and computed by Foundation; `Points.Reference` is the plain Foundation
/// arithmetic, which PointsTests compares the operators with on every shape a score sheet makes.
public struct Points: Sendable {
    /// A value that fits: `significand` × 10^-`scale`, scale 0…18, no trailing zero after the
    /// point (so that equal values are equal fields); or a wider one as a `Decimal`.
    package enum Storage: Sendable {
        case fixed(significand: Int64, scale: Int8)
        case wide(Decimal)
    }

    package let storage: Storage

    package static let maxScale = 18

    private init(storage: Storage) { self.storage = storage }

    /// The value `significand` × 10^-`scale`, held fixed when it fits, as a `Decimal` otherwise.
    package init(significand: Int128, scale: Int) {
        var (significand, scale) = (significand, scale)
        while scale > 0 && significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        if scale < 0 {
            // A whole number × 10^k: fixed when the digits fit.
            let (product, overflow) = significand.multipliedReportingOverflow(by: Int128(Self.power(-scale) ?? 0))
            if !overflow, -scale <= 38, let small = Int64(exactly: product) {
                storage = .fixed(significand: small, scale: 0)
                return
            }
        } else if scale <= Self.maxScale, let small = Int64(exactly: significand) {
            storage = .fixed(significand: small, scale: Int8(scale))
            return
        }
        storage = .wide(Self.decimal(significand, scale: scale))
    }

    public init(_ decimal: Decimal) {
        if let (significand, scale) = Self.parts(of: decimal) {
            self.init(significand: significand, scale: scale)
        } else {
            self.init(storage: .wide(decimal))
        }
    }

    public init(_ value: Int) { self.init(significand: Int128(value), scale: 0) }

    /// `"8.25"`, `"-0.5"`, `"100"` (a `.` decimal point); `nil` when the text is not a number.
    public init?(_ text: String) {
        if let (significand, scale) = Self.parse(text) {
            self.init(significand: significand, scale: scale)
        } else if let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) {
            self.init(value)
        } else {
            return nil
        }
    }

    /// The value as Foundation's decimal (for a value held wide, and for tests).
    public var decimal: Decimal {
        switch storage {
        case .fixed(let significand, let scale): return Self.decimal(Int128(significand), scale: Int(scale))
        case .wide(let value): return value
        }
    }

    /// The fixed value, `nil` for a wide one.
    package var fixed: (significand: Int64, scale: Int)? {
        if case .fixed(let significand, let scale) = storage { return (significand, Int(scale)) }
        return nil
    }

    /// 10^n for n in 0…38, `nil` beyond.
    package static func power(_ n: Int) -> Int128? {
        guard (0...38).contains(n) else { return nil }
        return (0..<n).reduce(Int128(1)) { p, _ in p * 10 }
    }
}

extension Points: Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public init(integerLiteral value: Int) { self.init(value) }

    /// The value exactly, with `.` and no trailing zero after it: `8.25`, `8`, `-0.5`.
    public var description: String {
        switch storage {
        case .fixed(let significand, let scale):
            return DecimalDigits(
                negative: significand < 0, magnitude: significand.magnitude, decimals: Int(scale)
            ).plain
        case .wide(let value): return value.description
        }
    }

    public static func == (a: Points, b: Points) -> Bool {
        switch (a.storage, b.storage) {
        case (.fixed(let x, let s), .fixed(let y, let t)): return x == y && s == t
        case (.wide(let x), .wide(let y)): return x == y
        default: return false  // a value that fits is always held fixed
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .fixed(let significand, let scale):
            hasher.combine(significand)
            hasher.combine(scale)
        case .wide(let value): hasher.combine(value)
        }
    }

    public static func < (a: Points, b: Points) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return a.decimal < b.decimal }
        return x < y
    }
}
