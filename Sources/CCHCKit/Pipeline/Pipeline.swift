import CCHCInput
import Foundation

/// The batch as named steps (các bước): load → validate → compute (→ render → archive), values a
/// runner executes in order. Each step names itself in the log (`[2/4] validate`) and in the
/// errors it throws. The CLI, the tests and the benchmark all go through here.
public struct Pipeline {
    public var steps: [Step]

    public init(_ steps: [Step]) { self.steps = steps }

    /// load → validate → compute: what `validate` and `compute` run, and every longer pipeline starts with.
    public static var checking: Pipeline { Pipeline([.load, .validate, .compute]) }

    /// This pipeline with `more` steps after its own.
    public func then(_ more: Step...) -> Pipeline { Pipeline(steps + more) }

    /// Runs the steps in order on `batch` and returns it. A step that finds the batch cannot go on
    /// stops it (`stoppedAt`), and the later steps do not run; a step that throws is reported as
    /// `PipelineError.failed` with its name.
    public func run(_ batch: Batch, log: StepLog = .silent) throws -> Batch {
        var batch = batch
        for (i, step) in steps.enumerated() {
            log.begin(i + 1, of: steps.count, step.name)
            do { try step.body(&batch) } catch let error as PipelineError { throw error } catch {
                throw PipelineError.failed(step: step.name, error)
            }
            if batch.stoppedAt != nil { break }
        }
        return batch
    }

    /// Loads, validates and computes a dataset. Results are computed only when there are no errors.
    /// - Parameter previous: where last year's ranks and indexes come from (previous.csv by default).
    public static func check(_ folder: URL, previous: any PreviousResultsSource = PreviousCSV()) -> Checked {
        // The checking steps report through diagnostics and never throw.
        let batch = (try? checking.run(Batch(folder, previous: previous))) ?? Batch(folder, previous: previous)
        return batch.checked
    }
}
