import CCHCCore
import Foundation

/// Where each table of a dataset is read from (README, "Preparing your own data"): a CSV file (`scores.csv`), a workbook of
/// its own (`scores.xlsx`), or the sheet `scores` of one workbook `dataset.xlsx`. Tables are named
/// by their CSV file name (`scores.csv`) throughout cchc; this finds the one form present and
/// names it in messages as it is (`scores.xlsx[scores]`).
package final class DatasetSources: @unchecked Sendable {
    /// The one workbook that may hold every table, a sheet each.
    package static let workbookName = "dataset.xlsx"

    package let folder: URL
    /// The dataset.xlsx of the folder, when there is one and it opened.
    private let workbook: Workbook?

    /// Looks at `folder`; a dataset.xlsx that cannot be opened is reported once, here.
    package init(_ folder: URL, diagnostics: inout DiagnosticEngine) {
        self.folder = folder
        workbook = Self.open(Self.workbookName, in: folder, required: false, diagnostics: &diagnostics)
    }

    /// The forms of table `name` present in the folder, as they are named in messages.
    private func forms(of name: String) -> [Form] {
        let stem = Self.stem(name)
        var found: [Form] = []
        if exists(stem + ".csv") { found.append(.csv(stem + ".csv")) }
        if exists(stem + ".xlsx") { found.append(.workbook(stem + ".xlsx")) }
        // A hidden sheet of dataset.xlsx is kept aside by the officer: it is not read.
        if let sheet = workbook?.sheets.first(where: { !$0.hidden && $0.name.lowercased() == stem.lowercased() }) {
            found.append(.sheet(sheet))
        }
        return found
    }

    /// Where one table is read from.
    private enum Form {
        case csv(String)
        case workbook(String)
        case sheet(Workbook.Sheet)

        var label: SourceName {
            switch self {
            case .csv(let file), .workbook(let file): return SourceName(file)
            case .sheet(let sheet): return SourceName(DatasetSources.workbookName, sheet: sheet.name)
            }
        }
    }

    /// Whether table `name` is in the folder in any form.
    package func has(_ name: String) -> Bool { !forms(of: name).isEmpty }

    /// Reads table `name` (`scores.csv`) from whichever form the folder has. A table present in
    /// two forms is an error naming both; none is read. Every cell that holds what documents
    /// cannot carry is reported at its cell (`CellText`).
    package func table(_ name: String, required: Bool, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        var table = read(name, required: required, diagnostics: &diagnostics)
        if table != nil { CellText.check(&table!, diagnostics: &diagnostics) }
        return table
    }

    private func read(_ name: String, required: Bool, diagnostics: inout DiagnosticEngine) -> CSVTable? {
        let forms = forms(of: name)
        if forms.count > 1 {
            let labels = forms.map(\.label)
            diagnostics.error(
                labels[0],
                "the same table is also in \(labels.dropFirst().map(\.description).joined(separator: " and ")); expected it in one file only: remove or rename all but one"
            )
            return nil
        }
        switch forms.first {
        case nil, .csv:
            return DatasetFiles.table(name, in: folder, required: required, diagnostics: &diagnostics)
        case .workbook(let file):
            guard let book = Self.open(file, in: folder, required: true, diagnostics: &diagnostics),
                let sheet = Self.sheet(of: book, for: name, file: file, diagnostics: &diagnostics)
            else { return nil }
            return SheetReader.table(
                book, sheet, file: SourceName(file, sheet: sheet.name), required: required, headerHint: Self.keyColumn(name),
                diagnostics: &diagnostics)
        case .sheet(let sheet):
            guard let workbook else { return nil }
            return SheetReader.table(
                workbook, sheet, file: SourceName(Self.workbookName, sheet: sheet.name), required: required,
                headerHint: Self.keyColumn(name), diagnostics: &diagnostics)
        }
    }

    /// The framework tables present, by CSV name (`framework.csv`, `framework-so.csv`), sorted.
    package var frameworkNames: [String] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter(DatasetFiles.isFrameworkFile).map { Self.stem($0) + ".csv" }
        let sheets = (workbook?.sheets ?? []).filter { !$0.hidden && $0.name.lowercased().hasPrefix("framework") }
            .map { $0.name + ".csv" }
        return Array(Set(files + sheets)).sorted()
    }

    /// The sheet of a workbook of its own that holds table `name`: the sheet named like the table
    /// (hidden or not; `results` too for previous, as render writes results.xlsx), else its only
    /// visible sheet.
    private static func sheet(of book: Workbook, for name: String, file: String, diagnostics: inout DiagnosticEngine)
        -> Workbook.Sheet?
    {
        let stem = stem(name)
        let names = name == DatasetFiles.previous ? [stem, "results"] : [stem]
        for wanted in names {
            if let sheet = book.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) { return sheet }
        }
        let visible = book.sheets.filter { !$0.hidden }
        if visible.count == 1 { return visible[0] }
        diagnostics.error(
            SourceName(file),
            "has \(visible.count) sheets (\(visible.map(\.name).joined(separator: ", "))) and none is named '\(stem)'; expected the table on a sheet named '\(stem)' (or a workbook of one sheet)"
        )
        return nil
    }

    /// Opens a workbook of the folder; `nil` (with the reason reported) when it cannot be read.
    private static func open(_ file: String, in folder: URL, required: Bool, diagnostics: inout DiagnosticEngine) -> Workbook? {
        guard required || exists(file, in: folder),
            let data = DatasetFiles.read(file, in: folder, required: required, diagnostics: &diagnostics)
        else { return nil }
        do {
            return try Workbook(data)
        } catch {
            diagnostics.error(SourceName(file), error.message)
            return nil
        }
    }

    /// The column every header of table `name` has: what tells the header row from a title above it.
    package static func keyColumn(_ name: String) -> String {
        if name == DatasetFiles.units { return "id" }
        return DatasetFiles.isFrameworkFile(name) ? "code" : "unit"
    }

    /// `scores.csv` → `scores`; `framework-so.xlsx` → `framework-so`; `framework-so` as it is.
    package static func stem(_ name: String) -> String {
        for suffix in [".csv", ".xlsx"] where name.lowercased().hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    private func exists(_ file: String) -> Bool { Self.exists(file, in: folder) }

    private static func exists(_ file: String, in folder: URL) -> Bool {
        var info = stat()
        return lstat(folder.appendingPathComponent(file).path, &info) == 0
    }
}
