import CCHCCore
import Foundation

/// Why `cchc init` wrote nothing.
public enum InitError: Error, LocalizedError, Sendable {
    /// The folder exists and holds files: a dataset is never written over.
    case notEmpty(path: String)
    /// `--framework` or `--units` cannot be read.
    case unreadable(path: String, reason: String)
    /// One of several frameworks given is not named `framework-<name>.csv`, as units.csv names them.
    case frameworkName(path: String)
    /// The framework or the units given have errors (each listed, with file and line).
    case inputs([Diagnostic])
    /// The new dataset could not be written.
    case write(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notEmpty(let path):
            return "\(path): already exists and is not an empty folder; expected a new folder name for the dataset"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason)); expected a CSV file"
        case .frameworkName(let path):
            return
                "\(path): with several frameworks, each must be named framework-<name>.csv as units.csv names it (e.g. framework-so.csv); rename the file, or give one framework only"
        case .inputs(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .write(let path, let reason): return "\(path): cannot be written: \(reason)"
        }
    }
}
