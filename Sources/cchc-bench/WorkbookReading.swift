import CCHCCore
import CCHCInput
import CCHCKit
import Foundation

/// `cchc-bench xlsx [units]`: reading the national scores as a workbook against the same scores
/// as CSV, side by side in one run (best of 5 each): the table alone, then the whole load.
enum WorkbookReading {
    static func run(units: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-xlsx-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let (csv, xlsx) = (root.appendingPathComponent("csv"), root.appendingPathComponent("xlsx"))
        try SyntheticDataset.write(units: units, groups: 34, to: csv)
        try SyntheticDataset.write(units: units, groups: 34, to: xlsx)
        try DatasetSkeleton.convertToWorkbooks(in: xlsx, only: ["scores.csv"])
        let size = { (folder: URL, name: String) in
            ((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size]) as? Int) ?? 0
        }
        print(
            "scores: \(units) units; scores.csv \(size(csv, "scores.csv") >> 10) KiB, scores.xlsx \(size(xlsx, "scores.xlsx") >> 10) KiB"
        )
        var rows = [0, 0]
        let table = try [csv, xlsx].enumerated().map { i, folder in
            try best {
                var found = DiagnosticEngine()
                rows[i] = DatasetLoader.readTable("scores.csv", in: folder, diagnostics: &found)?.rows.count ?? 0
                if found.hasErrors { throw BenchFailure("\(found.errors.first!)") }
            }
        }
        print(
            String(
                format: "read the table: csv %.3f s, xlsx %.3f s (%d and %d rows): xlsx/csv = %.2f", table[0], table[1], rows[0],
                rows[1], table[1] / table[0]))
        let load = try [csv, xlsx].map { folder in
            try best {
                let loaded = DatasetLoader.load(folder)
                if loaded.diagnostics.hasErrors { throw BenchFailure("\(loaded.diagnostics.errors.first!)") }
            }
        }
        print(String(format: "load the dataset: csv %.3f s, xlsx %.3f s: xlsx/csv = %.2f", load[0], load[1], load[1] / load[0]))
    }

    /// The fastest of 5 runs, in seconds.
    static func best(_ work: () throws -> Void) throws -> Double {
        var fastest = Double.infinity
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            try work()
            fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return fastest
    }
}
