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
}
