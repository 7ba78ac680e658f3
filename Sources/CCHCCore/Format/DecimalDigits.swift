import Foundation

/// A Decimal rounded half-up to a number of decimals, as a sign and a whole number of those
/// decimals: 7,255 at 2 decimals is `725` hundredths (rounded 7,26 → `726`).
///
/// Formatting every score through `Decimal.description` and `NSDecimalRound` was a tenth of a
/// national render (perf): both divide the 128-bit mantissa digit by digit. Here a mantissa that
/// fits in 64 bits is read from the Decimal's memory and rounded with integer arithmetic.
/// The layout is that of `NSDecimal` (exponent byte; length, sign and compact bits; 8 × 16-bit
/// mantissa); it is checked once against known values, and any value or platform the fast path
/// does not cover goes through Foundation instead, with the same result.
package struct DecimalDigits: Equatable {
    package var negative: Bool
    /// The value × 10^decimals, rounded half-up (away from zero).
    package var magnitude: UInt64
    package var decimals: Int

    package init(negative: Bool, magnitude: UInt64, decimals: Int) {
        self.negative = negative && magnitude != 0
        self.magnitude = magnitude
        self.decimals = decimals
    }

    /// `value` rounded half-up to `scale` decimals (0…18); `nil` when it does not fit in 64 bits.
    package init?(_ value: Decimal, roundedTo scale: Int) {
        guard (0...18).contains(scale), let raw = Self.raw(value) else { return nil }
        var mantissa = raw.mantissa
        var exponent = raw.exponent
        if exponent > 0 {
            guard exponent <= 19 else { return nil }
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: Self.powers[exponent])
            guard !overflow else { return nil }
            (mantissa, exponent) = (product, 0)
        }
        if -exponent > scale {
            let drop = -exponent - scale
            if drop > 19 {
                mantissa = 0  // below 10^-scale / 2: a 64-bit mantissa is < 10^20
            } else {
                let divisor = Self.powers[drop]
                let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
                mantissa = quotient + (remainder >= divisor - remainder ? 1 : 0)
            }
            exponent = -scale
        }
        self.init(negative: raw.negative, magnitude: mantissa, decimals: -exponent)
    }

    /// `value` exactly, when its mantissa fits in 64 bits and it has at most 18 decimals.
    package init?(exactly value: Decimal) {
        guard let raw = Self.raw(value), raw.exponent >= -18 else { return nil }
        self.init(value, roundedTo: max(0, -raw.exponent))
    }

    /// Digits with `.` before the decimals and trailing zeros dropped, as `Decimal.description`
    /// prints the rounded value: `7.25`, `8`, `-0.5`.
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

    /// The exact value in millionths, for sorting by integers; `nil` when it does not fit.
    package static func millionths(_ value: Decimal) -> Int64? {
        guard let digits = DecimalDigits(exactly: value), digits.decimals <= 6 else { return nil }
        let (scaled, overflow) = digits.magnitude.multipliedReportingOverflow(by: powers[6 - digits.decimals])
        guard !overflow, scaled <= UInt64(Int64.max) else { return nil }
        return digits.negative ? -Int64(scaled) : Int64(scaled)
    }

    /// 10⁰ … 10¹⁹, every power of ten a UInt64 holds.
    package static let powers: [UInt64] = (0...19).map { n in (0..<n).reduce(1) { p, _ in p * 10 } }

    /// A Decimal's sign, exponent and (64-bit) mantissa: value = ±mantissa × 10^exponent.
    package struct Raw: Equatable {
        package var negative: Bool
        package var exponent: Int
        package var mantissa: UInt64
    }

    /// Sign, exponent and a mantissa of at most four 16-bit words; `nil` for NaN or a longer one,
    /// or when this Foundation lays Decimal out otherwise.
    package static func raw(_ value: Decimal) -> Raw? {
        guard layoutIsKnown else { return nil }
        return rawBytes(value)
    }

    /// The Decimal Foundation's arithmetic returns for `raw`: trailing zeros moved into the
    /// exponent and marked compact, zero as all-zero bytes. `nil` when the exponent does not fit
    /// or the layout is not the known one.
    package static func decimal(_ raw: Raw) -> Decimal? {
        guard layoutIsKnown else { return nil }
        return makeDecimal(raw)
    }

    private static func makeDecimal(_ raw: Raw) -> Decimal? {
        var (mantissa, exponent) = (raw.mantissa, raw.exponent)
        var value = Decimal()
        guard mantissa != 0 else { return value }
        while mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard (-128...127).contains(exponent) else { return nil }
        let length = (64 - mantissa.leadingZeroBitCount + 15) / 16
        withUnsafeMutableBytes(of: &value) { bytes in
            bytes[0] = UInt8(bitPattern: Int8(exponent))
            bytes[1] = UInt8(length << 4) | (raw.negative ? 0x08 : 0) | 0x04
            for word in 0..<length {
                bytes[4 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * UInt64(word)))
                bytes[5 + 2 * word] = UInt8(truncatingIfNeeded: mantissa >> (16 * UInt64(word) + 8))
            }
        }
        return value
    }

    private static func rawBytes(_ value: Decimal) -> Raw? {
        withUnsafeBytes(of: value) { bytes -> Raw? in
            guard bytes.count == 20 else { return nil }
            let flags = bytes[1]
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : Raw(negative: false, exponent: 0, mantissa: 0) }
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in 0..<length {
                mantissa |= (UInt64(bytes[4 + 2 * word]) | UInt64(bytes[5 + 2 * word]) << 8) << (16 * UInt64(word))
            }
            return Raw(negative: negative, exponent: Int(Int8(bitPattern: bytes[0])), mantissa: mantissa)
        }
    }

    /// Whether this Foundation lays Decimal out as expected, checked on values of every shape.
    private static let layoutIsKnown: Bool = {
        let samples: [(String, Raw)] = [
            ("-1.25", Raw(negative: true, exponent: -2, mantissa: 125)),
            ("1500", Raw(negative: false, exponent: 2, mantissa: 15)),
            ("4294967296.5", Raw(negative: false, exponent: -1, mantissa: 42_949_672_965)),
            ("0", Raw(negative: false, exponent: 0, mantissa: 0)),
        ]
        func sameBytes(_ a: Decimal, _ b: Decimal) -> Bool {
            withUnsafeBytes(of: a) { a in withUnsafeBytes(of: b) { b in a.elementsEqual(b) } }
        }
        return samples.allSatisfy { text, expected in
            guard let value = Decimal(string: text), rawBytes(value) == expected, let made = makeDecimal(expected) else {
                return false
            }
            return sameBytes(made, value)
        } && rawBytes(Decimal(string: "123456789012345678901234567890")!) == nil && rawBytes(Decimal.nan) == nil
    }()
}
