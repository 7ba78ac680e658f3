/// Numbering of sections and appendices: I, II, III…; a), b)… in Vietnamese letter order.
package enum Numbering {
    package static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var n = n
        var out = ""
        for (value, numeral) in table {
            while n >= value {
                out += numeral
                n -= value
            }
        }
        return out
    }

    /// a, b, c, d, đ, e, g, h, i, k… (Vietnamese has no f, j, w, z).
    package static func letter(_ n: Int) -> String {
        let letters = [
            "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
        ]
        return n >= 1 && n <= letters.count ? letters[n - 1] : String(n)
    }

    /// The label of a heading at `level` numbered `n`: `I.`, `1.`, `a)`.
    package static func label(level: Int, _ n: Int) -> String {
        switch level {
        case 1: return roman(n) + "."
        case 2: return "\(n)."
        default: return letter(n) + ")"
        }
    }
}
