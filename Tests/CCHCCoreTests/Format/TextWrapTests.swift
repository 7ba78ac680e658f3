import CCHCTestSupport
import Foundation
import Synchronization
import Testing

@testable import CCHCCore

/// Wrapping is linear in the text: a long unbreakable cell is measured once, not once per line.
@Suite struct TextWrapTests {
    /// Display width, counting every byte measured.
    enum CountingMeasure: TextMeasure {
        static let measured = Atomic<Int>(0)
        static func width(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
            measured.add(bytes.count, ordering: .relaxed)
            return DisplayWidth.of(bytes)
        }
        static func width(_ scalar: Unicode.Scalar) -> Int {
            measured.add(1, ordering: .relaxed)
            return DisplayWidth.of(scalar)
        }
    }

    @Test func aMillionCharacterCellIsMeasuredAboutOnce() {
        var text = String(repeating: "Nguyễn", count: 170_000)  // 1.020.000 characters, no space
        let lines = text.withUTF8 { bytes -> [TextWrap.Line] in
            var lines: [TextWrap.Line] = []
            TextWrap.lines(bytes, in: 0..<bytes.count, width: 40, into: &lines, measure: CountingMeasure.self)
            return lines
        }
        // Every byte once for the word, once more (a scalar at a time) when it is cut in lines.
        #expect(CountingMeasure.measured.load(ordering: .relaxed) <= 3 * text.utf8.count)
        #expect(lines.count == 25_500)
        #expect(lines.allSatisfy { $0.width == 40 })
        let joined = text.withUTF8 { bytes in
            lines.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.range]), as: UTF8.self) }.joined()
        }
        #expect(joined == text)
    }

    @Test(arguments: [
        ("Sở Tư pháp tỉnh An Giang", 10, ["Sở Tư pháp", "tỉnh An", "Giang"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("ab 国国国国 cd", 4, ["ab", "国国", "国国", "cd"]),
    ])
    func wrapsByDisplayWidth(text: String, width: Int, expected: [String]) {
        #expect(TextWrap.wrap(text, width: width) == expected)
    }
}
