import CCHCCompute
import CCHCInput
import Foundation

extension Pipeline {
    /// The name of a step (bước), as the log and the errors show it.
    public enum StepName: String, Sendable, CaseIterable {
        /// Reads every file of the dataset and checks each row.
        case load
        /// Checks the files against each other: what is missing is listed.
        case validate
        /// Totals, indexes, ranks, bands and awards.
        case compute
        /// Writes the documents.
        case render
        /// Puts a rendered set into a store.
        case archive
    }

    /// One step: its name and what it does to the batch. The body may keep what it made in a
    /// variable of the caller (the archive step keeps its outcome so).
    public struct Step {
        public let name: StepName
        package let body: (inout Batch) throws -> Void

        public init(_ name: StepName, _ body: @escaping (inout Batch) throws -> Void) {
            (self.name, self.body) = (name, body)
        }

        /// Reads the dataset; stops when a file could not be used at all.
        public static var load: Step {
            Step(.load) { batch in
                let loaded = DatasetLoader.load(batch.folder, previous: batch.previous)
                batch.diagnostics.append(contentsOf: loaded.diagnostics.diagnostics)
                batch.loaded = loaded
                if loaded.dataset == nil { batch.stoppedAt = .load }
            }
        }

        /// The cross-file checks; stops on any error found so far, by this step or by load (or
        /// any warning, when strict).
        public static var validate: Step {
            Step(.validate) { batch in
                guard let loaded = batch.loaded else { return }
                DatasetLoader.validate(loaded, diagnostics: &batch.diagnostics)
                if !batch.problems.isEmpty { batch.stoppedAt = .validate }
            }
        }

        /// Computes the results; stops when one of their warnings is an error under `strict`.
        public static var compute: Step {
            Step(.compute) { batch in
                guard let dataset = batch.dataset else { return }
                let results = Calculator.compute(dataset)
                batch.diagnostics.append(contentsOf: results.warnings)
                batch.results = results
                if !batch.problems.isEmpty { batch.stoppedAt = .compute }
            }
        }
    }
}
