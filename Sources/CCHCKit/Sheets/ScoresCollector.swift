import CCHCCore
import CCHCInput
import CCHCStore
import CCHCWriters
import Foundation

/// `cchc collect`: the returned scoring workbooks merged into the dataset's scores table, in the
/// form the table has (CSV stays CSV, a workbook stays a workbook), written whole or not at all,
/// and only when nothing is refused and no cell would change without `--replace`.
public enum ScoresCollector {
    /// What came of a collect.
    public struct Outcome: Sendable {
        /// Every problem of the workbooks, at the file or the cell.
        public var diagnostics = DiagnosticEngine()
        /// Cells that already held another value (replaced when `--replace` was given).
        public var conflicts: [ScoresMerge.Conflict] = []
        /// Per unit or agency of each kind of workbook received: what came back and what is still empty.
        public var status: [CollectStatus] = []
        /// The scores table's name (`scores.csv`, `dataset.xlsx[scores]`) and how many cells were written to it.
        public var table = ""
        public var written = 0
        /// Nothing was written because something was refused or in conflict.
        public var held: Bool { diagnostics.hasErrors || (!replace && !conflicts.isEmpty) }
        var replace = false
    }

    /// Collects the workbooks `paths` (files, or folders whose .xlsx files are read) into the dataset at `dataset`.
    /// - Parameter labels: how each path is named in messages (as the officer typed it).
    public static func collect(dataset: URL, paths: [(url: URL, label: String)], replace: Bool) throws -> Outcome {
        var found = DiagnosticEngine()
        guard let setup = ScoringSetup.load(dataset, diagnostics: &found) else {
            throw RenderError.dataset(found.diagnostics.filter { $0.severity == .error })
        }
        var outcome = Outcome(replace: replace)
        // Each workbook is read and checked on its own, on every core; problems come in file order.
        let files = workbookFiles(paths, diagnostics: &outcome.diagnostics)
        let read = Parallel.map(files.count) { i -> (book: ReturnedWorkbook?, values: [ReturnedValue]?, found: [Diagnostic]) in
            var found = DiagnosticEngine()
            let book = ReturnedWorkbook.read(files[i].url, label: files[i].label, diagnostics: &found)
            let values = book.flatMap { ReturnedCheck.values($0, setup, diagnostics: &found) }
            return (book, values, found.diagnostics)
        }
        for file in read { outcome.diagnostics.append(contentsOf: file.found) }
        let books = read.compactMap(\.book)
        var checked = read.compactMap { file in file.values.map { (book: file.book!, values: $0) } }
        checked = CollectAgreement.agreeing(checked, diagnostics: &outcome.diagnostics)
        outcome.diagnostics = SheetCells.locate(outcome.diagnostics, headers: SheetCells.headers(of: books.map(\.table)))
        var merge = ScoresMerge(setup.scores, setup)
        for (book, values) in checked {
            outcome.conflicts += merge.merge(values, from: book.source, replace: replace)
        }
        let accepted = Set(checked.map(\.book.file))
        outcome.status = CollectStatus.of(books, refused: Set(books.map(\.file)).subtracting(accepted), merge, setup)
        outcome.table = setup.scores?.file.description ?? DatasetFiles.scores
        guard !outcome.held, merge.changes > 0 else { return outcome }
        let (file, data) = try ScoresTableFile.bytes(merge, original: setup.scores, in: dataset)
        try AtomicFile.write(data, to: dataset.appendingPathComponent(file))
        outcome.written = merge.changes
        return outcome
    }

    /// The workbooks named: each file as given, each folder's .xlsx files (not its hidden files
    /// nor the `~$` lock files Office leaves), in name order.
    private static func workbookFiles(_ paths: [(url: URL, label: String)], diagnostics: inout DiagnosticEngine) -> [(
        url: URL, label: String
    )] {
        var files: [(url: URL, label: String)] = []
        for (url, label) in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                diagnostics.error(SourceName(label), "not found; expected a returned workbook (.xlsx) or a folder of them")
                continue
            }
            guard isFolder.boolValue else {
                files.append((url, label))
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
                .filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }
            if names.isEmpty { diagnostics.warning(SourceName(label), "holds no workbook (.xlsx)") }
            for name in names {
                files.append((url.appendingPathComponent(name), (label.hasSuffix("/") ? label : label + "/") + name))
            }
        }
        return files
    }
}
