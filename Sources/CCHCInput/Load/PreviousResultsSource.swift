import CCHCCore
import Foundation

/// Where last year's results come from (kết quả năm trước): previous.csv in the dataset, or an
/// archived record (`--previous-from`). Injected into loading, so loading knows nothing of where.
public protocol PreviousResultsSource: Sendable {
    /// Last year's results, or `nil` when there are none; every problem goes to `diagnostics`.
    /// - Parameter year: the year assessed last year.
    func previousResults(for folder: URL, year: Int, diagnostics: inout DiagnosticEngine) -> PreviousResults?
}

/// Last year's results as a table in the form of previous.csv (`unit`, `index`, `rank`, …).
public struct PreviousResults: Sendable {
    public var table: CSVTable
    /// When the source knows them (an archived record): how many units each unit's group had,
    /// so a rank beyond it is an error rather than a warning.
    public var groupSizes: [String: Int]?

    public init(table: CSVTable, groupSizes: [String: Int]? = nil) { (self.table, self.groupSizes) = (table, groupSizes) }
}

/// previous.csv (or previous.xlsx, or the sheet `previous` of dataset.xlsx) in the dataset folder,
/// when there is one.
public struct PreviousCSV: PreviousResultsSource {
    public init() {}

    public func previousResults(for folder: URL, year: Int, diagnostics: inout DiagnosticEngine) -> PreviousResults? {
        // A dataset.xlsx that cannot be opened is reported by the other tables' reading.
        var opening = DiagnosticEngine()
        return DatasetSources(folder, diagnostics: &opening).table(
            DatasetFiles.previous, required: false, diagnostics: &diagnostics
        )
        .map { PreviousResults(table: $0) }
    }
}
