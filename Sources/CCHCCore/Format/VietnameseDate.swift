/// Dates the NĐ30 way: "An Giang, ngày 05 tháng 6 năm 2019"; days below 10 and months 1–2
/// take a leading 0.
public enum VietnameseDate {
    public static func day(_ d: Int) -> String { d < 10 ? "0\(d)" : "\(d)" }

    public static func month(_ m: Int) -> String { m < 3 ? "0\(m)" : "\(m)" }

    /// "ngày 22 tháng 3 năm 2023", or blanks to fill in by hand when the date is not set.
    public static func long(_ date: PlanDate?, fallbackYear: Int) -> String {
        guard let date else { return "ngày     tháng     năm \(fallbackYear)" }
        return "ngày \(day(date.day)) tháng \(month(date.month)) năm \(date.year)"
    }

    /// "An Giang, ngày 22 tháng 3 năm 2023".
    public static func placeAndDate(_ place: String, _ date: PlanDate?, fallbackYear: Int) -> String {
        "\(place), \(long(date, fallbackYear: fallbackYear))"
    }

    /// A month written in free text the NĐ30 way: "Tháng 03 năm 2023" → "Tháng 3 năm 2023",
    /// "tháng 1" → "tháng 01", so that one table never shows both spellings.
    public static func months(in text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "háng ") {
            out += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count).first
            guard !digits.isEmpty, digits.count <= 2, let m = Int(digits), (1...12).contains(m),
                after.map({ !$0.isNumber }) ?? true
            else { continue }
            out += month(m)
            rest = rest.dropFirst(digits.count)
        }
        return out + rest
    }

    /// "22/3/2023" for running text.
    public static func short(_ date: PlanDate) -> String {
        "\(day(date.day))/\(month(date.month))/\(date.year)"
    }
}
