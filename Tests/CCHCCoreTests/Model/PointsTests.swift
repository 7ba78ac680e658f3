import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// `Points`' operators (integers on the fixed values) give exactly what `Points.Reference`
/// (Foundation's Decimal arithmetic) gives: the same value, printed the same.
@Suite struct PointsTests {
    private static let decimals = ScoreShapes.decimals

    /// The value and its text, which every output prints.
    private static func bytes(_ p: Points) -> String { "\(p.decimal) \(p.description)" }

    /// `Points`' sums of scores and of sums, as the criteria tree and the totals make them, and
    /// differences (lost points, Chênh lệch) give the value `Points.Reference` (Foundation) gives.
    @Test func sumsAreFoundationsSums() {
        var generator = SplitMix(seed: 20_261_124)
        var checked = 0
        for a in Self.decimals.prefix(2000) {
            let b = Self.decimals[Int(generator.next() % UInt64(Self.decimals.count))]
            for (x, y) in [(a, b), (b, a), (a, a), (a, 0), (0, a), (a, -a)].map({ (Points($0), Points($1)) }) {
                #expect(Self.bytes(x + y) == Self.bytes(Points.Reference.sum(x, y)), "\(x) + \(y)")
                #expect(Self.bytes(x - y) == Self.bytes(Points.Reference.difference(x, y)), "\(x) - \(y)")
                checked += 1
            }
        }
        var total: Points = 0
        var foundation: Points = 0
        for i in 0..<5000 {
            let score = Points(Decimal(Int(generator.next() % 1000)) / (i % 2 == 0 ? 4 : 100))
            total += score
            foundation = Points.Reference.sum(foundation, score)
        }
        #expect(Self.bytes(total) == Self.bytes(foundation))
        #expect(checked == 12_000)
    }

    /// Products (a survey ratio × the criterion's max), percentages made fractions and
    /// comparisons with a max agree with Foundation.
    @Test func productsShiftsAndComparisonsAreFoundations() {
        var generator = SplitMix(seed: 48)
        for a in Self.decimals.prefix(3000).map(Points.init) {
            let b = Points(Self.decimals[Int(generator.next() % UInt64(Self.decimals.count))])
            #expect(Self.bytes(a * b) == Self.bytes(Points.Reference.product(a, b)), "\(a) × \(b)")
            #expect((a < b) == Points.Reference.less(a, b), "\(a) < \(b)")
            #expect((b < a) == Points.Reference.less(b, a), "\(b) < \(a)")
            #expect(!(a < a))
            #expect(Self.bytes(a.shifted(by: 2)) == Self.bytes(Points.Reference.shifted(a, by: 2)), "\(a) / 100")
        }
        #expect(Points("0.5")! > -1 && !(Points(-1) > 0) && !(Points(0) > Points("-0")!))
    }

    /// Indexes (part / whole × 100, rounded half-up) through integers equal Foundation's
    /// division and rounding, on halves, repeating quotients and large values.
    @Test func percentagesAreFoundationsPercentages() {
        var generator = SplitMix(seed: 3321)
        var cases: [(Decimal, Decimal)] = [("70.95", "97"), ("45.5", "64.5"), ("0", "12"), ("1", "3"), ("2", "3"), ("1", "8")]
            .map { (Decimal(string: $0.0)!, Decimal(string: $0.1)!) }
        for _ in 0..<6000 {
            let whole = Decimal(Int(generator.next() % 20_000) + 1) / (generator.next() % 2 == 0 ? 4 : 100)
            let part = Decimal(Int(generator.next() % 20_000)) / 100
            cases.append((part, whole))
            cases.append((whole, whole))
        }
        cases.append((Decimal(string: "123456789012345678901234567890.5")!, 7))
        for (part, whole) in cases {
            for scale in [0, 1, 2, 3] {
                let foundation = Points.Reference.percent(Points(part), of: Points(whole), scale: scale)
                let fast = Points.percent(Points(part), of: Points(whole), scale: scale)
                #expect(fast.map(Self.bytes) == foundation.map(Self.bytes), "\(part) / \(whole) at \(scale)")
            }
        }
        #expect(Points(Decimal(string: "123456789012345678901234567890.5")!).fixed == nil)
        #expect(Points.percent(5, of: 0, scale: 2) == nil && Points.Reference.percent(5, of: 0, scale: 2) == nil)
    }

    /// Rounding half-up and averages (a value / a count, rounded) equal Foundation's, negative
    /// values and halves included.
    @Test func roundingAndAveragesAreFoundations() {
        var generator = SplitMix(seed: 2026)
        for value in Self.decimals.prefix(3000).map(Points.init) {
            for scale in [0, 1, 2, 3] {
                #expect(Self.bytes(value.roundedHalfUp(scale)) == Self.bytes(Points.Reference.roundedHalfUp(value, scale)))
                let negative = Points(0) - value
                #expect(Self.bytes(negative.roundedHalfUp(scale)) == Self.bytes(Points.Reference.roundedHalfUp(negative, scale)))
                let count = Int(generator.next() % 40) + 1
                #expect(
                    Self.bytes(value.divided(by: count, roundedTo: scale))
                        == Self.bytes(Points.Reference.divided(value, by: count, roundedTo: scale)), "\(value) / \(count)")
            }
        }
        #expect(Points("8.25")!.roundedHalfUp(1) == Points("8.3")! && Points("-8.25")!.roundedHalfUp(1) == Points("-8.3")!)
    }

    /// One value, one representation: trailing zeros do not make another value, another hash or
    /// another text; a value too wide for 64 bits is held by Foundation and still computes.
    @Test func equalValuesAreEqualAndWideValuesWork() {
        #expect(Points("8.50")! == Points("8.5")! && Points("8.50")!.hashValue == Points("8.5")!.hashValue)
        #expect(Points("100")! == Points(100) && Points("100.000")!.description == "100")
        #expect(Points("-0")! == 0 && Points("-0.0")!.description == "0")
        #expect(Points(Decimal(string: "1.25")!) == Points("1.25")!)
        let wide = Points("123456789012345678901234567890.5")!
        #expect(wide.fixed == nil && wide.description == "123456789012345678901234567890.5")
        #expect((wide - wide) == 0 && (wide - wide).fixed != nil)
        #expect(Self.bytes(wide + 1) == Self.bytes(Points.Reference.sum(wide, 1)))
        #expect(wide > Points("99999999999999999")! && Points(1) < wide)
        let tiny = Points("0.0000000000000000000001")!  // 22 decimals: wider than 18
        #expect(tiny.fixed == nil && tiny > 0 && Self.bytes(tiny * 1000) == Self.bytes(Points.Reference.product(tiny, 1000)))
        #expect(Points("1.5e2") == Points(150) && Points("abc") == nil)
    }
}
