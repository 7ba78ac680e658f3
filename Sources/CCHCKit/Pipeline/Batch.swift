import CCHCCompute
import CCHCCore
import CCHCInput
import Foundation

extension Pipeline {
    /// What the steps work on and leave behind: the dataset, its results, every diagnostic found
    /// so far, and what was rendered.
    public struct Batch: Sendable {
        public let folder: URL
        /// Where last year's results come from: injected, so loading knows nothing of the archive.
        public var previous: any PreviousResultsSource
        /// Warnings stop the batch as errors do.
        public var strict: Bool
        public var loaded: LoadedDataset?
        public var results: Results?
        public var diagnostics = DiagnosticEngine()
        /// The files the render step wrote.
        public var rendered: RenderOutcome?
        /// The step that found the batch cannot go on (errors, or warnings when strict).
        public var stoppedAt: StepName?

        public init(_ folder: URL, previous: any PreviousResultsSource = PreviousCSV(), strict: Bool = false) {
            (self.folder, self.previous, self.strict) = (folder, previous, strict)
        }

        public var dataset: Dataset? { loaded?.dataset }

        /// What stops the batch: its errors, and its warnings too when `strict`, in a stable order.
        public var problems: [Diagnostic] { diagnostics.sorted.filter { $0.severity == .error || strict } }

        /// The dataset, its results and the diagnostics in a stable order.
        public var checked: Checked { Checked(dataset: dataset, results: results, diagnostics: diagnostics.sorted) }
    }

    /// A checked dataset and its results, with every diagnostic of the checking steps.
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
}
