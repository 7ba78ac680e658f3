import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

@Suite struct RoundingAndFormatTests {
    private func d(_ s: String) -> Points { Points(s)! }

    @Test(arguments: [
        ("2.675", 2, "2,68"), ("8.25", 1, "8,3"), ("8.35", 1, "8,4"), ("1234567.891", 2, "1.234.567,89"),
        ("85.58", 2, "85,58"), ("66.5", 2, "66,5"), ("0.005", 2, "0,01"), ("100", 2, "100"), ("1000", 0, "1.000"),
    ])
    func halfUpAndVietnameseDigits(value: String, decimals: Int, expected: String) {
        #expect(VietnameseNumber.format(d(value), maxDecimals: decimals) == expected)
    }

    @Test func minimumDecimalsKeepTrailingZeros() {
        #expect(VietnameseNumber.format(d("82"), maxDecimals: 2, minDecimals: 2) == "82,00")
        #expect(VietnameseNumber.format(d("91.4"), maxDecimals: 2, minDecimals: 2) == "91,40")
    }

    @Test func integersGroupThousands() {
        #expect(VietnameseNumber.format(3321) == "3.321")
        #expect(VietnameseNumber.format(999) == "999")
    }

    @Test(arguments: [
        ("2019-06-05", "Hà Nam, ngày 05 tháng 6 năm 2019"), ("2023-03-22", "An Giang, ngày 22 tháng 3 năm 2023"),
        ("2023-01-09", "An Giang, ngày 09 tháng 01 năm 2023"), ("2023-02-28", "An Giang, ngày 28 tháng 02 năm 2023"),
    ])
    func nd30Dates(date: String, expected: String) throws {
        let place = expected.components(separatedBy: ",")[0]
        let planDate = try #require(PlanDate(date))
        #expect(VietnameseDate.placeAndDate(place, planDate, fallbackYear: 0) == expected)
    }

    @Test func invalidDatesAreRejected() {
        #expect(PlanDate("2023-02-30") == nil)
        #expect(PlanDate("22/3/2023") == nil)
        #expect(PlanDate("2024-02-29") != nil)
    }

    @Test func displayWidthCountsGraphemesAndWideCharacters() {
        #expect(DisplayWidth.of("Nguyễn") == 6)
        #expect(DisplayWidth.of("Nguye\u{0302}\u{0303}n") == 6)
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("👍") == 2)
    }

    @Test func textTableFitsAndAligns() {
        var t = TextTable([.init("Đơn vị"), .init("Điểm", .right)], maxWidth: 30)
        t.append(["Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang", "95,3"])
        let lines = t.render().split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
        // The long name wraps at a word, in its own column; the score stays on the first line.
        #expect(
            lines == [
                "Đơn vị                  | Điểm", "------------------------+-----", "Sở Văn hóa, Thể thao và | 95,3",
                "Du lịch tỉnh An Giang   |",
            ])
    }
}
