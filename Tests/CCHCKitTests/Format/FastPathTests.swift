import Foundation
import Testing

@testable import CCHCKit

/// The national-scale fast paths give exactly what the plain Foundation and String code gave.
@Suite struct FastPathTests {
    /// Decimals of every shape a score sheet produces: sums, differences, quotients, and values
    /// past the 64-bit fast path.
    private static let decimals: [Decimal] = {
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

    @Test func scoresFormatAsThroughFoundation() {
        for value in Self.decimals {
            for decimals in 0...4 {
                for minimum in [0, decimals] {
                    #expect(
                        VietnameseNumber.format(value, maxDecimals: decimals, minDecimals: minimum)
                            == VietnameseNumber.formatThroughFoundation(value, maxDecimals: decimals, minDecimals: minimum),
                        "\(value) at \(decimals) decimals")
                }
                #expect(VietnameseNumber.plain(value, decimals: decimals) == value.roundedHalfUp(decimals).description)
            }
            #expect(VietnameseNumber.plain(value) == value.description, "\(value)")
        }
    }

    private static func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }
    private static func bytes(_ p: Points) -> [UInt8] { bytes(p.decimal) }

    /// `Points`' sums of scores and of sums, as the criteria tree and the totals make them, and
    /// differences (lost points, Chênh lệch) give the very Decimal `Points.Reference` (Foundation)
    /// gives: the same value and bytes.
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
    /// comparisons with a max agree with Foundation, bytes included.
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
    /// division and rounding, bytes included, on halves, repeating quotients and large values.
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
        #expect(Decimal.fastPercent(Decimal(string: "123456789012345678901234567890.5")!, of: 7, scale: 2) == nil)
        #expect(Points.percent(5, of: 0, scale: 2) == nil && Points.Reference.percent(5, of: 0, scale: 2) == nil)
    }

    @Test func quickCheckPassesOnlyWhatNFCLeavesAlone() {
        let samples = [
            "Sở Nội vụ tỉnh An Giang; Đạt, Ưu, Ơn, ĩ, ỹ, Ỵ", "plain ASCII, 1,5", "Nguye\u{0302}\u{0303}n (NFD)",
            "Ångström \u{212B}", "漢字", "café\u{0301}", "\u{1E9B}\u{0323}", "",
        ]
        for text in samples {
            let bytes = Array(text.utf8)[...]
            let normalised = text.precomposedStringWithCanonicalMapping
            if TextDecoder.isNFCByQuickCheck(bytes) {
                #expect(Array(normalised.utf8) == Array(text.utf8), "\(text) passed the quick check but NFC changes it")
            }
        }
        #expect(TextDecoder.isNFCByQuickCheck(Array("Sở Nội vụ; Điểm đạt: 8,25".utf8)[...]))
        #expect(!TextDecoder.isNFCByQuickCheck(Array("Nguye\u{0302}\u{0303}n".utf8)[...]))
    }

    @Test(arguments: [
        ("Báo cáo số 1/BC-UBND ngày 15/12/2025; Kế hoạch số 3/KH-UBND", 25),
        ("Số:      /BC-X1", 8), ("    Tổng điểm tự đánh giá", 10), ("một\n\nhai ba bốn", 4),
        ("Siêu-dài-không-có-khoảng-trắng-nào", 7), ("a  b   ", 3), ("", 5), ("漢字漢字漢字", 5),
    ])
    func wrappingKeepsItsRules(text: String, width: Int) {
        let lines = TextWrap.wrap(text, width: width)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width || $0.count == 1 }, "\(lines)")
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") }, "\(lines)")
        // Nothing is lost: the words come back in order.
        let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined() }
        #expect(words(lines.joined(separator: " ")) == words(text))
    }

    @Test func wrappingMatchesTheWordRule() {
        #expect(
            TextWrap.wrap("Tiêu chí 1.1 về thực hiện nhiệm vụ cải cách hành chính", width: 26) == [
                "Tiêu chí 1.1 về thực hiện", "nhiệm vụ cải cách hành", "chính",
            ])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("    thụt đầu dòng", width: 12) == ["    thụt đầu", "dòng"])
        #expect(TextWrap.wrap("Nguye\u{0302}\u{0303}nn", width: 5) == ["Nguye\u{0302}\u{0303}", "nn"])
    }

    @Test func parallelMapKeepsIndexOrder() {
        #expect(Parallel.map(10_001) { $0 * 3 } == (0..<10_001).map { $0 * 3 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { "x\($0)" } == ["x0"])
        // Items of very different lengths (handed out one at a time) still come back in order.
        let uneven = Parallel.map(200) { i in (0..<(i % 7 == 0 ? 20_000 : 10)).reduce(i) { $0 &+ $1 } }
        #expect(uneven == (0..<200).map { i in (0..<(i % 7 == 0 ? 20_000 : 10)).reduce(i) { $0 &+ $1 } })
    }

    /// Two different pieces of work (scores.csv beside the other files) come back each in its
    /// place, whichever finishes first.
    @Test func bothReturnsEachResultInItsPlace() {
        let (long, short) = Parallel.both(
            { (0..<200_000).reduce(0) { $0 &+ $1 } },
            { "survey" })
        #expect(long == 19_999_900_000)
        #expect(short == "survey")
        let (text, number) = Parallel.both({ "scores" }, { (0..<200_000).reduce(1) { $0 &+ $1 } })
        #expect(text == "scores")
        #expect(number == 19_999_900_001)
    }

    /// Background work (results.json while documents render) is done when `wait` returns, and
    /// its error reaches the caller.
    @Test func backgroundWorkIsAwaitedAndItsErrorRethrown() throws {
        let done = Background {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bg-\(getpid())")
            try Data("ok".utf8).write(to: url)
            try FileManager.default.removeItem(at: url)
        }
        try done.wait()
        struct Failure: Error {}
        let failing = Background { throw Failure() }
        #expect(throws: Failure.self) { try failing.wait() }
    }
}
