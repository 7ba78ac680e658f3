import Foundation

/// Why an archive operation refused or failed. The store is left as it was in every case. A
/// dataset with errors, or a render that fails, is the pipeline's `PipelineError`, tagged with its step.
public enum ArchiveError: Error, LocalizedError, Sendable {
    /// The folder was not written by `cchc render` (no cchc-render.json).
    case notRendered(String)
    /// The rendered documents no longer follow from their dataset and templates.
    case staleRender(folder: String, paths: [String])
    /// A record or document number already archived with different content.
    case immutable(String)
    /// A key file that cannot be read.
    case badKey(path: String, reason: String)
    /// A file the archive will not take: a symbolic link, a special file.
    case refusedInput(path: String, reason: String)
    /// The store cannot be used.
    case store(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .notRendered(let path): return "\(path): no cchc-render.json; expected a folder written by `cchc render`"
        case .staleRender(let folder, let paths):
            return "\(folder): these documents differ from what the dataset and templates render to now: "
                + paths.prefix(10).joined(separator: ", ") + (paths.count > 10 ? " (+\(paths.count - 10) more)" : "")
                + "; run `cchc render` again before archiving"
        case .immutable(let message): return message
        case .badKey(let path, let reason): return "\(path): \(reason)"
        case .store(let path, let reason), .refusedInput(let path, let reason): return "\(path): \(reason)"
        }
    }
}
