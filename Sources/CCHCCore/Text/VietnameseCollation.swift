import Foundation

/// Vietnamese alphabetical order (ICU/CLDR `vi`): D < Đ, a < ă < â, o < ô < ơ, u < ư,
/// tones only break ties. `String <` and `localizedStandardCompare` get this wrong.
public enum VietnameseCollation {
    private static let locale = Locale(identifier: "vi")

    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        a.compare(b, options: [], range: nil, locale: locale)
    }

    public static func sorted(_ names: [String]) -> [String] {
        names.sorted { compare($0, $1) == .orderedAscending }
    }
}
