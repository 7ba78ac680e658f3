import CCHCCore
import CCHCInput
import CCHCWriters
import Foundation

extension DatasetSkeleton {
    /// `framework.csv` named like its source: `framework.xlsx` when the source is a workbook.
    package static func named(_ name: String, like source: URL) -> String {
        source.pathExtension.lowercased() == "xlsx" ? DatasetSources.stem(name) + ".xlsx" : name
    }

    /// The columns whose cells are numbers in a workbook: every other column, codes and ids
    /// among them, is text, so `1.10` stays `1.10`.
    package static let numericColumns: Set<String> = [
        "max", "self", "appraised", "score", "ratio", "index", "rank", "total", "year", "target",
    ]

    /// Turns every CSV table of the dataset folder `folder` into a workbook of one sheet
    /// (`scores.csv` → `scores.xlsx`), as `cchc synth --xlsx` writes them. Returns the file names.
    @discardableResult
    public static func convertToWorkbooks(in folder: URL, only names: [String]? = nil) throws -> [String] {
        let all = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        return Array(try convertToWorkbooks(ArraySlice(names ?? all), in: folder).dropFirst())
    }

    /// Turns the CSV tables written in `folder` into workbooks of one sheet each (`scores.csv` →
    /// `scores.xlsx`, sheet `scores`); files already workbooks stay. Returns the new file names.
    package static func convertToWorkbooks(_ files: ArraySlice<String>, in folder: URL) throws -> [String] {
        var names = [DatasetFiles.plan]
        for name in files {
            guard name.hasSuffix(".csv") else {
                names.append(name)
                continue
            }
            let csv = folder.appendingPathComponent(name)
            var problems = DiagnosticEngine()
            guard let data = FileManager.default.contents(atPath: csv.path),
                let table = CSVReader.read(data, file: SourceName(name), diagnostics: &problems)
            else { throw InitError.inputs(problems.errors) }
            let stem = DatasetSources.stem(name)
            let book = WorkbookWriter(sheets: [sheet(table, name: stem)])
            try book.data().write(to: folder.appendingPathComponent(stem + ".xlsx"))
            try FileManager.default.removeItem(at: csv)
            names.append(stem + ".xlsx")
        }
        return names
    }

    /// A table as a sheet: numbers as numbers in the numeric columns, everything else as text.
    package static func sheet(_ table: CSVTable, name: String) -> WorkbookWriter.Sheet {
        let numeric = table.header.map { numericColumns.contains($0.lowercased()) }
        let rows: [[WorkbookWriter.Value]] = table.rows.map { row in
            table.header.indices.map { i in
                let text = table.value(row, i)
                if text.isEmpty { return .empty }
                if numeric[i], case .success(let number) = NumberParser.points(text) {
                    return .number(number.description, .general)
                }
                return .text(text)
            }
        }
        let widths = table.header.map { ["name", "evidence", "explanation", "comment", "action", "lead"].contains($0) ? 40 : 12 }
        return WorkbookWriter.Sheet(name: name, header: table.header, rows: rows, widths: widths, landscape: true)
    }
}
