import CCHCCore
import CCHCInput
import CCHCKit
import CCHCWriters
import Foundation

/// `cchc-bench collect [units]`: `cchc collect` of every unit's returned workbook and of eight
/// lead agencies' (one per field), into a dataset with no scores yet, against reading the same
/// scores as one CSV, side by side in one run (best of 5 each). The workbooks are those `cchc
/// sheets` writes, filled from a synthetic dataset's scores.csv (default 180 units).
enum CollectRatio {
    static func run(units: Int) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-collect-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let dataset = root.appendingPathComponent("dataset")
        try SyntheticDataset.write(units: units, groups: 2, to: dataset)
        try leadPerField(dataset)
        var found = DiagnosticEngine()
        guard let setup = ScoringSetup.load(dataset, diagnostics: &found), let scores = setup.scores else {
            throw BenchFailure("the synthetic dataset did not load: \(found.errors.first.map(\.description) ?? "")")
        }
        let books = [
            try filled(setup, scores, ScoringForm(.units), into: root.appendingPathComponent("units")),
            try filled(setup, scores, ScoringForm(.leads), into: root.appendingPathComponent("leads")),
        ]
        var collect = Double.infinity
        for run in 0..<5 {
            let target = root.appendingPathComponent("target-\(run)")
            try FileManager.default.copyItem(at: dataset, to: target)
            try FileManager.default.removeItem(at: target.appendingPathComponent(DatasetFiles.scores))
            let start = DispatchTime.now().uptimeNanoseconds
            for folder in books {
                let outcome = try ScoresCollector.collect(
                    dataset: target, paths: [(folder, folder.lastPathComponent)], replace: false)
                if outcome.held {
                    throw BenchFailure("collect refused: \(outcome.diagnostics.errors.first.map(\.description) ?? "")")
                }
            }
            collect = min(collect, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let read = try WorkbookReading.best {
            var d = DiagnosticEngine()
            guard DatasetLoader.readTable(DatasetFiles.scores, in: dataset, diagnostics: &d)?.rows.count == scores.rows.count
            else {
                throw BenchFailure("scores.csv did not read")
            }
        }
        print(
            String(
                format:
                    "%d unit workbooks and 8 agency workbooks (%d rows): collect %.3f s; read scores.csv %.3f s; %.1f × reading it",
                units, scores.rows.count, collect, read, collect / read))
    }

    /// The framework's eight fields each led by an agency of its own (Sở 1 … Sở 8).
    private static func leadPerField(_ dataset: URL) throws {
        let url = dataset.appendingPathComponent("framework.csv")
        var field = 0
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map {
            line in
            guard line.hasSuffix(",Sở Nội vụ") else { return String(line) }
            field += 1
            return line.dropLast("Sở Nội vụ".count) + "Sở \(field)"
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
    }

    /// The workbooks of `form`, each cell to fill holding what scores.csv has there, in `folder`.
    private static func filled(_ setup: ScoringSetup, _ scores: CSVTable, _ form: ScoringForm, into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var rows: [String: CSVTable.Row] = [:]
        let (u, c) = (scores.column("unit"), scores.column("code"))
        for row in scores.rows { rows["\(scores.value(row, u))\t\(scores.value(row, c))"] = row }
        for id in setup.ids(form) {
            let book = ScoringWorkbook(setup, form, id: id)
            guard var writer = book.writer() else { continue }
            let header = writer.sheets[0].header
            for (i, row) in setup.rows(form, id: id).enumerated() where row.takesScore {
                guard let source = rows["\(row.unit.id)\t\(row.criterion.code)"] else { continue }
                for (k, column) in header.enumerated() where form.fill.contains(column) {
                    let text = scores.value(source, scores.column(column))
                    if !text.isEmpty { writer.sheets[0].rows[i][k] = .text(text) }
                }
            }
            try writer.data().write(to: folder.appendingPathComponent(book.fileName))
        }
        return folder
    }
}
