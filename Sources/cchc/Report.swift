import ArgumentParser
import CCHCKit
import Foundation

/// Prints to standard error, one way for every command: diagnostics as `file:line: error: …`
/// (paths relative to where the user typed them), any other failure as `error: …`, then what
/// became of the user's files; the exit code is then 1. A wrong command line is ArgumentParser's
/// `ValidationError`: its message and the usage, exit 64.
enum Report {
    /// Prints `error` (each line that has no location of its own as `error: …`) and `footer`;
    /// returns the exit code to throw.
    static func failure(_ error: Error, _ footer: String? = nil) -> ExitCode {
        let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.contains(": error: ") || line.hasPrefix("error: ") || line.hasPrefix("    ") ? String(line) : "error: \(line)"
        }
        if let footer { lines.append(footer) }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        return .failure
    }

    /// Prints the batch's diagnostics (warnings as errors when it is strict); when a step stopped
    /// the batch, says which and how many problems, and throws the exit code 1.
    static func diagnostics(_ batch: Pipeline.Batch, dataset: String) throws {
        for d in batch.diagnostics.sorted {
            // Files of the dataset are shown from where the user typed it.
            var shown = d.located(in: dataset)
            if batch.strict && d.severity == .warning { shown.severity = .error }
            FileHandle.standardError.write(Data((shown.description + "\n").utf8))
        }
        if let step = batch.stoppedAt {
            let errors = batch.problems.count
            FileHandle.standardError.write(
                Data("\(step.rawValue): \(errors) error\(errors == 1 ? "" : "s") found.\n".utf8))
            throw ExitCode.failure
        }
    }
}
