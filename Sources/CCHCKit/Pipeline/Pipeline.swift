import Foundation

/// The batch as named steps: load → validate → compute (→ render → archive).
/// The CLI, the tests and the benchmark all go through here.
public enum Pipeline {
    /// A checked dataset and its results, with every diagnostic of both steps.
    public struct Checked: Sendable {
        public var dataset: Dataset?
        public var results: Results?
        public var diagnostics: [Diagnostic]

        public init(dataset: Dataset?, results: Results?, diagnostics: [Diagnostic]) {
            (self.dataset, self.results, self.diagnostics) = (dataset, results, diagnostics)
        }

        /// Whether the run may go on: no errors (and no warnings when `strict`).
        public func passes(strict: Bool) -> Bool {
            !diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        }
    }

    /// Loads, validates and computes a dataset. Results are computed only when there are no errors.
    /// - Parameter previousFrom: an archive store whose record of the year before gives last
    ///   year's ranks and indexes, instead of previous.csv.
    ///   `previousKey`: the public key that record must be signed with.
    public static func check(_ folder: URL, previousFrom: URL? = nil, previousKey: URL? = nil) -> Checked {
        let (dataset, loaded) = DatasetLoader.load(folder, previousFrom: previousFrom, previousKey: previousKey)
        var engine = loaded
        guard let dataset, !engine.hasErrors else {
            return Checked(dataset: dataset, results: nil, diagnostics: engine.sorted)
        }
        let results = Calculator.compute(dataset)
        engine.append(contentsOf: results.warnings)
        return Checked(dataset: dataset, results: results, diagnostics: engine.sorted)
    }
}
