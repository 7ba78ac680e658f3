/// Names placed inside a sentence: "của Sở, ban, ngành" reads "của sở, ban, ngành"; a field
/// written in capitals ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH") reads "cải cách thủ tục hành chính";
/// acronyms (UBND, CCHC, TTHC) and proper names after the first word keep their capitals.
public enum Sentence {
    package static let acronyms: Set<String> = [
        "UBND", "HĐND", "CCHC", "TTHC", "QPPL", "VBQPPL", "CNTT", "PAR", "SIPAS", "XHH", "ISO", "CBCCVC", "TW",
    ]

    /// `name` as it reads after the first word of a sentence.
    public static func inner(_ name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let shouting = name.contains { $0.isLetter } && !name.contains { $0.isLowercase }
        return words.enumerated().map { i, word in
            let bare = word.filter { $0.isLetter }
            if acronyms.contains(bare) { return word }
            if shouting { return word.lowercased() }
            // Only the first word loses its capital: "Sở Tư pháp" stays a name further on.
            if i == 0, bare.count > 1 ? !bare.allSatisfy(\.isUppercase) : true {
                return word.prefix(1).lowercased() + word.dropFirst()
            }
            return word
        }.joined(separator: " ")
    }

    /// A unit's name inside a sentence: a place's kind is a common noun (NĐ 30/2020 Phụ lục II),
    /// "Thị xã Tân Châu" → "thị xã Tân Châu"; an agency's name is a proper name and stays
    /// ("Sở Tư pháp"); so does "Ủy ban nhân dân …".
    public static func unitName(_ name: String) -> String {
        let lowered = name.lowercased()
        guard let kind = UnitKind.places.first(where: { lowered.hasPrefix($0) }) else { return name }
        return kind + name.dropFirst(kind.count)
    }

    /// An organ's name inside a sentence: one given in capitals, as a header prints it, is
    /// written as a name, "ỦY BAN NHÂN DÂN TỈNH AN GIANG" → "Ủy ban nhân dân tỉnh An Giang";
    /// a name already written in mixed case is the officer's own and stays.
    public static func organName(_ name: String) -> String {
        guard name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) else { return name }
        var rest = name.lowercased()
        var out = ""
        for committee in ["ủy ban nhân dân", "uỷ ban nhân dân"] where rest.hasPrefix(committee) {
            out = "Ủy ban nhân dân"
            rest = String(rest.dropFirst(committee.count)).trimmingCharacters(in: .whitespaces)
        }
        let kind = UnitKind.places.first { rest.hasPrefix($0) }
        let proper = String(rest.dropFirst(kind?.count ?? 0)).split(separator: " ").map {
            $0.prefix(1).uppercased() + $0.dropFirst()
        }
        let phrase = ((kind.map { [$0.trimmingCharacters(in: .whitespaces)] } ?? []) + proper).joined(separator: " ")
        guard !out.isEmpty || kind != nil else { return name }
        return out.isEmpty ? phrase.prefix(1).uppercased() + phrase.dropFirst() : "\(out) \(phrase)"
    }
}
