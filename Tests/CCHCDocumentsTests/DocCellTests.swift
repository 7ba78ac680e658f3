import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCDocuments

/// A table cell carries what a writer needs besides its text: the value rounded as printed, the
/// exact value, the max, and what kind of number it is (a workbook keeps numbers as numbers).
@Suite struct DocCellTests {
    @Test func aScoreIsPrintedRoundedAndKeptExact() {
        let cell = DocCell.number(Points("46.4249")!, decimals: 2, minDecimals: 2, max: 100)
        #expect(cell.text == "46,42" && cell.value == "46.42" && cell.exact == "46.4249" && cell.max == "100")
        #expect(cell.numeric && cell.kind == .decimal(places: 2))
        let none = DocCell.number(nil, decimals: 2)
        #expect(none.text == "-" && none.value == nil && none.kind == .decimal(places: 2))
    }

    @Test func wholeNumbersAndChangesOfRank() {
        #expect(DocCell.integer(3321).text == "3.321" && DocCell.integer(3321).value == "3321")
        #expect(DocCell.integer(nil).text == "-" && DocCell.integer(nil).kind == .integer)
        let fell = DocCell.rankChange(-2)
        #expect(fell.text == "giảm 2 bậc" && fell.value == "-2" && !fell.numeric && fell.kind == .rankChange)
        #expect(DocCell.rankChange(3).text == "tăng 3 bậc" && DocCell.rankChange(0).text == "giữ nguyên thứ hạng")
        #expect(DocCell.rankChange(nil).text == "" && DocCell.rankChange(nil).value == nil)
        #expect(RankChange.arrow(3) == "▲ 3" && RankChange.arrow(-2) == "▼ 2" && RankChange.arrow(0) == "=")
    }

    @Test func textIsText() {
        let cell = DocCell.text("Sở Tư pháp")
        #expect(cell.kind == .text && cell.value == nil && !cell.numeric)
    }
}
