import CCHCCompute
import Foundation

/// Results as `unit,index,rank,total` — the columns of previous.csv, so next year's dataset (or
/// `--previous-from` an archive) reads them back through the same loader.
public enum ResultsCSV {
    public static func render(_ results: Results) -> String {
        var out = "unit,index,rank,total\n"
        for group in results.groups {
            for u in group.units {
                guard let index = u.index, let rank = u.rank else { continue }
                out += "\(u.id),\(index),\(rank),\(u.total)\n"
            }
        }
        return out
    }
}
