import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore
@testable import CCHCWriters

/// The text and number fast paths give exactly what the plain Foundation and String code gave.
@Suite struct FastPathTests {
    private static let decimals = ScoreShapes.decimals

    @Test func scoresFormatAsThroughFoundation() {
        for value in Self.decimals {
            let points = Points(value)
            for decimals in 0...4 {
                for minimum in [0, decimals] {
                    #expect(
                        VietnameseNumber.format(points, maxDecimals: decimals, minDecimals: minimum)
                            == VietnameseNumber.formatThroughFoundation(value, maxDecimals: decimals, minDecimals: minimum),
                        "\(value) at \(decimals) decimals")
                }
                #expect(VietnameseNumber.plain(points, decimals: decimals) == value.roundedHalfUp(decimals).description)
            }
            #expect(VietnameseNumber.plain(points) == value.description, "\(value)")
        }
    }

    @Test func quickCheckPassesOnlyWhatNFCLeavesAlone() {
        let samples = [
            "Sở Nội vụ tỉnh An Giang; Đạt, Ưu, Ơn, ĩ, ỹ, Ỵ", "plain ASCII, 1,5", "Nguye\u{0302}\u{0303}n (NFD)",
            "Ångström \u{212B}", "漢字", "café\u{0301}", "\u{1E9B}\u{0323}", "",
            "Điều 1 – “Kế hoạch” … ≥ 80 − 5 ← →", "\u{2000}en quad", "\u{2001}", "\u{2126}", "≠\u{0338}",
            "\u{2260}", "– \u{0301}", String(repeating: "ASCII đầu dài hơn tám byte ", count: 3) + "e\u{0301}",
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
        // The dashes, quotes and signs the templates print pass without normalising.
        #expect(TextDecoder.isNFCByQuickCheck(Array("Điều 1 – “Kế hoạch” … ≥ 80 − 5".utf8)[...]))
        #expect(!TextDecoder.isNFCByQuickCheck(Array("\u{2000}".utf8)[...]))
    }

    /// Every scalar from U+0000 to U+24FF on its own and after a letter: what the quick check
    /// passes, NFC leaves as it is.
    @Test func quickCheckAgreesWithNFCOverTheRangesItPasses() {
        for value in 0...0x24FF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)), "ơ" + String(Character(scalar)) + "x"] {
                if TextDecoder.isNFCByQuickCheck(Array(text.utf8)[...]) {
                    #expect(
                        text.precomposedStringWithCanonicalMapping.utf8.elementsEqual(text.utf8), "U+\(String(value, radix: 16))")
                }
            }
        }
    }

    /// A column's width counts a text's scalars: the same as its characters in NFC Vietnamese.
    @Test func textLengthCountsScalars() {
        for text in ["", "Sở Nội vụ", "Điều 1 – “Kế hoạch”", "漢字", "e\u{0301}", "Số:      /QĐ-UBND"] {
            #expect(ColumnWidths.length(text) == text.unicodeScalars.count, "\(text)")
        }
        #expect(ColumnWidths.length("Sở Nội vụ tỉnh An Giang") == "Sở Nội vụ tỉnh An Giang".count)
        #expect(ColumnWidths.longestWord("Điểm tự đánh giá") == 4)
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
}
