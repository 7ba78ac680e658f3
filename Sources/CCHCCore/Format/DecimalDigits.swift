import Foundation

/// A number's digits as a sign, a whole number and how many of its digits are decimals (7,26 is
/// `726` with 2 decimals), written out as documents, XML and JSON print numbers. A stack buffer
/// and integer division: formatting every score through `Decimal.description` was a tenth of a
/// national render (perf).
package struct DecimalDigits: Equatable {
    package var negative: Bool
    /// The value × 10^decimals.
    package var magnitude: UInt64
    package var decimals: Int

    package init(negative: Bool, magnitude: UInt64, decimals: Int) {
        self.negative = negative && magnitude != 0
        self.magnitude = magnitude
        self.decimals = decimals
    }

    /// Digits with `.` before the decimals and trailing zeros dropped: `7.25`, `8`, `-0.5`.
    package var plain: String { text(point: UInt8(ascii: "."), thousands: nil, minDecimals: 0) }

    /// The number written out: `point` before the decimals, `thousands` between groups of three
    /// integer digits, trailing zeros of the decimals dropped down to `minDecimals` (and zeros
    /// added up to it). Built in a stack buffer: no allocation but the string itself.
    package func text(point: UInt8, thousands: UInt8?, minDecimals: Int) -> String {
        let minDecimals = min(max(0, minDecimals), 18)
        let zero = UInt8(ascii: "0")
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            // Digits, least significant first, at least one more than the decimals.
            var count = 0
            var rest = magnitude
            repeat {
                buffer[count] = zero + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count <= decimals {
                buffer[count] = zero
                count += 1
            }
            var lowest = 0  // the lowest decimal kept
            while decimals - lowest > minDecimals && buffer[lowest] == zero { lowest += 1 }
            let padding = minDecimals - (decimals - lowest)
            let integerDigits = count - decimals
            var k = 32  // the text goes after the digits
            if negative {
                buffer[k] = UInt8(ascii: "-")
                k += 1
            }
            for j in 0..<integerDigits {
                if let thousands, j > 0, (integerDigits - j) % 3 == 0 {
                    buffer[k] = thousands
                    k += 1
                }
                buffer[k] = buffer[count - 1 - j]
                k += 1
            }
            if decimals - lowest + max(0, padding) > 0 {
                buffer[k] = point
                k += 1
                for j in stride(from: decimals - 1, through: lowest, by: -1) {
                    buffer[k] = buffer[j]
                    k += 1
                }
                for _ in 0..<max(0, padding) {
                    buffer[k] = zero
                    k += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[32..<k]), as: UTF8.self)
        }
    }

    /// The exact value of `points` in millionths, for sorting by integers; `nil` when it does
    /// not fit.
    package static func millionths(_ points: Points) -> Int64? {
        guard let (significand, scale) = points.fixed, scale <= 6 else { return nil }
        let (scaled, overflow) = significand.multipliedReportingOverflow(by: Int64(powers[6 - scale]))
        return overflow ? nil : scaled
    }

    /// 10⁰ … 10¹⁹, every power of ten a UInt64 holds.
    package static let powers: [UInt64] = (0...19).map { n in (0..<n).reduce(1) { p, _ in p * 10 } }
}
