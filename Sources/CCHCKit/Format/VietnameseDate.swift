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

    /// "22/3/2023" for running text.
    public static func short(_ date: PlanDate) -> String {
        "\(day(date.day))/\(month(date.month))/\(date.year)"
    }
}
