import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCompute
@testable import CCHCCore

@Suite struct RankingTests {
    struct Item {
        var name: String
        var index: Points?
    }

    private func ranks(_ items: [Item]) -> [(String, Int?)] {
        Ranking.rank(items, index: \.index, name: \.name, id: \.name).map { ($0.item.name, $0.rank) }
    }

    @Test func equalIndexesShareARankAndTheNextSkips() {
        let r = ranks([
            Item(name: "A", index: 90), Item(name: "B", index: 85), Item(name: "C", index: 85), Item(name: "D", index: 80),
        ])
        #expect(r.map(\.1) == [1, 2, 2, 4])
    }

    @Test func tiesAreListedInVietnameseOrder() {
        let names = ["Đạt", "Dũng", "Ân", "Ăn", "Ánh", "Bình", "Anh"]
        let r = ranks(names.map { Item(name: $0, index: 50) })
        #expect(r.map(\.0) == ["Anh", "Ánh", "Ăn", "Ân", "Bình", "Dũng", "Đạt"])
        #expect(Set(r.compactMap(\.1)) == [1])
    }

    /// The ranking on integer keys (millionths) and on `Points` (when one index does not fit)
    /// gives the ranks the plain rule gives: 1 + the number of items with a higher index.
    @Test(arguments: [false, true])
    func integerKeysRankAsThePlainRule(withAnIndexBeyondMillionths: Bool) {
        var generator = SplitMix(seed: withAnIndexBeyondMillionths ? 7 : 3321)
        var items = (0..<400).map { i in
            Item(
                name: "U\(i)",
                index: i % 37 == 0 ? nil : Points(Decimal(Int(generator.next() % 2_000)) / 20))
        }
        if withAnIndexBeyondMillionths { items.append(Item(name: "Z", index: Points("50.0000001")!)) }
        let ranked = ranks(items)
        for (name, rank) in ranked {
            let item = items.first { $0.name == name }!
            let higher = items.filter { other in
                guard let a = other.index, let b = item.index else { return false }
                return Points.Reference.less(b, a)
            }.count
            #expect(rank == (item.index == nil ? nil : higher + 1), "\(name)")
        }
        #expect(ranked.count == items.count)
    }

    @Test func unitsWithoutAnIndexComeLastWithoutRank() {
        let r = ranks([Item(name: "X", index: nil), Item(name: "Y", index: 10)])
        #expect(r.map(\.0) == ["Y", "X"])
        #expect(r.map(\.1) == [1, nil])
    }

    @Test func tiesMadeByRoundingShareARank() throws {
        // 66,666…% and 66,67% both round to 66,67 at two decimals.
        let a = try #require(Points.percent(2, of: 3, scale: 2))
        let b = try #require(Points.percent(Points("66.67")!, of: 100, scale: 2))
        #expect(a == b)
        let r = ranks([Item(name: "Sở Y tế", index: a), Item(name: "Sở Công Thương", index: b)])
        #expect(r.map(\.1) == [1, 1])
        #expect(r.map(\.0) == ["Sở Công Thương", "Sở Y tế"])
    }

    @Test(arguments: [("90", "A"), ("89.99", "B"), ("80", "B"), ("79.99", "C"), ("70", "C"), ("69.99", "D"), ("0", "D")])
    func nationalBands(index: String, band: String) {
        let c = BandClassifier(settings: nil)
        #expect(c.band(Points(index), group: "g") == band)
    }

    @Test func groupBandsOverrideTheDefault() {
        let settings = BandSettings(
            default: [Band(name: "Tốt", min: 85), Band(name: "Khá", min: 0)],
            groups: [GroupBands(group: "Xã", bands: [Band(name: "Đạt", min: 50), Band(name: "Chưa đạt", min: 0)])])
        let c = BandClassifier(settings: settings)
        #expect(c.band(86, group: "Sở") == "Tốt")
        #expect(c.band(60, group: "Xã") == "Đạt")
    }
}
