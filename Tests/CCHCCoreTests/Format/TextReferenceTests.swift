import CCHCTestSupport
import Foundation
import Testing

@testable import CCHCCore

/// The text fast paths (display width on UTF-8 bytes, wrapping on byte ranges) against plain
/// reference implementations over Swift's `String` and `Character`, on generated Vietnamese (NFC
/// and with combining marks), CJK, emoji with variation selectors, spaces and line breaks.
/// (Emoji joined by ZWJ, flag pairs and the soft hyphen are left out of the wrapping: the rule
/// takes a character as a scalar with the zero-width scalars after it, where Swift's graphemes
/// split those; the widths still agree, which the width test checks with the soft hyphen in.)
@Suite struct TextReferenceTests {
    static let pieces = [
        "a", "Z", "7", " ", " ", " ", "\n", "ạ", "Đ", "ư", "ờ", "ễ", "e\u{0302}\u{0303}", "o\u{031B}\u{0301}", "漢", "字", "한",
        "😀", "❤\u{FE0F}", "·", "—", "ß", "ǅ", "-", "/", "1,5",
    ]

    static func generated(_ seed: Int) -> String {
        var r = SplitMix(seed: UInt64(seed) &+ 77)
        let length = Int(r.next() % 120)
        return (0..<length).map { _ in pieces[Int(r.next() % UInt64(pieces.count))] }.joined()
    }

    /// Width as the rule defines it, a scalar at a time through `String.unicodeScalars`.
    static func referenceWidth(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) } }

    /// The word rule written plainly: paragraphs at line breaks, words at single spaces, a line
    /// takes the next word while it fits, a word wider than the line is cut by characters (at
    /// least one a line), trailing spaces dropped.
    static func referenceWrap(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        func trimmed(_ s: String) -> String { String(s.reversed().drop { $0 == " " }.reversed()) }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var started = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
                var piece = word
                if !started || referenceWidth(current) + 1 + referenceWidth(word) <= width {
                    current = started ? current + " " + word : word
                    started = true
                    if referenceWidth(current) <= width { continue }
                    piece = current
                } else {
                    out.append(trimmed(current))
                }
                while referenceWidth(piece) > width {
                    var head = ""
                    for character in piece {
                        if !head.isEmpty && referenceWidth(head) + referenceWidth(String(character)) > width { break }
                        head.append(character)
                    }
                    out.append(head)
                    piece = String(piece.dropFirst(head.count))
                }
                current = piece
            }
            out.append(trimmed(current))
        }
        return out
    }

    @Test(arguments: 0..<200)
    func widthOnBytesIsTheReferenceWidth(seed: Int) {
        let text = Self.generated(seed) + (seed % 2 == 0 ? "\u{00AD}x\u{00AD}" : "")
        #expect(DisplayWidth.of(text) == Self.referenceWidth(text), "\(text.debugDescription)")
    }

    @Test(arguments: 0..<200)
    func wrappingOnBytesIsTheReferenceWrapping(seed: Int) {
        let text = Self.generated(seed)
        for width in [1, 2, 5, 13, 40] {
            #expect(
                TextWrap.wrap(text, width: width) == Self.referenceWrap(text, width: width),
                "\(text.debugDescription) at \(width)")
        }
    }
}
