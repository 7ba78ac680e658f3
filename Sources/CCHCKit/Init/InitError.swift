import Foundation

/// Why `cchc init` wrote nothing.
public enum InitError: Error, LocalizedError, Sendable {
    /// The folder exists and holds files: a dataset is never written over.
    case notEmpty(path: String)
    /// `--framework` or `--units` cannot be read.
    case unreadable(path: String, reason: String)
    /// The framework or the units given have errors (each listed, with file and line).
    case inputs([Diagnostic])
    /// The new dataset could not be written.
    case write(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notEmpty(let path):
            return "\(path): already exists and is not an empty folder; expected a new folder name for the dataset"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason)); expected a CSV file"
        case .inputs(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .write(let path, let reason): return "\(path): cannot be written: \(reason)"
        }
    }
}
