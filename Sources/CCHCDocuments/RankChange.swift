import Foundation

/// "tăng 12 bậc", "giảm 3 bậc", "giữ nguyên thứ hạng".
public enum RankChange {
    public static func text(_ change: Int?) -> String {
        guard let change else { return "" }
        if change > 0 { return "tăng \(change) bậc" }
        if change < 0 { return "giảm \(-change) bậc" }
        return "giữ nguyên thứ hạng"
    }

    /// "▲ 3", "▼ 2", "—" for tables.
    public static func arrow(_ change: Int?) -> String {
        guard let change else { return "" }
        if change > 0 { return "▲ \(change)" }
        if change < 0 { return "▼ \(-change)" }
        return "="
    }
}
