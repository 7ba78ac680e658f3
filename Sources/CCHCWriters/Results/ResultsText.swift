import CCHCCompute
import CCHCCore
import CCHCDocuments
import Foundation

/// Results as a ranking table per group, for a terminal.
public enum ResultsText {
    public static func render(_ results: Results) -> String {
        let p = results.precision
        var out = "Chỉ số CCHC năm \(results.year) — \(results.dataset)\n"
        for group in results.groups {
            out += "\n\(group.name) (\(group.units.count) đơn vị)\n\n"
            var table = TextTable([
                .init("Hạng", .right), .init("Đơn vị", minWidth: 16), .init("Tổng điểm", .right),
                .init("Chỉ số (%)", .right), .init("Xếp loại"), .init("Tăng/giảm", minWidth: 9),
            ])
            for u in group.units {
                table.append([
                    u.rank.map { "\($0)/\(group.units.count)" } ?? "—",
                    u.name,
                    "\(VietnameseNumber.format(u.total, maxDecimals: p))/\(VietnameseNumber.format(u.max, maxDecimals: p))",
                    u.index.map { VietnameseNumber.format($0, maxDecimals: p, minDecimals: p) } ?? "—",
                    u.band ?? "—",
                    RankChange.text(u.rankChange),
                ])
            }
            out += table.render()
            if !group.awarded.isEmpty {
                let names = group.units.filter { group.awarded.contains($0.id) }.map(\.name)
                out += "\nĐề nghị khen thưởng: " + names.joined(separator: "; ") + "\n"
            }
        }
        return out
    }
}
