import CCHCCore
import Foundation

/// Why a pipeline stopped, tagged with the step it stopped in.
public enum PipelineError: Error, LocalizedError, Sendable {
    /// A step threw: its name, and the error of its own layer (`RenderError`, `ArchiveError`).
    case failed(step: Pipeline.StepName, any Error)
    /// A step found problems in the data that stop the batch (each one listed, with its file and line).
    case stopped(step: Pipeline.StepName, [Diagnostic])

    /// The step's name before the first line of the error: `render: Output/x: …`. Lines that
    /// carry their own location (`plan.yaml:3: error: …`) stay as they are.
    public var errorDescription: String? {
        switch self {
        case .failed(let step, let error):
            let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
            return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.contains(": error: ") ? String(line) : "\(step.rawValue): \(line)"
            }.joined(separator: "\n")
        case .stopped(let step, let diagnostics):
            let count = diagnostics.count
            return
                (diagnostics.map(\.description)
                + ["\(step.rawValue): \(count) problem\(count == 1 ? "" : "s") in the dataset; nothing after this step ran"])
                .joined(separator: "\n")
        }
    }
}
