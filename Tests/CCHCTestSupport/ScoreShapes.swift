import CCHCCore
import Foundation

/// Decimals of every shape a score sheet produces, for the tests that compare a fast path with
/// Foundation.
package enum ScoreShapes {
    /// Sums, differences, quotients, and values past the 64-bit fast path.
    package static let decimals: [Decimal] = {
        var generator = SplitMix(seed: 20_251_124)
        var values: [Decimal] = ["0", "-0.005", "2.675", "8.25", "8.35", "-8.25", "0.125", "999999.995", "1e-20", "1e25"]
            .map { Decimal(string: $0)! }
        values.append(Decimal(string: "123456789012345678901234567890.5")!)
        for _ in 0..<3000 {
            let a = Decimal(Int(generator.next() % 20_000)) / 100 - 50
            let b = Decimal(Int(generator.next() % 997) + 1) / Decimal(Int(generator.next() % 30) + 1)
            values += [a, a + b, a - b, a * b, b / 7]
        }
        return values
    }()
}
