import Foundation

/// Chữ viết tắt tên cơ quan: the letters of an agency's name in a ký hiệu (`BC-SKHĐT` for Sở Kế
/// hoạch và Đầu tư), as NĐ 30/2020 Phụ lục I builds them when units.csv gives no `short`: the
/// first letter of each significant word, in plain capitals (Đ kept), linking words ("và",
/// "của") and punctuation left out.
package enum IssuerSymbol {
    /// Words that carry no letter of their own in an abbreviation.
    private static let linking: Set<String> = ["và", "của", "các", "về", "với"]

    /// "Sở Lao động - Thương binh và Xã hội" → `SLĐTBXH`; `Ban Quản lý dự án "Đầu tư xây dựng"`
    /// → `BQLDAĐTXD`.
    package static func derive(_ name: String) -> String {
        significantWords(name).map { plainCapital($0.first!) }.joined()
    }

    /// A longer symbol for when `derive` gives one another agency has: the second word keeps
    /// two letters (Sở Ngoại vụ → `SNgV` beside Sở Nội vụ's `SNV`).
    package static func longer(_ name: String) -> String {
        significantWords(name).enumerated().map { i, word in
            let head = plainCapital(word.first!)
            guard i == 1, word.count > 1 else { return head }
            return head + plainCapital(word.dropFirst().first!).lowercased()
        }.joined()
    }

    private static func significantWords(_ name: String) -> [Substring] {
        name.split { !($0.isLetter || $0.isNumber) }.filter { !linking.contains($0.lowercased()) }
    }

    /// A letter without its marks, in capitals; Đ stays Đ (it is a letter of its own).
    private static func plainCapital(_ c: Character) -> String {
        if c == "đ" || c == "Đ" { return "Đ" }
        let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { String($0) } ?? String(c)
        return base.uppercased()
    }
}
